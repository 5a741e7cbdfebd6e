"""The admin's "Add correction" and "Kill" screens, driven through the real admin URLs.

Both are thin forms in front of `CorrectStoryAction` / `KillStoryAction`; these tests check that
what an editor does in the admin has the action's whole effect, and that a refusal (of
the person or of the change) is shown and changes nothing.
"""

import pytest
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page, PageLogEntry

from nashra.newsroom import wagtail_hooks
from nashra.newsroom.actions import CorrectStoryAction, KillStoryAction
from nashra.newsroom.models import ArticleCorrection, ArticlePage

from .admin_forms import publish_through_edit_form

# Wagtail's own admin templates rely on missing variables rendering as ''.
pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]

NOTE = "An earlier version gave the wrong date for the vote."
REASON = "Withdrawn on legal advice."


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=(page.pk,))


def correct_url(page):
    return reverse("nashra_correct_story", args=(page.pk,))


def kill_url(page):
    return reverse("nashra_kill_story", args=(page.pk,))


def logged(page, action):
    return PageLogEntry.objects.filter(page=page, action=action).count()


def messages_of(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def fresh(page):
    return ArticlePage.objects.get(pk=page.pk)


@pytest.fixture
def live_story(article_factory, own_section):
    return article_factory(own_section, live=True, title="Council approves new road plan")


@pytest.fixture
def other_desk_story(article_factory, other_section):
    return article_factory(other_section, live=True, title="Summit ends without a deal")


# Add a correction


def test_desk_editor_adds_a_correction_and_the_story_shows_it(live_story, desk_editor, client):
    before = fresh(live_story).updated_at
    client.force_login(desk_editor)
    form = client.get(correct_url(live_story))
    assert form.status_code == 200
    assert 'name="note"' in form.content.decode()

    response = client.post(correct_url(live_story), {"note": NOTE})

    assert response.status_code == 302
    assert response.url == edit_url(live_story)
    assert any("Correction added" in m for m in messages_of(response))
    story = fresh(live_story)
    assert [c.note for c in story.corrections.all()] == [NOTE]
    assert story.updated_at is not None
    assert before is None or story.updated_at > before
    assert story.updated_at == story.corrections.get().corrected_at
    assert logged(story, "nashra.correct") == 1
    client.logout()
    assert NOTE in client.get(story.url).content.decode()
    assert NOTE in client.get("/corrections/").content.decode()


def test_empty_note_is_a_form_error_and_changes_nothing(live_story, desk_editor, client):
    revisions = live_story.revisions.count()
    client.force_login(desk_editor)

    response = client.post(correct_url(live_story), {"note": "   "})

    assert response.status_code == 200
    assert response.context["form"].errors["note"]
    assert fresh(live_story).corrections.count() == 0
    assert live_story.revisions.count() == revisions
    assert logged(live_story, "nashra.correct") == 0


def test_refusal_of_the_action_is_a_form_error_keeping_the_note(
    article_factory, own_section, desk_editor, client
):
    draft = article_factory(own_section, live=False)  # only a live story can be corrected
    client.force_login(desk_editor)

    response = client.post(correct_url(draft), {"note": NOTE})

    assert response.status_code == 200
    html = response.content.decode()
    assert "only a published story can be corrected" in html
    assert NOTE in html  # what the editor typed is still in the textarea
    assert ArticleCorrection.objects.filter(article=draft).count() == 0


def test_reporter_forging_a_correction_changes_nothing(live_story, reporter, client):
    client.force_login(reporter)

    response = client.post(correct_url(live_story), {"note": NOTE})

    assert response.status_code == 302
    assert response.url == edit_url(live_story)
    assert any("a reporter cannot correct stories" in m for m in messages_of(response))
    assert fresh(live_story).corrections.count() == 0
    assert logged(live_story, "nashra.correct") == 0


def test_reporter_is_refused_the_correction_form_itself(live_story, reporter, client):
    client.force_login(reporter)
    response = client.get(correct_url(live_story))
    assert response.status_code == 302
    assert response.url == edit_url(live_story)


def test_another_desks_editor_forging_a_correction_changes_nothing(
    other_desk_story, desk_editor, client
):
    client.force_login(desk_editor)

    response = client.post(correct_url(other_desk_story), {"note": NOTE})

    assert response.status_code == 302
    assert any("only in their own sections" in m for m in messages_of(response))
    assert fresh(other_desk_story).corrections.count() == 0
    assert logged(other_desk_story, "nashra.correct") == 0


def test_a_page_that_is_not_an_article_is_not_found(own_section, duty_editor, client):
    client.force_login(duty_editor)
    assert client.get(correct_url(own_section)).status_code == 404
    assert client.get(kill_url(own_section)).status_code == 404


def test_a_missing_page_is_not_found(duty_editor, client):
    client.force_login(duty_editor)
    missing = Page.objects.order_by("-pk").first().pk + 1000
    assert client.get(reverse("nashra_correct_story", args=(missing,))).status_code == 404
    assert client.get(reverse("nashra_kill_story", args=(missing,))).status_code == 404


# The admin runs the actions themselves


def recording(monkeypatch, action_class) -> list:
    """Record each call of `action_class.execute`, still running it."""
    calls = []
    original = action_class.execute

    def execute(self, *args, **kwargs):
        calls.append(self)
        return original(self, *args, **kwargs)

    monkeypatch.setattr(action_class, "execute", execute)
    return calls


def test_the_correction_form_runs_the_correct_story_action(
    live_story, desk_editor, client, monkeypatch
):
    calls = recording(monkeypatch, CorrectStoryAction)
    client.force_login(desk_editor)
    client.post(correct_url(live_story), {"note": NOTE})
    assert [(call.page.pk, call.user, call.note) for call in calls] == [
        (live_story.pk, desk_editor, NOTE)
    ]
    assert fresh(live_story).corrections.get().note == NOTE


def test_the_kill_form_runs_the_kill_story_action(live_story, desk_editor, client, monkeypatch):
    calls = recording(monkeypatch, KillStoryAction)
    client.force_login(desk_editor)
    client.post(kill_url(live_story), {"reason": REASON})
    assert [(call.page.pk, call.user, call.reason) for call in calls] == [
        (live_story.pk, desk_editor, REASON)
    ]
    assert fresh(live_story).kill_reason == REASON


# The corrections in the edit form


def test_saving_the_edit_form_after_a_correction_keeps_it(live_story, desk_editor, client):
    CorrectStoryAction(live_story, user=desk_editor, note=NOTE).execute()
    story = fresh(live_story)
    client.force_login(desk_editor)

    response = publish_through_edit_form(client, story, title="Council approves road plan")

    assert response.status_code == 302
    story = fresh(live_story)
    assert story.title == "Council approves road plan"  # the save really published
    assert [c.note for c in story.corrections.all()] == [NOTE]
    assert [c.note for c in story.get_latest_revision_as_object().corrections.all()] == [NOTE]


def test_edit_form_lists_corrections_read_only_in_dubai_time_escaped(
    live_story, desk_editor, client
):
    from datetime import UTC, datetime

    import time_machine

    with time_machine.travel(datetime(2026, 3, 1, 22, 30, tzinfo=UTC), tick=False):
        CorrectStoryAction(
            live_story, user=desk_editor, note="<script>alert(1)</script> was wrong"
        ).execute()
    client.force_login(desk_editor)

    html = client.get(edit_url(live_story)).content.decode()

    assert "2 March 2026, 02:30" in html  # 22:30 UTC is 02:30 the next day in Dubai
    assert "&lt;script&gt;alert(1)&lt;/script&gt; was wrong" in html
    assert "<script>alert(1)</script>" not in html
    assert 'name="corrections-TOTAL_FORMS"' not in html  # no formset to edit them with
    assert html.count(f'href="{correct_url(live_story)}"') >= 2  # panel and header


def test_edit_form_has_no_corrections_panel_when_there_are_none(live_story, desk_editor, client):
    client.force_login(desk_editor)
    html = client.get(edit_url(live_story)).content.decode()
    assert "nashra-corrections" not in html


# Kill


def test_desk_editor_kills_a_story_and_its_address_answers_410(live_story, desk_editor, client):
    client.force_login(desk_editor)
    form = client.get(kill_url(live_story)).content.decode()
    assert "410 Gone" in form
    assert "cannot be undone" in form

    response = client.post(kill_url(live_story), {"reason": REASON})

    assert response.status_code == 302
    assert response.url == edit_url(live_story)
    assert any("was killed" in m for m in messages_of(response))
    assert logged(live_story, "nashra.kill") == 1
    client.logout()
    gone = client.get(live_story.url)
    assert gone.status_code == 410
    assert REASON in gone.content.decode()


def test_empty_reason_is_a_form_error_and_the_story_stays(live_story, desk_editor, client):
    client.force_login(desk_editor)

    response = client.post(kill_url(live_story), {"reason": " "})

    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert fresh(live_story).killed_at is None
    assert client.get(live_story.url).status_code == 200


def test_reason_longer_than_the_notice_holds_is_a_form_error(live_story, desk_editor, client):
    client.force_login(desk_editor)

    response = client.post(kill_url(live_story), {"reason": "x" * 301})

    assert response.status_code == 200
    assert response.context["form"].errors["reason"]
    assert fresh(live_story).killed_at is None


def test_killing_twice_says_it_is_already_killed(live_story, desk_editor, client):
    KillStoryAction(live_story, user=desk_editor, reason=REASON).execute()
    client.force_login(desk_editor)

    page = client.get(kill_url(live_story))
    assert page.status_code == 200
    assert "already killed" in page.content.decode()
    assert 'name="reason"' not in page.content.decode()

    again = client.post(kill_url(live_story), {"reason": "Another reason."})
    assert again.status_code == 200
    assert "was already killed" in again.content.decode()
    assert fresh(live_story).kill_reason == REASON
    assert logged(live_story, "nashra.kill") == 1


def test_reporter_forging_a_kill_changes_nothing(live_story, reporter, client):
    client.force_login(reporter)

    response = client.post(kill_url(live_story), {"reason": REASON})

    assert response.status_code == 302
    assert any("a reporter cannot kill stories" in m for m in messages_of(response))
    assert fresh(live_story).killed_at is None
    assert client.get(live_story.url).status_code == 200


def test_another_desks_editor_forging_a_kill_changes_nothing(other_desk_story, desk_editor, client):
    client.force_login(desk_editor)

    response = client.post(kill_url(other_desk_story), {"reason": REASON})

    assert response.status_code == 302
    assert fresh(other_desk_story).killed_at is None
    assert logged(other_desk_story, "nashra.kill") == 0


# The buttons


def header_html(client, user, page):
    client.force_login(user)
    response = client.get(edit_url(page))
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('id="w-slim-header-buttons"')  # the header's "…" (Actions) menu
    return html[start : html.index("</nav>", start)]


@pytest.mark.parametrize("persona", ["desk_editor", "duty_editor", "admin_user"])
def test_editors_who_may_publish_get_both_buttons(live_story, personas, persona, client):
    header = header_html(client, personas[persona], live_story)
    assert correct_url(live_story) in header
    assert "Add correction" in header
    assert kill_url(live_story) in header


@pytest.mark.parametrize("persona", ["reporter", "sub_editor"])
def test_reporters_and_sub_editors_get_neither_button(live_story, personas, persona, client):
    header = header_html(client, personas[persona], live_story)
    assert "Edit" in header or "History" in header  # the header menu itself is there
    assert correct_url(live_story) not in header
    assert kill_url(live_story) not in header


def test_another_desks_editor_gets_neither_button(other_desk_story, desk_editor, client):
    header = header_html(client, desk_editor, other_desk_story)
    assert correct_url(other_desk_story) not in header
    assert kill_url(other_desk_story) not in header


def test_a_draft_gets_neither_button(article_factory, own_section, desk_editor, client):
    draft = article_factory(own_section, live=False)
    header = header_html(client, desk_editor, draft)
    assert correct_url(draft) not in header
    assert kill_url(draft) not in header


def test_a_killed_story_offers_no_kill_button(live_story, desk_editor, client):
    KillStoryAction(live_story, user=desk_editor, reason=REASON).execute()
    header = header_html(client, desk_editor, live_story)
    assert kill_url(live_story) not in header


def test_explorer_more_menu_offers_both_to_the_desk_editor(
    live_story, own_section, desk_editor, client
):
    client.force_login(desk_editor)
    html = client.get(reverse("wagtailadmin_explore", args=(own_section.pk,))).content.decode()
    assert correct_url(live_story) in html
    assert kill_url(live_story) in html


def test_listing_buttons_cost_no_query_for_pages_that_are_not_articles(own_section, desk_editor):
    section = Page.objects.get(pk=own_section.pk)  # as the explorer has it, plain or specific
    own_section.permissions_for_user(desk_editor).can_publish()  # warm Wagtail's cache
    with CaptureQueriesContext(connection) as queries:
        for page in (section, own_section):
            assert list(wagtail_hooks.page_listing_story_actions(page, desk_editor)) == []
    assert len(queries) == 0


def test_explorer_buttons_add_no_query_per_story_for_a_reporter(
    article_factory, own_section, reporter, client, monkeypatch
):
    """Refused rows are the costly kind: every row asks the tester for a reporter."""
    from nashra.newsroom.permissions import ArticlePermissionTester

    url = reverse("wagtailadmin_explore", args=(own_section.pk,))
    client.force_login(reporter)

    def queries() -> int:
        client.get(url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(url).status_code == 200
        return len(captured)

    def growth() -> int:
        before = queries()
        for _ in range(3):
            article_factory(own_section, live=True)
        return queries() - before

    with monkeypatch.context() as without_buttons:
        without_buttons.setattr(ArticlePermissionTester, "can_correct", lambda self: False)
        without_buttons.setattr(ArticlePermissionTester, "can_kill", lambda self: False)
        wagtails_own = growth()
    assert growth() == wagtails_own
