"""The Content-Security-Policy holds in Chromium: no page of ours breaks it.

Each page is loaded in Chromium with its real headers; the test listens for the
`securitypolicyviolation` events the browser fires and for its console reports, and
fails on any. It also checks the header was really sent, so a missing policy cannot pass
as "no violation".
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

ADMIN, PASSWORD = "csp_admin", "csp-admin-password-long"
LISTEN = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (event) => {
  window.__cspViolations.push(
    `${event.violatedDirective} blocked ${event.blockedURI || "inline"}`
      + ` at ${event.sourceFile}:${event.lineNumber}`
  );
});
"""


@pytest.fixture(scope="module")
def admin_account(site_server):
    site_server.django(
        "from django.contrib.auth import get_user_model\n"
        f"get_user_model().objects.create_superuser({ADMIN!r}, 'csp@example.invalid', "
        f"{PASSWORD!r})\n"
    )


@pytest.fixture
def watched(page):
    """The page, with every CSP violation it reports collected in `page.violations`."""
    violations: list[str] = []
    page.add_init_script(LISTEN)
    page.on(
        "console",
        lambda message: (
            violations.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.violations = violations
    return page


def visit(page, url: str) -> None:
    response = page.goto(url, wait_until="networkidle")
    assert response.status == 200, url
    policy = response.headers.get("content-security-policy", "")
    assert "script-src 'self'" in policy, url
    page.wait_for_timeout(300)  # late reports (fonts, images) arrive after load
    reported = page.evaluate("window.__cspViolations")
    found = sorted(set(reported + page.violations))
    assert found == [], f"{url}:\n" + "\n".join(found)


@pytest.mark.parametrize("path", ["/", "/ar/", "/api/v1/docs", "/admin/login/"])
def test_public_pages_api_docs_and_admin_login_keep_the_policy(site_server, watched, path):
    visit(watched, site_server.url + path)


def test_an_article_keeps_the_policy(site_server, watched):
    watched.goto(site_server.url + "/", wait_until="networkidle")
    article = watched.locator(".card__headline a").first.get_attribute("href")
    visit(watched, site_server.url + article if article.startswith("/") else article)


def test_the_admin_signed_in_keeps_the_policy(site_server, watched, admin_account):
    visit(watched, site_server.url + "/admin/login/")
    watched.fill("#id_username", ADMIN)
    watched.fill("#id_password", PASSWORD)
    watched.get_by_role("button", name="Sign in").click()
    watched.wait_for_url(site_server.url + "/admin/")
    visit(watched, site_server.url + "/admin/")
    article_id = site_server.django(
        "from nashra.newsroom.models import ArticlePage\n"
        "print(ArticlePage.objects.live().order_by('pk').first().pk)\n"
    ).strip()
    visit(watched, f"{site_server.url}/admin/pages/{article_id}/edit/")
    visit(watched, f"{site_server.url}/admin/images/")
