"""A hand-made admin POST with a broken StreamField (`body-count` missing, not a number,
negative or absurd, or a block's fields missing) is a form error, never a 500."""

import pytest
from django.urls import reverse

from nashra.newsroom.models import ArticlePage

from .admin_forms import article_form_data

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.ignore_template_errors,
    pytest.mark.usefixtures("plain_admin_templates"),
]

MESSAGE = "did not arrive whole"


def broken(data: dict, how: str) -> dict:
    data = dict(data)
    if how == "missing":
        data.pop("body-count")
    elif how == "not a number":
        data["body-count"] = "many"
    elif how == "negative":
        data["body-count"] = "-3"
    elif how == "absurd":
        data["body-count"] = str(10**9)
    elif how == "block fields missing":
        data["body-count"] = "2"
    return data


HOW = ["missing", "not a number", "negative", "absurd", "block fields missing"]


@pytest.mark.parametrize("how", HOW)
def test_editing_with_a_broken_body_is_a_form_error(
    how, article_factory, own_section, sub_editor, client
):
    article = article_factory(own_section, title="Unbroken headline")
    before = article.get_latest_revision().pk
    client.force_login(sub_editor)
    data = article_form_data(
        article, title="Broken post", loaded_revision=article.get_latest_revision()
    )
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=(article.pk,)), broken(data, how)
    )
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert ArticlePage.objects.get(pk=article.pk).get_latest_revision().pk == before


@pytest.mark.parametrize("how", HOW)
def test_creating_with_a_broken_body_is_a_form_error(how, own_section, reporter, client):
    client.force_login(reporter)
    url = reverse("wagtailadmin_pages:add", args=("newsroom", "articlepage", own_section.pk))
    data = article_form_data(title="Broken new story", slug="broken-new-story")
    response = client.post(url, broken(data, how))
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()
    assert not ArticlePage.objects.filter(slug="broken-new-story").exists()
