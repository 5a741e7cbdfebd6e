"""Ingest: versions by guid, every version kept, duplicates, quarantine, cancels, HTTP
polling with validators and backoff; and "Use this story" through the action path."""

from __future__ import annotations

import httpx
import pytest

from nashra.newsroom.errors import ActionNotPermitted, ActionRefused
from nashra.newsroom.models import Agency, ArticlePage
from nashra.wire.desk import use_item
from nashra.wire.ingest import ingest_file, ingest_folder, poll_http
from nashra.wire.models import QuarantinedFile, WireItem, WireSource
from tests.engines.wire.conftest import WIRE_DATA

from .newsml import GUID, moscow_item

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(db):
    """The queue's admin screens are granted to superusers so far (no desk role yet)."""
    from django.contrib.auth import get_user_model

    return get_user_model().objects.create_superuser("wire-admin", "wire@example.com", "x")


@pytest.fixture
def source(tmp_path):
    agency, _ = Agency.objects.get_or_create(slug="wam", defaults={"name": "WAM"})
    return WireSource.objects.create(
        name="WAM English", slug="wam-en", location=str(tmp_path), agency=agency, language="en"
    )


def test_folder_delivery_ingests_good_files_and_quarantines_the_bad(source, tmp_path):
    (tmp_path / "a-moscow.xml").write_bytes(moscow_item())
    (tmp_path / "b-broken.xml").write_bytes(b"<newsItem><unclosed></newsItem>")
    (tmp_path / "c-afp.xml").write_bytes((WIRE_DATA / "corpus" / "afp.xml").read_bytes())
    outcome = ingest_folder(source)
    assert outcome.created == 2
    assert outcome.quarantined == ["b-broken.xml"]
    assert WireItem.objects.get(guid=GUID).headline.startswith("Russia welcomes")
    quarantined = QuarantinedFile.objects.get()
    assert "not well-formed XML" in quarantined.error
    assert sorted(p.name for p in (tmp_path / ".done").iterdir()) == ["a-moscow.xml", "c-afp.xml"]
    assert [p.name for p in (tmp_path / ".quarantine").iterdir()] == ["b-broken.xml"]
    assert sorted(p.name for p in tmp_path.iterdir()) == [".done", ".quarantine"]


def test_newer_version_is_applied_and_every_version_kept(source):
    ingest_file(source, "v1.xml", moscow_item(1))
    outcome = ingest_file(source, "v2.xml", moscow_item(2, headline="Updated headline"))
    item = WireItem.objects.get(guid=GUID)
    assert outcome.updated == 1
    assert (item.version, item.headline) == (2, "Updated headline")
    assert item.versions.count() == 2


def test_old_version_after_new_is_kept_but_not_applied(source):
    ingest_file(source, "v3.xml", moscow_item(3, headline="Third"))
    outcome = ingest_file(source, "v2.xml", moscow_item(2, headline="Second"))
    item = WireItem.objects.get(guid=GUID)
    assert outcome.unchanged == 1
    assert (item.version, item.headline) == (3, "Third")
    assert [v.applied for v in item.versions.order_by("version")] == [False, True]


def test_duplicate_delivery_is_one_item_one_version(source):
    ingest_file(source, "a.xml", moscow_item())
    outcome = ingest_file(source, "a-again.xml", moscow_item())
    assert outcome.unchanged == 1
    assert WireItem.objects.count() == 1
    assert WireItem.objects.get().versions.count() == 1


def test_item_without_guid_gets_a_stable_content_identity(source):
    feed = b"""<rss version="2.0"><channel><title>WAM</title><item><title>No guid or link</title>
      <description>Body.</description></item></channel></rss>"""
    ingest_file(source, "feed.xml", feed)
    ingest_file(source, "feed-again.xml", feed)
    item = WireItem.objects.get()
    assert item.guid.startswith("nashra:content:")


def test_use_this_story_makes_a_draft_through_the_action(source, own_section, desk_editor):
    ingest_file(source, "v1.xml", moscow_item())
    item = WireItem.objects.get()
    page = use_item(item, section=own_section, user=desk_editor)
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.title == "Russia welcomes UAE mediation in prisoner exchange"
    assert page.live is False
    assert page.agency.slug == "wam"
    assert page.dateline_city == "MOSCOW"
    assert page.standfirst.startswith("Russia's Ministry of Foreign Affairs welcomed")
    assert len(page.body) == 2
    assert "highly appreciate" in page.body_text()
    assert page.get_parent().pk == own_section.pk
    assert [tag.name for tag in page.tags.all()] == ["diplomacy"]
    item.refresh_from_db()
    assert item.story_id == page.pk
    from wagtail.models import PageLogEntry

    entry = PageLogEntry.objects.get(page=page, action="nashra.wire_ingest")
    assert entry.data["guid"] == GUID


def test_using_an_item_twice_is_refused(source, own_section, desk_editor):
    ingest_file(source, "v1.xml", moscow_item())
    item = WireItem.objects.get()
    use_item(item, section=own_section, user=desk_editor)
    with pytest.raises(ActionRefused):
        use_item(item, section=own_section, user=desk_editor)


def test_anonymous_may_not_use_wire_copy(source, own_section, anonymous):
    ingest_file(source, "v1.xml", moscow_item())
    with pytest.raises(ActionNotPermitted):
        use_item(WireItem.objects.get(), section=own_section, user=anonymous)
    assert not ArticlePage.objects.filter(title__startswith="Russia welcomes").exists()


def test_withdrawn_item_cannot_become_a_story(source, own_section, desk_editor):
    ingest_file(source, "v1.xml", moscow_item(status="withheld"))
    with pytest.raises(ActionRefused):
        use_item(WireItem.objects.get(), section=own_section, user=desk_editor)


def test_update_after_use_flags_the_story_and_never_overwrites_it(source, own_section, desk_editor):
    ingest_file(source, "v1.xml", moscow_item(1))
    page = use_item(WireItem.objects.get(), section=own_section, user=desk_editor)
    ingest_file(source, "v2.xml", moscow_item(2, headline="Agency's new headline"))
    item = WireItem.objects.get()
    assert item.update_available is True
    assert ArticlePage.objects.get(pk=page.pk).title == (
        "Russia welcomes UAE mediation in prisoner exchange"
    )


def test_cancel_after_publish_kills_the_story_with_the_agency_reason(
    source, own_section, desk_editor
):
    ingest_file(source, "v1.xml", moscow_item(1))
    page = use_item(WireItem.objects.get(), section=own_section, user=desk_editor)
    page.save_revision(user=desk_editor).publish(user=desk_editor, skip_permission_checks=True)
    outcome = ingest_file(source, "v2.xml", moscow_item(2, status="canceled"))
    assert (outcome.withdrawn, outcome.killed) == (1, 1)
    page = ArticlePage.objects.get(pk=page.pk)
    assert page.killed_at is not None
    assert page.kill_reason == "WAM withdrew this story (canceled)."
    assert WireItem.objects.get().withdrawn


def test_cancel_does_not_kill_when_the_source_says_not_to(source, own_section, desk_editor):
    source.kill_on_cancel = False
    source.save()
    ingest_file(source, "v1.xml", moscow_item(1))
    page = use_item(WireItem.objects.get(), section=own_section, user=desk_editor)
    page.save_revision(user=desk_editor).publish(user=desk_editor, skip_permission_checks=True)
    outcome = ingest_file(source, "v2.xml", moscow_item(2, status="canceled"))
    assert outcome.killed == 0
    assert ArticlePage.objects.get(pk=page.pk).killed_at is None
    assert WireItem.objects.get().update_available is True


def test_http_polling_sends_validators_and_backs_off(source):
    source.kind, source.location = WireSource.Kind.HTTP, "https://wire.example/feed.xml"
    source.save()
    seen = []

    def answer(request):
        seen.append(dict(request.headers))
        if len(seen) == 1:
            return httpx.Response(200, content=moscow_item(), headers={"ETag": '"v1"'})
        if len(seen) == 2:
            return httpx.Response(304)
        return httpx.Response(503)

    transport = httpx.MockTransport(answer)
    assert poll_http(source, transport).created == 1
    assert poll_http(source, transport).created == 0
    assert seen[1]["if-none-match"] == '"v1"'
    poll_http(source, transport)
    source.refresh_from_db()
    assert source.consecutive_failures == 1
    assert "503" in source.last_error
    poll_http(source, transport)  # inside the backoff window: not asked again
    assert len(seen) == 3


def test_wire_queue_and_use_screen_in_the_admin(
    client, source, own_section, superuser, plain_admin_templates
):
    from django.urls import reverse

    ingest_file(source, "v1.xml", moscow_item())
    item = WireItem.objects.get()
    client.force_login(superuser)
    queue = client.get(reverse("wire_queue:index"))
    assert queue.status_code == 200
    assert "Russia welcomes UAE mediation" in queue.content.decode()
    use_url = reverse("wire_use", args=[item.pk])
    assert client.get(use_url).status_code == 200
    done = client.post(use_url, {"section": own_section.pk})
    assert done.status_code == 302
    item.refresh_from_db()
    assert done["Location"] == reverse("wagtailadmin_pages:edit", args=[item.story_id])


def test_use_screen_shows_a_form_error_not_a_crash(
    client, source, superuser, plain_admin_templates
):
    from django.urls import reverse

    ingest_file(source, "v1.xml", moscow_item(status="canceled"))
    client.force_login(superuser)
    item = WireItem.objects.get()
    from nashra.newsroom.models import SectionPage

    answer = client.post(
        reverse("wire_use", args=[item.pk]), {"section": SectionPage.objects.first().pk}
    )
    assert answer.status_code == 200
    assert "the agency marked this item canceled" in answer.content.decode()


def test_one_failing_source_does_not_stop_the_others(source, tmp_path):
    from nashra.wire.ingest import ingest_all

    WireSource.objects.create(
        name="Gone", slug="gone", location=str(tmp_path / "missing-folder"), language="en"
    )
    (tmp_path / "a.xml").write_bytes(moscow_item())
    outcomes = ingest_all()
    assert outcomes["wam-en"].created == 1
    assert outcomes["gone"].created == 0
    gone = WireSource.objects.get(slug="gone")
    assert gone.consecutive_failures == 1
    assert "FileNotFoundError" in gone.last_error


def test_arabic_copy_is_refused_in_an_english_section(source, own_section, desk_editor):
    ingest_file(source, "ar.xml", moscow_item(language="ar", headline="روسيا ترحب"))
    with pytest.raises(ActionRefused):
        use_item(WireItem.objects.get(), section=own_section, user=desk_editor)


def test_arabic_copy_goes_into_the_arabic_edition(source, arabic_section, admin_user):
    ingest_file(source, "ar.xml", moscow_item(language="ar", headline="روسيا ترحب"))
    page = use_item(WireItem.objects.get(), section=arabic_section, user=admin_user)
    assert page.title == "روسيا ترحب"
    assert page.locale_id == arabic_section.locale_id
