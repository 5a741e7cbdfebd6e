"""A story's day in the real Wagtail admin, in Chromium: write → submit → review → schedule → live.

A reporter writes a new article in the UAE section and submits it for review; the English
UAE desk editor finds it on the dashboard, edits the standfirst, sets a go-live time ten
minutes ahead and approves it, which schedules it. Rather than wait ten minutes, the test
then moves the approved go-live time into the past in the server's database (what the
clock would do) and lets an anonymous reader's request publish it: the server runs no
task worker, so the story goes live only through the on-request publishing of overdue
stories (`nashra.newsroom.scheduling.publish_overdue_soon`), and the audit log must say so.

Screenshots (1280×800 viewport): test-artifacts/editor-*.png; a few are copied into
docs/screenshots/ for the editors' guide.
"""

from __future__ import annotations

import json
import re
import time
from datetime import datetime, timedelta
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest

from tests.browser.conftest import screenshot

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[2]
REPORTER, DESK = "walk_reporter", "walk_desk"
PASSWORD = "pw-newsroom"  # tests/support/personas.py
HEADLINE = "Abra crossings run all night for the Creek festival"
SLUG = "abra-crossings-run-all-night-for-the-creek-festival"
STANDFIRST = "The RTA adds late-night water taxis between Deira and Bur Dubai for three weekends."
DESK_STANDFIRST = "Late-night water taxis will link Deira and Bur Dubai on three festival weekends."
PARAGRAPH = (
    "Abras will cross the Creek every ten minutes until 2am on Fridays and Saturdays, "
    "the Roads and Transport Authority said on Tuesday."
)
VIEWPORT = {"width": 1280, "height": 800}


def on_server(site_server, code: str) -> str:
    """Run `code` against the app server's database, with the tests package importable."""
    return site_server.django(f"import sys\nsys.path.insert(0, {str(ROOT)!r})\n" + code)


@pytest.fixture(scope="module")
def newsroom_people(site_server):
    """A reporter and the English UAE desk editor, from the shared persona definitions."""
    on_server(
        site_server,
        "from tests.support.personas import create_persona\n"
        f"create_persona('reporter', {REPORTER!r})\n"
        f"create_persona('desk_editor', {DESK!r})\n",
    )


def sign_in(browser, site_server, username: str):
    context = browser.new_context(
        viewport=VIEWPORT, timezone_id="America/Los_Angeles", locale="en-US"
    )
    page = context.new_page()
    page.goto(site_server.url + "/admin/login/")
    page.fill("#id_username", username)
    page.fill("#id_password", PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url(site_server.url + "/admin/")
    return page


def open_footer_menu(page) -> None:
    page.get_by_role("button", name="More actions").click()
    page.wait_for_timeout(400)  # the menu fades in


def write_story(reporter, site_server) -> None:
    reporter.goto(site_server.url + "/admin/pages/")
    reporter.get_by_role("link", name="Explore child pages of 'Nashra'").click()
    reporter.get_by_role("link", name="Explore child pages of 'UAE'").click()
    reporter.get_by_role("link", name="Add child page").first.click()
    reporter.wait_for_url(re.compile(r"/admin/pages/add/newsroom/articlepage/\d+/$"))
    reporter.fill("#id_kicker", "Transport")
    reporter.fill("#id_title", HEADLINE)
    reporter.fill("#id_standfirst", STANDFIRST)
    reporter.select_option("#id_authors", label="Layla Haddad")
    reporter.fill("#id_dateline_city", "Dubai")
    reporter.fill("#id_dateline_country", "UAE")
    reporter.locator("#body-root .c-sf-add-button").click()
    reporter.get_by_role("option", name="Paragraph").click()
    reporter.locator("#body-root .public-DraftEditor-content").first.click()
    reporter.keyboard.type(PARAGRAPH)
    reporter.get_by_role("tab", name="Promote").click()
    # The slug follows the headline as it is typed (TitleFieldPanel).
    assert reporter.input_value("#id_slug") == SLUG
    tags = reporter.locator("#id_tags + ul .tagit-new input")
    for tag in ("transport", "Dubai Creek"):
        tags.click()
        tags.type(tag)
        tags.press("Enter")
    reporter.get_by_role("tab", name="Content").click()
    reporter.locator("#id_kicker").scroll_into_view_if_needed()


def schedule_in(desk, minutes: int) -> str:
    when = (datetime.now(ZoneInfo("Asia/Dubai")) + timedelta(minutes=minutes)).strftime(
        "%Y-%m-%d %H:%M"
    )
    desk.get_by_role("button", name="Toggle status").click()
    desk.get_by_role("button", name="Set schedule").click()
    desk.fill("#id_go_live_at", when)
    picker = desk.locator(".xdsoft_datetimepicker:visible")
    picker.wait_for()
    desk.get_by_role("heading", name="Set publishing schedule").click()  # closes the picker
    picker.wait_for(state="hidden")
    assert desk.input_value("#id_go_live_at") == when
    return when


def story_state(site_server) -> dict:
    out = on_server(
        site_server,
        "import json\n"
        "from wagtail.models import PageLogEntry\n"
        "from nashra.newsroom.models import ArticlePage\n"
        f"page = ArticlePage.objects.get(slug={SLUG!r})\n"
        "log = PageLogEntry.objects.filter(page=page).order_by('timestamp', 'pk')\n"
        "print(json.dumps({'live': page.live, 'section': page.get_parent().slug,\n"
        "  'language': page.locale.language_code, 'owner': page.owner.username,\n"
        "  'log': [[e.action, e.user.username if e.user else None] for e in log]}))\n",
    )
    return json.loads(out)


def let_the_go_live_time_pass(site_server) -> None:
    """What ten minutes would do: the approved go-live time is now a few seconds ago."""
    on_server(
        site_server,
        "from datetime import timedelta\n"
        "from django.core.serializers.json import DjangoJSONEncoder\n"
        "from django.utils import timezone\n"
        "from wagtail.models import Revision\n"
        "from nashra.newsroom.models import ArticlePage\n"
        f"page = ArticlePage.objects.get(slug={SLUG!r})\n"
        "due = timezone.now() - timedelta(seconds=5)\n"
        "scheduled = Revision.page_revisions.filter(\n"
        "    object_id=str(page.pk), approved_go_live_at__isnull=False)\n"
        "assert scheduled.count() == 1, list(scheduled)\n"
        "for revision in scheduled:\n"
        "    revision.approved_go_live_at = due\n"
        "    revision.content['go_live_at'] = DjangoJSONEncoder().default(due)\n"
        "    revision.save(update_fields=['approved_go_live_at', 'content'])\n"
        "ArticlePage.objects.filter(pk=page.pk).update(go_live_at=due)\n",
    )


def wait_for_story_on(reader, url: str, seconds: float = 30) -> None:
    """Reload until the story shows: overdue checks are throttled per app-server cache."""
    deadline = time.monotonic() + seconds
    while True:
        reader.goto(url)
        if reader.get_by_role("link", name=HEADLINE).count():
            return
        assert time.monotonic() < deadline, f"{HEADLINE!r} never appeared on {url}"
        reader.wait_for_timeout(1000)


def test_a_story_goes_from_reporter_to_reader(site_server, browser, newsroom_people):
    # 1. The reporter writes the story in the UAE section and submits it for review.
    reporter = sign_in(browser, site_server, REPORTER)
    write_story(reporter, site_server)
    screenshot(reporter, "editor-01-write", full_page=False)
    open_footer_menu(reporter)
    reporter.get_by_role("button", name="Submit to Newsroom review").click()
    reporter.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    # "created and submitted", or "has been submitted" when the admin's autosave had already
    # created the page while the reporter typed (it does on a slow machine).
    assert "submitted for moderation" in reporter.locator(".messages").inner_text()
    row = reporter.locator("tr", has_text=HEADLINE)
    assert "IN MODERATION" in row.inner_text().upper()
    reporter.wait_for_timeout(500)  # the message slides in
    screenshot(reporter, "editor-02-submitted", full_page=False)
    reporter.context.close()
    state = story_state(site_server)
    assert (state["section"], state["language"], state["owner"]) == ("uae", "en", REPORTER)
    assert not state["live"]

    # 2. The UAE desk finds it on the dashboard, edits it, schedules it and approves it.
    desk = sign_in(browser, site_server, DESK)
    awaiting = desk.locator("section", has=desk.get_by_role("heading", name="Awaiting your review"))
    assert HEADLINE in awaiting.inner_text()
    screenshot(desk, "editor-03-review", full_page=False)
    awaiting.get_by_role("link", name=HEADLINE).first.click()
    desk.wait_for_url(re.compile(r"/admin/pages/\d+/edit/$"))
    desk.fill("#id_standfirst", DESK_STANDFIRST)
    schedule_in(desk, minutes=10)
    screenshot(desk, "editor-04-schedule", full_page=False)
    desk.get_by_role("button", name="Save schedule").click()
    open_footer_menu(desk)
    approve = desk.get_by_role("button", name="Approve and Publish")
    assert approve.is_visible()
    screenshot(desk, "editor-05-approve", full_page=False)
    approve.click()
    desk.wait_for_url(re.compile(r"/admin/pages/\d+/$"))
    row = desk.locator("tr", has_text=HEADLINE)
    assert "SCHEDULED" in row.inner_text().upper()
    desk.wait_for_timeout(500)  # the message slides in
    screenshot(desk, "editor-06-scheduled", full_page=False)
    desk.context.close()

    # Approved and scheduled, not yet live: readers cannot see it.
    state = story_state(site_server)
    assert not state["live"]
    assert ["wagtail.workflow.approve", DESK] in state["log"]
    assert ["wagtail.publish.schedule", DESK] in state["log"]
    reader = browser.new_context(viewport=VIEWPORT).new_page()
    assert reader.goto(f"{site_server.url}/uae/{SLUG}/").status == 404

    # 3. The go-live time comes; the reader's own request publishes the overdue story.
    let_the_go_live_time_pass(site_server)
    wait_for_story_on(reader, site_server.url + "/uae/")
    card = reader.locator(".card", has=reader.get_by_role("link", name=HEADLINE)).first
    card.evaluate("card => card.scrollIntoView({block: 'center'})")
    screenshot(reader, "editor-07-section", full_page=False)
    reader.get_by_role("link", name=HEADLINE).first.click()
    reader.wait_for_url(f"{site_server.url}/uae/{SLUG}/")
    assert reader.locator("h1").inner_text() == HEADLINE
    assert reader.locator(".kicker").first.text_content() == "Transport"
    assert reader.locator(".article__standfirst").inner_text() == DESK_STANDFIRST
    assert PARAGRAPH in reader.locator(".article__body").inner_text()
    assert reader.locator(".dateline").inner_text().startswith("DUBAI, UAE")
    assert "Layla Haddad" in reader.locator(".byline").inner_text()
    assert reader.locator(".tags li").all_inner_texts() == ["Dubai Creek", "transport"]
    reader.locator("article.article").evaluate("story => story.scrollIntoView()")
    screenshot(reader, "editor-08-article", full_page=False)
    reader.context.close()

    state = story_state(site_server)
    assert state["live"]
    assert state["log"][-1] == ["wagtail.publish.scheduled", None]  # the scheduler, not a person
