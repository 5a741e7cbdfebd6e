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
    """Live markup an attacker needs: script/iframe/svg elements, on* handlers, javascript: URLs.

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


def bad_new_article(case: str) -> tuple[dict, str, set[str]]:
    """POST fields for a new article with one fault, the field it is on, and its messages."""
    if case == "empty headline":
        return {"title": ""}, "title", {"This field is required."}
    if case == "long standfirst":
        return (
            {"standfirst": "x" * 201},
            "standfirst",
            {"Ensure this value has at most 200 characters (it has 201)."},
        )
    if case == "schedule in the past":
        return (
            {"go_live_at": "2001-01-01 09:00"},
            "go_live_at",
            {"The scheduled time is in the past; publish now instead."},
        )
    image = Image.objects.create(title="New", file=get_test_image_file())
    if case == "body image without alt text":
        block = ("image", {"image": image.pk, "alt": "", "caption": "", "credit": ""})
        # A draft gets the newsroom's wording; a submission meets the required field first.
        return {"body": [block]}, "body", {"Every image needs alt text.", "This field is required."}
    return (
        {"hero_image": str(image.pk), "hero_alt": ""},
        "hero_alt",
        {"A hero image needs alt text."},
    )


def error_messages(form, field: str) -> set[str]:
    errors = form.errors.as_data()[field]
    if field != "body":
        return {message for error in errors for message in error.messages}
    image_block = errors[0].as_json_data()["blockErrors"][0]["blockErrors"]
    return set(image_block["alt"]["messages"])


@pytest.mark.ignore_template_errors
@pytest.mark.parametrize(
    "case",
    [
        "empty headline",
        "long standfirst",
        "schedule in the past",
        "body image without alt text",
        "hero image without alt text",
    ],
)
@pytest.mark.parametrize("action", ["save draft", "submit for review"])
def test_a_reporters_bad_new_article_is_a_form_error(case, action, own_section, reporter, client):
    client.force_login(reporter)
    fields, field, messages = bad_new_article(case)
    data = article_form_data(None, slug="bad-new-story", **fields)
    if action == "submit for review":
        data["action-submit"] = "Submit to Newsroom review"
    url = reverse("wagtailadmin_pages:add", args=("newsroom", "articlepage", own_section.pk))
    response = client.post(url, data)
    assert response.status_code == 200  # the form again, never a 500
    assert "The page could not be created due to validation errors" in response.content.decode()
    shown = error_messages(response.context["form"], field)
    assert shown
    assert shown <= messages
    assert not ArticlePage.objects.filter(slug="bad-new-story").exists()


@pytest.mark.ignore_template_errors
def test_approving_with_a_schedule_in_the_past_is_a_form_error(
    article_factory, own_section, reporter, desk_editor, client
):
    from tests.newsroom import steps

    article = article_factory(own_section)
    steps.submit(article, reporter)
    client.force_login(desk_editor)
    data = article_form_data(
        article,
        loaded_revision=article.get_latest_revision(),
        go_live_at="2001-01-01 09:00",
        **{"action-workflow-action": "true", "workflow-action-name": "approve"},
    )
    response = client.post(reverse("wagtailadmin_pages:edit", args=(article.pk,)), data)
    assert response.status_code == 200
    assert "The scheduled time is in the past" in response.content.decode()
    article = ArticlePage.objects.get(pk=article.pk)
    assert not article.live
    assert article.current_workflow_state.current_task_state.status == "in_progress"
