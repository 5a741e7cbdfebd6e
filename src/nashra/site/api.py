"""The JSON API: one NinjaAPI, one router per domain, OpenAPI at /api/v1/docs."""

from django.http import JsonResponse
from ninja import NinjaAPI
from ninja.errors import ValidationError as NinjaValidationError

api = NinjaAPI(
    title="Nashra API",
    version="1",
    urls_namespace="api-v1",
    docs_url="/docs",
    openapi_url="/openapi.json",
)


@api.exception_handler(NinjaValidationError)
def invalid_parameters(request, exc):
    """Bad parameters get a 400 with a message naming the field, never a 422 or 500."""
    fields = []
    for error in exc.errors:
        location = [
            str(part) for part in error.get("loc", []) if part not in ("query", "path", "body")
        ]
        fields.append(f"{'.'.join(location) or 'request'}: {error.get('msg', 'invalid value')}")
    return JsonResponse({"error": "; ".join(fields) or "invalid request"}, status=400)


# Domain routers register here, e.g. api.add_router("/", prayer_router).
from nashra.newsroom.api.endpoints import router as newsroom_router  # noqa: E402
from nashra.prayer.api import router as prayer_router  # noqa: E402

api.add_router("/", prayer_router)
api.add_router("/", newsroom_router)
