"""Conditional GET for API responses, so clients can poll cheaply.

Each endpoint states its validators: a few cheap facts (counts, latest change times) that
change whenever its JSON would. They are hashed into a weak ETag; Last-Modified is the
latest change time. Django's `get_conditional_response` then answers `If-None-Match` /
`If-Modified-Since` with a 304 (If-None-Match wins when both are sent, as RFC 9110 says).
Nothing is rendered to compute a validator.
"""

from __future__ import annotations

import hashlib
from datetime import datetime

from django.http import HttpRequest, HttpResponse
from django.utils.cache import get_conditional_response
from django.utils.http import http_date

# Bump when the JSON shape changes, so no client keeps a body of the old shape.
REPRESENTATION = "1"


def etag_of(*facts) -> str:
    digest = hashlib.sha256(repr((REPRESENTATION, *facts)).encode()).hexdigest()[:32]
    return f'W/"{digest}"'


def latest(*moments: datetime | None) -> datetime | None:
    known = [moment for moment in moments if moment is not None]
    return max(known) if known else None


def not_modified(
    request: HttpRequest, response: HttpResponse, etag: str, last_modified: datetime | None
) -> HttpResponse | None:
    """Set the validators on `response`; return a 304 when the client's copy is current."""
    response["ETag"] = etag
    timestamp = int(last_modified.timestamp()) if last_modified else None
    if timestamp is not None:
        response["Last-Modified"] = http_date(timestamp)
    answer = get_conditional_response(
        request, etag=etag, last_modified=timestamp, response=response
    )
    # Only the 304 is ours to give: a GET never fails a precondition here.
    return answer if answer is not None and answer.status_code == 304 else None
