"""Editors can work in an Arabic, right-to-left Wagtail admin."""

import pytest

pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]  # Wagtail's templates


def test_arabic_is_offered_to_editors(settings):
    assert "ar" in dict(settings.WAGTAILADMIN_PERMITTED_LANGUAGES)


def test_editor_preferring_arabic_gets_an_rtl_admin(editor_client, editor):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "ar"
    profile.save()
    html = editor_client.get("/admin/").content.decode()
    assert 'lang="ar"' in html
    assert 'dir="rtl"' in html
    html = editor_client.get("/admin/snippets/hijri/hijrimonthoffset/").content.decode()
    assert "تعديلات الأشهر الهجرية" in html  # our own app's catalogue, in the admin


def test_editor_preferring_english_gets_an_ltr_admin(editor_client, editor):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(editor)
    profile.preferred_language = "en"
    profile.save()
    html = editor_client.get("/admin/").content.decode()
    assert 'dir="ltr"' in html
    assert 'dir="rtl"' not in html.split("<body")[0]
