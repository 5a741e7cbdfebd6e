"""The one HTTP seam of the weather engine.

Every provider builds its client with :func:`make_client` and fetches with
:func:`get_json`: one place for timeouts, the User-Agent, the injectable transport (tests
pass ``httpx.MockTransport`` or point ``base_url`` at a local server) and bounded
retries that stop early on permanent errors (4xx other than 429).
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Mapping
from typing import Any
from urllib.parse import urlsplit

import httpx

from .errors import ProviderMisconfigured, ProviderResponseInvalid, ProviderUnavailable

USER_AGENT = "Nashra weather engine (+https://github.com/nashra)"
DEFAULT_TIMEOUT = 10.0
DEFAULT_RETRIES = 2  # so at most 3 attempts
DEFAULT_BACKOFF = 0.5  # seconds, doubled after each failed attempt


def make_client(
    timeout: float = DEFAULT_TIMEOUT,
    transport: httpx.BaseTransport | None = None,
    headers: Mapping[str, str] | None = None,
) -> httpx.Client:
    """Build the ``httpx.Client`` every provider uses (no redirects, no proxies from env)."""
    return httpx.Client(
        timeout=httpx.Timeout(timeout),
        transport=transport,
        headers={"User-Agent": USER_AGENT, "Accept": "application/json", **(headers or {})},
        follow_redirects=False,
        trust_env=False,
    )


def check_url(url: str) -> str | None:
    """Return a message if ``url`` is not an absolute http(s) URL, else None."""
    try:
        parts = urlsplit(url)
        httpx.URL(url)
    except (ValueError, httpx.InvalidURL) as exc:
        return f"malformed URL {url!r}: {exc}"
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"malformed URL {url!r}: expected http(s)://host/..."
    return None


def _is_transient(status: int) -> bool:
    return status == 429 or status >= 500


def get_response(
    client: httpx.Client,
    url: str,
    *,
    params: Mapping[str, Any] | None = None,
    headers: Mapping[str, str] | None = None,
    retries: int = DEFAULT_RETRIES,
    backoff: float = DEFAULT_BACKOFF,
    sleep: Callable[[float], None] = time.sleep,
    provider: str = "provider",
) -> httpx.Response:
    """GET ``url`` with at most ``retries`` retries; return a 2xx response or raise.

    Transient failures (timeouts, connection errors, 5xx, 429) are retried; 429's
    ``Retry-After`` is not honoured beyond ``backoff`` so a background job never stalls.
    Permanent ones raise at once: 401/403 and other 4xx become ``ProviderMisconfigured``.
    """
    last: Exception | None = None
    for attempt in range(retries + 1):
        if attempt:
            sleep(backoff * 2 ** (attempt - 1))
        try:
            response = client.get(url, params=params, headers=headers)
        except (httpx.InvalidURL, httpx.UnsupportedProtocol) as exc:
            raise ProviderMisconfigured(f"{provider}: malformed URL {url!r}: {exc}") from exc
        except httpx.TimeoutException as exc:
            last = ProviderUnavailable(f"{provider}: timed out ({type(exc).__name__})")
            continue
        except httpx.TransportError as exc:
            last = ProviderUnavailable(f"{provider}: {type(exc).__name__}: {exc}")
            continue
        status = response.status_code
        if 200 <= status < 300:
            return response
        if _is_transient(status):
            last = ProviderUnavailable(f"{provider}: HTTP {status}")
            continue
        detail = _detail(response)
        if status in (401, 403):
            raise ProviderMisconfigured(f"{provider}: HTTP {status}, API key refused: {detail}")
        raise ProviderMisconfigured(f"{provider}: HTTP {status}, request refused: {detail}")
    assert last is not None
    raise last


def _detail(response: httpx.Response) -> str:
    """A short reason from an error body (Open-Meteo: ``{"error": true, "reason": ...}``)."""
    try:
        body = json.loads(response.text)
    except ValueError:
        body = None
    if isinstance(body, dict):
        for key in ("reason", "message", "error_description", "error"):
            if isinstance(body.get(key), str):
                return str(body[key])[:200]
    return " ".join(response.text.split())[:200]


def decode_json(response: httpx.Response, provider: str = "provider") -> Any:
    """Decode a JSON body, turning HTML pages and broken JSON into ``ProviderResponseInvalid``."""
    text = response.text
    ctype = response.headers.get("content-type", "")
    if "html" in ctype or text.lstrip()[:1] == "<":
        raise ProviderResponseInvalid(f"{provider}: HTML instead of JSON")
    try:
        return json.loads(text)
    except ValueError as exc:
        raise ProviderResponseInvalid(f"{provider}: truncated or malformed JSON: {exc}") from exc
