from django import template
from django.utils.safestring import mark_safe

from nashra.syndication import structured_data

register = template.Library()


@register.inclusion_tag("syndication/article_meta.html")
def article_meta(article):
    return {
        "json_ld": mark_safe(structured_data.json_ld(structured_data.news_article(article))),  # noqa: S308
        "meta": structured_data.social_meta(article),
    }
