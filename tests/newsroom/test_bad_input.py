"""Bad input in the admin becomes form errors, and hostile text renders escaped."""

import pytest
from django.urls import reverse
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file

from nashra.newsroom.models import ArticlePage

from .admin_forms import article_form_data

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("plain_admin_templates")]


def edit(client, article, **fields):
    data = article_form_data(article, loaded_revision=article.get_latest_revision(), **fields)
    return client.post(reverse("wagtailadmin_pages:edit", args=(article.pk,)), data)


@pytest.mark.ignore_template_errors
@pytest.mark.parametrize(
    "fields, error",
    [
        ({"title": ""}, "This field is required"),
        ({"standfirst": "x" * 201}, "Ensure this value has at most 200 characters"),
        (
            {"go_live_at": "2001-01-01 09:00", "action-publish": "1"},
            "The scheduled time is in the past",
        ),
    ],
    ids=["empty headline", "long standfirst", "schedule in the past"],
)
def test_bad_article_fields_are_form_errors(
    fields, error, article_factory, own_section, duty_editor, client
):
    article = article_factory(own_section)
    client.force_login(duty_editor)
    response = edit(client, article, **fields)
    assert response.status_code == 200  # the form again, never a 500
    assert error in response.content.decode()
    assert not ArticlePage.objects.get(pk=article.pk).live


@pytest.mark.ignore_template_errors
def test_image_block_without_alt_text_is_a_form_error(
    article_factory, own_section, duty_editor, client
):
    image = Image.objects.create(title="Test", file=get_test_image_file())
    article = article_factory(own_section)
    client.force_login(duty_editor)
    body = [("image", {"image": image.pk, "alt": "", "caption": "", "credit": ""})]
    response = edit(client, article, body=body)
    assert response.status_code == 200
    assert (
        "Every image needs alt text." in response.content.decode()
        or "This field is required" in response.content.decode()
    )


@pytest.mark.ignore_template_errors
def test_hero_image_without_alt_text_is_a_form_error(
    article_factory, own_section, duty_editor, client
):
    image = Image.objects.create(title="Hero", file=get_test_image_file())
    article = article_factory(own_section)
    client.force_login(duty_editor)
    response = edit(client, article, hero_image=str(image.pk), hero_alt="")
    assert response.status_code == 200
    assert "A hero image needs alt text." in response.content.decode()


@pytest.mark.ignore_template_errors
def test_create_view_with_empty_headline_is_a_form_error(own_section, duty_editor, client):
    client.force_login(duty_editor)
    url = reverse("wagtailadmin_pages:add", args=("newsroom", "articlepage", own_section.pk))
    response = client.post(url, article_form_data(None, title="", slug="new-one"))
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()


XSS = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    '"><svg onload=alert(1)>',
    "javascript:alert(1)",
    '<a href="javascript:alert(1)">x</a>',
    "</title><script>alert(1)</script>",
    "<iframe src=javascript:alert(1)>",
]


def as_submitted_rich_text(text: str) -> str:
    """What Wagtail stores when an editor types `text` (and links it) in the rich text editor."""
    import json

    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    contentstate = {
        "blocks": [
            {
                "key": "a",
                "type": "unstyled",
                "depth": 0,
                "text": text,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": len(text), "key": 0}],
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": text}}},
    }
    return ContentstateConverter(features=["bold", "italic", "link"]).to_database_format(
        json.dumps(contentstate)
    )


def unescaped_danger(html: str) -> list[str]:
    """Live markup an attacker would need: script/iframe/svg elements, on* handlers, javascript: URLs.

    Parsed as a browser would, so escaped text that merely reads "onerror=" is not flagged.
    """
    import json
    from html.parser import HTMLParser

    found: list[str] = []

    class Finder(HTMLParser):
        script_type = None

        def handle_starttag(self, tag, attrs):
            attributes = dict(attrs)
            if tag == "script":
                self.script_type = attributes.get("type") or "text/javascript"
            elif tag in ("iframe", "svg", "object", "embed"):
                found.append(f"<{tag}>")
            for name, value in attrs:
                if name.startswith("on"):
                    found.append(f"{tag} {name}=")
                if name in ("href", "src", "action") and (value or "").strip().lower().startswith(
                    "javascript:"
                ):
                    found.append(f"{tag} {name}=javascript:")

        def handle_endtag(self, tag):
            if tag == "script":
                self.script_type = None

        def handle_data(self, data):
            if self.script_type is None:
                return
            if self.script_type == "application/ld+json":
                try:  # a payload that broke out of the JSON would leave it truncated
                    json.loads(data)
                except ValueError:
                    found.append("broken ld+json")
            elif "alert(" in data:
                found.append("<script>")

    Finder().feed(html)
    return found


@pytest.mark.parametrize("payload", XSS)
def test_hostile_text_in_every_field_renders_escaped(payload, article_factory, own_section, client):
    image = Image.objects.create(title="Pic", file=get_test_image_file())
    body = [
        {"type": "paragraph", "value": as_submitted_rich_text(payload)},
        {"type": "quote", "value": {"text": payload, "attribution": payload}},
        {
            "type": "image",
            "value": {"image": image.pk, "alt": payload, "caption": payload, "credit": payload},
        },
        {"type": "fact_box", "value": {"title": payload, "items": [payload, payload]}},
    ]
    article = article_factory(
        own_section,
        live=True,
        title=f"Headline {payload}",
        kicker=payload[:60],
        standfirst=payload,
        dateline_city=payload,
        dateline_country=payload,
        hero_image=image,
        hero_alt=payload,
        hero_caption=payload,
        hero_credit=payload,
        body=body,
    )
    response = client.get(article.url)
    assert response.status_code == 200
    html = response.content.decode()
    assert unescaped_danger(html) == [], payload
    assert "alert(1)" in html  # the text is shown, escaped, not dropped
    section = client.get(own_section.url).content.decode()
    assert unescaped_danger(section) == []


def test_rich_text_as_submitted_never_keeps_a_script_or_javascript_link():
    stored = as_submitted_rich_text("<script>alert(1)</script>")
    assert "<script" not in stored
    assert 'href="javascript:' not in as_submitted_rich_text("javascript:alert(1)")


def test_the_danger_finder_flags_live_markup():
    assert unescaped_danger(
        '<img src=x onerror=alert(1)><script>alert(1)</script><a href="javascript:x">'
    ) == [
        "img onerror=",
        "<script>",
        "a href=javascript:",
    ]
    assert unescaped_danger("&lt;img src=x onerror=alert(1)&gt;") == []
