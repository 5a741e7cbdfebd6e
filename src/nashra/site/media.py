"""Uploads the app serves itself (NASHRA_SERVE_MEDIA): renditions only.

Under MEDIA_ROOT Wagtail keeps three folders, and only one is public:

- `images/`: renditions, the only pictures readers are given, stripped of metadata
  (nashra.newsroom.renditions): served to anyone.
- `original_images/`: the uploaded originals, with their EXIF (GPS, camera): served only
  to people who may use the admin, who can already download them there.
- `documents/`: never served here. A document's public address is Wagtail's
  permission-checked `/documents/<id>/<name>` (WAGTAILDOCS_SERVE_METHOD = "serve_view"),
  which refuses a document in a private collection to those who may not see it.

Anything else is a 404, as is a name the file system refuses (too long, say).
"""

from __future__ import annotations

from django.conf import settings
from django.http import Http404
from django.views.static import serve

PUBLIC_FOLDERS = ("images/",)
STAFF_FOLDERS = ("original_images/",)


def may_see_originals(user) -> bool:
    return user.is_authenticated and user.has_perm("wagtailadmin.access_admin")


def media(request, path: str):
    if path.startswith(STAFF_FOLDERS):
        if not may_see_originals(request.user):
            raise Http404("no such file")
        response = _serve(request, path)
        response["Cache-Control"] = "private, no-store"
        return response
    if path.startswith(PUBLIC_FOLDERS):
        return _serve(request, path)
    raise Http404("no such file")


def _serve(request, path: str):
    try:
        return serve(request, path, document_root=settings.MEDIA_ROOT)
    except OSError as error:  # e.g. ENAMETOOLONG: the name cannot be a file of ours
        raise Http404("no such file") from error
