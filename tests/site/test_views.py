import pytest

pytestmark = pytest.mark.django_db


def test_healthz_reports_database(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json()["status"] == "ok"


def test_unknown_url_gets_styled_404(client):
    response = client.get("/no/such/page/")
    assert response.status_code == 404
    body = response.content.decode()
    assert "We could not find that page" in body
    assert 'class="masthead"' in body


def test_server_error_page_is_friendly(client, settings):
    from django.test import RequestFactory

    from nashra.site.views import server_error

    response = server_error(RequestFactory().get("/"))
    assert response.status_code == 500
    assert "Something went wrong on our side" in response.content.decode()
    assert "Traceback" not in response.content.decode()


@pytest.mark.ignore_template_errors  # Wagtail's own admin templates are not ours to police
def test_admin_login_page_is_served(client):
    response = client.get("/admin/login/")
    assert response.status_code == 200


def test_uploaded_images_are_served_as_renditions(client):
    from wagtail.images import get_image_model

    image = get_image_model().objects.first()
    response = client.get(image.get_rendition("fill-1200x675").url)  # the social card: a PNG
    assert response.status_code == 200
    assert b"".join(response.streaming_content)[:4] == b"\x89PNG"
    assert client.get(image.file.url).status_code == 404  # the original is private
