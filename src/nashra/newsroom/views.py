"""Public newsroom pages that are not Wagtail pages: the corrections log."""

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Max
from django.http import Http404
from django.template.response import TemplateResponse
from django.utils.translation import get_language

from nashra.newsroom.models import ArticlePage
from nashra.newsroom.models.pages import requested_page_number

CORRECTIONS_PER_PAGE = 30


def corrections(request):
    """Every corrected story of this edition, most recently corrected first."""
    language = (get_language() or "en").split("-")[0]
    stories = (
        ArticlePage.objects.live()
        .filter(killed_at__isnull=True, locale__language_code=language, corrections__isnull=False)
        .annotate(last_corrected_at=Max("corrections__corrected_at"))
        .prefetch_related("corrections")
        .order_by("-last_corrected_at", "-pk")
    )
    paginator = Paginator(stories, CORRECTIONS_PER_PAGE)
    try:
        page = paginator.page(requested_page_number(request))
    except EmptyPage:
        raise Http404("There is no such page of corrections") from None
    return TemplateResponse(request, "newsroom/corrections.html", {"stories": page})
