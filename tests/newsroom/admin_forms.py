"""POST data for Wagtail's article edit/create form, built the way the browser sends it."""

from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield


def article_form_data(article=None, *, body=(), loaded_revision=None, **overrides):
    data = {
        "title": getattr(article, "title", "A new story"),
        "slug": getattr(article, "slug", "a-new-story"),
        "kicker": getattr(article, "kicker", ""),
        "standfirst": getattr(article, "standfirst", ""),
        "dateline_city": "",
        "dateline_country": "",
        "hero_alt": "",
        "hero_caption": "",
        "hero_credit": "",
        "body": streamfield(list(body)),
        "comments": inline_formset([]),
        "seo_title": "",
        "search_description": "",
        "tags": "",
        "urgency": "4",
        "canonical_url": "",
        "go_live_at": "",
        "expire_at": "",
    }
    data.update(overrides)
    form = nested_form_data(data)
    if loaded_revision is not None:
        form["loaded_revision_id"] = str(loaded_revision.pk)
        form["loaded_revision_created_at"] = loaded_revision.created_at.isoformat()
    return form


def publish_through_edit_form(client, story, **overrides):
    """POST the admin's real edit form with "Publish", built on the story's latest revision."""
    data = article_form_data(story, loaded_revision=story.latest_revision, **overrides)
    return client.post(
        reverse("wagtailadmin_pages:edit", args=(story.pk,)), {**data, "action-publish": "1"}
    )
