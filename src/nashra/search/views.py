"""GET /search/: the reader's search page for both editions."""

from django.conf import settings
from django.core.paginator import Paginator
from django.shortcuts import render
from django.utils.safestring import mark_safe
from django.utils.translation import gettext as _

from nashra.engines.text.highlight import find_spans, snippet
from nashra.kernel.language import current_edition
from nashra.newsroom.models.pages import requested_page_number
from nashra.search.forms import SearchForm
from nashra.search.query import QUERY_MAX_CHARS, SearchRequest, search_articles


def search(request):
    params = request.GET.copy()
    notices = []
    raw = params.get("q", "")
    if len(raw) > QUERY_MAX_CHARS:
        params["q"] = raw[:QUERY_MAX_CHARS]
        notices.append(
            _("Your search was too long, so only its first %(count)s characters were used.")
            % {"count": QUERY_MAX_CHARS}
        )
    language = current_edition()
    if not params.get("lang"):
        params["lang"] = language
    form = SearchForm(params)
    form.is_valid()  # invalid fields are shown next to the field; the rest still apply
    data = form.cleaned_data
    search_request = SearchRequest(
        text=data.get("q") or "",
        section=data.get("section") or "",
        date_from=data.get("date_from"),
        date_to=data.get("date_to"),
        languages=[] if data.get("lang") == "any" else [data.get("lang") or language],
    )
    context = {"form": form, "notices": notices, "query": search_request.text, "results": None}
    if search_request.text:
        terms = search_request.terms
        if not terms:
            notices.append(_("Your search has no words we can look for. Try letters or numbers."))
        found = search_articles(search_request)
        paginator = Paginator(found, settings.NASHRA_SEARCH_PAGE_SIZE)
        page = paginator.get_page(requested_page_number(request))
        context["results"] = page
        # More stories matched than are ranked (NASHRA_SEARCH_WINDOW): say so.
        context["capped"] = getattr(found, "capped", False)
        context["hits"] = [
            {
                "article": article,
                # snippet() escapes all of the article text; its only markup is <mark>.
                "headline": mark_safe(snippet(article.title, terms, width=400)),  # noqa: S308
                "snippet": mark_safe(  # noqa: S308
                    snippet(
                        article.standfirst
                        if _matches(article.standfirst, terms)
                        else article.body_text() or article.standfirst,
                        terms,
                    )
                ),
            }
            for article in page.object_list
        ]
        query_without_page = params.copy()
        query_without_page.pop("page", None)
        context["page_query"] = query_without_page.urlencode()
    return render(request, "search/search.html", context)


def _matches(text: str, terms: list[str]) -> bool:
    return bool(text and find_spans(text, terms))
