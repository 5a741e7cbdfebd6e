"""Behind Debian's nginx with TLS, as deploy/nginx.conf says: admin sign-in, https links.

The test runs nginx in the foreground on a free loopback port with a self-signed
certificate made here (openssl), using deploy/nginx.conf itself (its ports, certificate
paths and upstream swapped), in front of a real `nashra serve` set up as
docs/operating.md says (NASHRA_BASE_URL=https://…, NASHRA_BEHIND_PROXY=true).
"""

from __future__ import annotations

import re
import shutil
import ssl
import subprocess
import time
from pathlib import Path

import httpx
import pytest

from tests.support.serve import free_port

ROOT = Path(__file__).resolve().parents[2]
NGINX = shutil.which("nginx") or "/usr/sbin/nginx"
ADMIN, PASSWORD = "proxy_admin", "proxy-admin-password-long"


def self_signed_certificate(directory: Path) -> tuple[Path, Path]:
    cert, key = directory / "cert.pem", directory / "key.pem"
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1"]
        + ["-keyout", str(key), "-out", str(cert), "-subj", "/CN=localhost"]
        + ["-addext", "subjectAltName=DNS:localhost"],
        check=True,
        capture_output=True,
        timeout=60,
    )
    return cert, key


def trusting(cert: Path) -> ssl.SSLContext:
    return ssl.create_default_context(cafile=str(cert))


def nginx_config(directory: Path, https_port: int, app_port: int, cert: Path, key: Path) -> Path:
    """deploy/nginx.conf with this test's ports and files, inside a minimal main config."""
    server = (ROOT / "deploy/nginx.conf").read_text()
    for old, new in {
        "listen 80;": f"listen 127.0.0.1:{free_port()};",
        "listen 443 ssl;": f"listen 127.0.0.1:{https_port} ssl;",
        "server_name news.example.ae;": "server_name localhost;",
        "/etc/ssl/nashra/fullchain.pem": str(cert),
        "/etc/ssl/nashra/privkey.pem": str(key),
        "http://127.0.0.1:8000": f"http://127.0.0.1:{app_port}",
    }.items():
        assert old in server, f"deploy/nginx.conf no longer says {old!r}"
        server = server.replace(old, new)
    temp = directory / "temp"
    temp.mkdir()
    config = directory / "nginx.conf"
    config.write_text(
        f"daemon off;\npid {directory}/nginx.pid;\nerror_log {directory}/error.log;\n"
        "events {}\nhttp {\n"
        f"access_log {directory}/access.log;\n"
        f"client_body_temp_path {temp}/body;\nproxy_temp_path {temp}/proxy;\n"
        f"fastcgi_temp_path {temp}/fastcgi;\nuwsgi_temp_path {temp}/uwsgi;\n"
        f"scgi_temp_path {temp}/scgi;\n{server}\n}}\n"
    )
    return config


@pytest.fixture
def behind_nginx(serve, tmp_path):
    """nginx with TLS in front of `nashra serve`: (base URL, an SSL context trusting it)."""
    https_port = free_port()
    base = f"https://localhost:{https_port}"
    app = serve(
        worker=False,
        env={
            "NASHRA_BASE_URL": base,
            "NASHRA_BEHIND_PROXY": "true",
            "ALLOWED_HOSTS": "localhost,127.0.0.1",
        },
    )
    app.django(
        "from django.contrib.auth import get_user_model\n"
        f"get_user_model().objects.create_superuser({ADMIN!r}, 'p@example.invalid', "
        f"{PASSWORD!r})\n"
    )
    cert, key = self_signed_certificate(tmp_path)
    config = nginx_config(tmp_path, https_port, app.port, cert, key)
    nginx = subprocess.Popen(
        [NGINX, "-c", str(config), "-p", str(tmp_path)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    try:
        deadline = time.monotonic() + 20
        while True:
            try:
                httpx.get(base + "/healthz", verify=trusting(cert), timeout=2)
                break
            except httpx.TransportError:
                if nginx.poll() is not None or time.monotonic() > deadline:
                    raise AssertionError(f"nginx did not start: {nginx.stderr.read()}") from None
                time.sleep(0.2)
        yield base, trusting(cert)
    finally:
        nginx.terminate()
        nginx.wait(timeout=10)


def test_admin_sign_in_over_https_through_nginx(behind_nginx):
    base, trust = behind_nginx
    with httpx.Client(base_url=base, verify=trust, timeout=30) as client:
        form = client.get("/admin/login/")
        assert form.status_code == 200
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text).group(1)
        response = client.post(
            "/admin/login/",
            data={"username": ADMIN, "password": PASSWORD, "csrfmiddlewaretoken": token},
            headers={"Origin": base, "Referer": base + "/admin/login/"},
        )
        assert response.status_code == 302, response.text[:500]
        assert response.headers["location"] in ("/admin/", base + "/admin/")
        dashboard = client.get("/admin/")
        assert dashboard.status_code == 200
        assert "Strict-Transport-Security" in dashboard.headers


def test_sitemap_and_feed_links_are_https_through_nginx(behind_nginx):
    base, trust = behind_nginx
    with httpx.Client(base_url=base, verify=trust, timeout=30) as client:
        sitemap = client.get("/sitemap.xml")
        assert sitemap.status_code == 200
        locations = re.findall(r"<loc>([^<]+)</loc>", sitemap.text)
        feed = client.get("/feeds/rss/")
        assert feed.status_code == 200
        links = re.findall(r"<link>([^<]+)</link>", feed.text)
    assert locations
    assert links
    for url in locations + links:
        assert url.startswith(base + "/"), url
