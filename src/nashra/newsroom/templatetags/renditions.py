"""{% rendition image "card" alt="" %}: a picture from the site's declared renditions.

Unlike Wagtail's {% image %}, it never makes a rendition on a reader's request
(nashra.newsroom.renditions): a missing one renders nothing.
"""

from django import template

from nashra.newsroom import renditions

register = template.Library()


@register.simple_tag(takes_context=True)
def rendition(context, image, name: str, **attrs) -> str:
    found = renditions.for_request(image, name, context.get("request"))
    if found is None:
        return ""
    return found.img_tag(attrs)
