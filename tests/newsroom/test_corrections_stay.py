"""A correction, once published, stays: no revision from before it can take it away.

Corrections are rows of their own (`ArticleCorrection`) but Wagtail also writes them into
each revision's content, so publishing or reverting to a revision from before a
correction used to publish "no corrections" and delete the row. The object built from
any revision now carries every correction in the database (`ArticlePage.with_content_json`).
"""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import PageLogEntry

from nashra.newsroom.actions import CorrectStoryAction, KillStoryAction
from nashra.newsroom.errors import ActionRefused
from nashra.newsroom.models import ArticleCorrection, ArticlePage

from . import steps
from .admin_forms import article_form_data, publish_through_edit_form

# Wagtail's own admin templates rely on missing variables rendering as ''.
pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

NOTE = "An earlier version gave the wrong date for the vote."
SECOND_NOTE = "An earlier version misspelt the minister's name."


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def revert_url(page, revision):
    return reverse("wagtailadmin_pages:revisions_revert", args=(page.pk, revision.pk))


def correct_url(page):
    return reverse("nashra_correct_story", args=(page.pk,))


def fresh(page):
    return ArticlePage.objects.get(pk=page.pk)


def notes(page):
    return list(
        ArticleCorrection.objects.filter(article=page)
        .order_by("corrected_at", "pk")
        .values_list("note", flat=True)
    )


@pytest.fixture
def live_story(article_factory, own_section):
    return article_factory(own_section, live=True, title="Council approves new road plan")


@pytest.fixture
def corrected(live_story, desk_editor):
    """A live story, its revision from before the correction, and the correction."""
    before = live_story.get_latest_revision()
    correction = CorrectStoryAction(live_story, user=desk_editor, note=NOTE).execute()
    return fresh(live_story), before, correction


def test_publishing_a_revision_from_before_the_correction_keeps_it(corrected, desk_editor, client):
    story, before, correction = corrected

    steps.publish(story, desk_editor, revision=before)

    assert fresh(story).live_revision_id == before.pk  # the old revision really went live
    assert list(ArticleCorrection.objects.filter(article=story)) == [correction]  # same row
    assert NOTE in client.get(story.url).content.decode()
    assert NOTE in client.get("/corrections/").content.decode()


def test_any_revision_read_back_carries_the_saved_corrections(corrected):
    story, before, correction = corrected

    with CaptureQueriesContext(connection) as queries:
        old = story.with_content_json(before.content)
        listed = [c.pk for c in old.corrections.all()]

    assert listed == [correction.pk]
    asked = [q["sql"] for q in queries.captured_queries if "newsroom_articlecorrection" in q["sql"]]
    assert len(asked) == 1  # one query for the corrections, on top of Wagtail's own


def test_publishing_the_corrections_own_revision_again_keeps_one_and_the_same_row(
    corrected, desk_editor
):
    # The revision written by actions.correct holds the correction before it had a
    # primary key; publishing it again must neither add a twin nor replace the row.
    story, _, correction = corrected

    steps.publish(story, desk_editor, revision=story.live_revision)

    assert list(ArticleCorrection.objects.filter(article=story)) == [correction]


def test_a_second_correction_on_an_old_draft_keeps_the_first(corrected, desk_editor):
    story, before, first = corrected
    before.as_object().save_revision(user=desk_editor)  # a draft from before the correction

    CorrectStoryAction(fresh(story), user=desk_editor, note=SECOND_NOTE).execute()

    assert notes(story) == [NOTE, SECOND_NOTE]
    assert ArticleCorrection.objects.filter(pk=first.pk).exists()


def test_reverting_through_the_admin_keeps_the_correction(corrected, desk_editor, client):
    story, before, correction = corrected
    client.force_login(desk_editor)

    form = client.get(revert_url(story, before))
    assert form.status_code == 200
    assert NOTE in form.content.decode()  # the read-only panel of the old version shows it
    compare = reverse(
        "wagtailadmin_pages:revisions_compare",
        args=(story.pk, before.pk, story.get_latest_revision().pk),
    )
    assert client.get(compare).status_code == 200

    response = client.post(
        revert_url(story, before),
        {
            **article_form_data(
                before.as_object(),
                title="Council backs road plan",
                loaded_revision=story.latest_revision,
            ),
            "action-publish": "1",
        },
    )

    assert response.status_code == 302
    story = fresh(story)
    assert story.title == "Council backs road plan"  # the revert really published
    assert PageLogEntry.objects.filter(page=story, action="wagtail.revert").exists()
    assert list(ArticleCorrection.objects.filter(article=story)) == [correction]
    client.logout()
    assert NOTE in client.get(story.url).content.decode()


def test_an_edit_after_reverting_to_a_draft_keeps_the_correction(corrected, desk_editor, client):
    # History -> Revert -> Save draft, then a normal edit and Publish in the edit form.
    story, before, correction = corrected
    client.force_login(desk_editor)
    client.post(
        revert_url(story, before),
        article_form_data(before.as_object(), loaded_revision=story.latest_revision),
    )
    story = fresh(story)
    assert story.has_unpublished_changes

    edit = client.get(edit_url(story))
    assert NOTE in edit.content.decode()  # the panel lists it while editing the draft
    response = publish_through_edit_form(client, story, title="Council approves road plan")

    assert response.status_code == 302
    story = fresh(story)
    assert story.title == "Council approves road plan"
    assert list(ArticleCorrection.objects.filter(article=story)) == [correction]
    assert [c.note for c in story.get_latest_revision_as_object().corrections.all()] == [NOTE]


# A killed story


@pytest.fixture
def killed_story(live_story, duty_editor):
    KillStoryAction(live_story, user=duty_editor, reason="Withdrawn on legal advice.").execute()
    return fresh(live_story)


def test_correcting_a_killed_story_is_refused(killed_story, desk_editor):
    with pytest.raises(ActionRefused, match="a killed story cannot be corrected"):
        CorrectStoryAction(killed_story, user=desk_editor, note=NOTE).execute()
    assert notes(killed_story) == []
    assert fresh(killed_story).latest_revision_id == killed_story.latest_revision_id


def test_a_killed_story_offers_no_correction_button(killed_story, desk_editor, client):
    client.force_login(desk_editor)
    html = client.get(edit_url(killed_story)).content.decode()
    assert correct_url(killed_story) not in html


def test_a_forged_correction_of_a_killed_story_is_a_form_error(killed_story, desk_editor, client):
    client.force_login(desk_editor)

    response = client.post(correct_url(killed_story), {"note": NOTE})

    assert response.status_code == 200
    assert "a killed story cannot be corrected" in response.content.decode()
    assert notes(killed_story) == []
