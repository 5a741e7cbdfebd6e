"""No lost update: a save on top of a newer revision is refused, with a way to compare."""

import pytest
from django.contrib.messages import get_messages
from django.urls import reverse

from nashra.newsroom.models import ArticlePage

from .admin_forms import article_form_data

pytestmark = [pytest.mark.django_db, pytest.mark.ignore_template_errors]


def edit_url(article):
    return reverse("wagtailadmin_pages:edit", args=(article.pk,))


def test_second_editor_saving_a_stale_copy_is_refused(
    article_factory, own_section, sub_editor, desk_editor, client
):
    article = article_factory(own_section, title="Original headline")
    opened = article.get_latest_revision()  # both editors open the story now

    client.force_login(sub_editor)
    first = client.post(
        edit_url(article),
        article_form_data(article, title="Sub-editor's headline", loaded_revision=opened),
    )
    assert first.status_code == 302
    newer = ArticlePage.objects.get(pk=article.pk).get_latest_revision()
    assert newer.pk != opened.pk

    client.force_login(desk_editor)
    second = client.post(
        edit_url(article),
        article_form_data(article, title="Desk editor's headline", loaded_revision=opened),
    )
    assert second.status_code == 302
    assert second.url == edit_url(article)
    message = " ".join(str(m) for m in get_messages(second.wsgi_request))
    assert "saved a newer version" in message
    assert "sub_editor" in message
    compare = reverse(
        "wagtailadmin_pages:revisions_compare", args=(article.pk, opened.pk, newer.pk)
    )
    assert compare in message
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision()
    assert latest.pk == newer.pk
    assert latest.as_object().title == "Sub-editor's headline"
    assert client.get(compare).status_code == 200


def test_stale_schedule_change_is_refused_too(
    article_factory, own_section, sub_editor, desk_editor, client
):
    article = article_factory(own_section)
    opened = article.get_latest_revision()
    client.force_login(sub_editor)
    client.post(
        edit_url(article), article_form_data(article, title="Changed", loaded_revision=opened)
    )
    client.force_login(desk_editor)
    response = client.post(
        edit_url(article),
        {
            **article_form_data(article, go_live_at="2099-01-01 09:00", loaded_revision=opened),
            "action-publish": "1",
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert not article.live
    assert article.go_live_at is None
    assert not article.get_latest_revision().as_object().go_live_at


def test_up_to_date_save_goes_through(article_factory, own_section, sub_editor, client):
    article = article_factory(own_section)
    client.force_login(sub_editor)
    response = client.post(
        edit_url(article),
        article_form_data(
            article, title="Fresh edit", loaded_revision=article.get_latest_revision()
        ),
    )
    assert response.status_code == 302
    assert (
        ArticlePage.objects.get(pk=article.pk).get_latest_revision().as_object().title
        == "Fresh edit"
    )


def test_restoring_an_old_revision_through_the_admin(
    article_factory, own_section, desk_editor, client
):
    article = article_factory(own_section, title="First words")
    first = article.get_latest_revision()
    client.force_login(desk_editor)
    client.post(
        edit_url(article), article_form_data(article, title="Second words", loaded_revision=first)
    )
    revert_url = reverse("wagtailadmin_pages:revisions_revert", args=(article.pk, first.pk))
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision()
    response = client.post(
        revert_url,
        {
            **article_form_data(article, title="First words", loaded_revision=latest),
            "action-publish": "1",
        },
    )
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.live
    assert article.title == "First words"


def test_lock_blocks_other_editors_until_taken_over(
    plain_admin_templates, article_factory, own_section, sub_editor, desk_editor, client
):
    article = article_factory(own_section)
    client.force_login(desk_editor)
    assert client.post(reverse("wagtailadmin_pages:lock", args=(article.pk,))).status_code == 302
    article.refresh_from_db()
    assert article.locked
    assert article.locked_by == desk_editor
    client.force_login(sub_editor)
    client.post(
        edit_url(article),
        article_form_data(article, title="Sneaky", loaded_revision=article.get_latest_revision()),
    )
    assert (
        ArticlePage.objects.get(pk=article.pk).get_latest_revision().as_object().title != "Sneaky"
    )


def test_duty_editor_can_take_over_a_lock(
    article_factory, own_section, desk_editor, duty_editor, client
):
    article = article_factory(own_section)
    client.force_login(desk_editor)
    client.post(reverse("wagtailadmin_pages:lock", args=(article.pk,)))
    client.force_login(duty_editor)
    assert client.post(reverse("wagtailadmin_pages:unlock", args=(article.pk,))).status_code == 302
    article.refresh_from_db()
    assert not article.locked


def test_a_save_that_does_not_say_which_version_it_was_opened_on_is_refused(
    article_factory, own_section, sub_editor, desk_editor, client
):
    """A hand-made POST without loaded_revision_id must not overwrite the latest revision."""
    article = article_factory(own_section, title="Original headline")
    client.force_login(sub_editor)
    client.post(
        edit_url(article),
        article_form_data(
            article, title="Newer headline", loaded_revision=article.get_latest_revision()
        ),
    )
    newer = ArticlePage.objects.get(pk=article.pk).get_latest_revision()

    client.force_login(desk_editor)
    response = client.post(edit_url(article), article_form_data(article, title="Blind write"))

    assert response.status_code == 302
    message = " ".join(str(m) for m in get_messages(response.wsgi_request))
    assert "did not say which version" in message
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision()
    assert latest.pk == newer.pk
    assert latest.as_object().title == "Newer headline"


def test_an_editor_may_save_over_their_own_latest_revision_without_saying_which(
    article_factory, own_section, sub_editor, client
):
    """The autosave race: the admin's autosave created the story while its author typed,
    and the create form's Submit arrives without loaded_revision_id. It is their own work."""
    article = article_factory(own_section, title="Autosaved headline")
    client.force_login(sub_editor)
    client.post(
        edit_url(article),
        article_form_data(
            article, title="Own draft", loaded_revision=article.get_latest_revision()
        ),
    )

    response = client.post(edit_url(article), article_form_data(article, title="Own final"))

    assert response.status_code == 302
    latest = ArticlePage.objects.get(pk=article.pk).get_latest_revision()
    assert latest.as_object().title == "Own final"
