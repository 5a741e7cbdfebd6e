"""Public newsroom pages that are not Wagtail pages: the corrections log."""

from django.core.paginator import EmptyPage, Paginator
from django.db.models import Max
from django.http import Http404
from django.template.response import TemplateResponse

from nashra.kernel.language import current_edition
from nashra.newsroom.models import ArticlePage
from nashra.newsroom.models.pages import requested_page_number
from nashra.newsroom.published import only_published

CORRECTIONS_PER_PAGE = 30


def corrections(request):
    """Every corrected story of this edition the public may see, most recently corrected first."""
    stories = (
        only_published(
            ArticlePage.objects.filter(
                locale__language_code=current_edition(), corrections__isnull=False
            )
        )
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
