"""Content-Security-Policy and Permissions-Policy on every response.

Django 5.2 has no CSP of its own (6.0 adds one). This middleware sends one fixed
policy, with no nonces: every script and style of Nashra's own is a static file, so the
header is the same for every reader and a cached page stays valid with it. Areas that
need more (Wagtail's admin, the API docs) get named extra sources under their path
prefix (settings.NASHRA_CSP_EXTRA_BY_PATH). A view that sets its own header keeps it.
"""

from __future__ import annotations

from django.conf import settings

CSP_HEADER = "Content-Security-Policy"
PERMISSIONS_HEADER = "Permissions-Policy"


def render_policy(directives: dict[str, list[str]]) -> str:
    return "; ".join(f"{name} {' '.join(sources)}" for name, sources in directives.items())


def extended(base: dict[str, list[str]], extra: dict[str, list[str]]) -> dict[str, list[str]]:
    """`base` with `extra`'s sources added; an added source replaces a directive's 'none'."""
    merged = {name: list(sources) for name, sources in base.items()}
    for name, sources in extra.items():
        kept = [source for source in merged.get(name, []) if source != "'none'"]
        merged[name] = kept + [source for source in sources if source not in kept]
    return merged


class SecurityHeadersMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        base = settings.NASHRA_CSP
        self.default_policy = render_policy(base)
        # Longest prefix first, so /admin/x/ can be more specific than /admin/.
        self.policies = sorted(
            (
                (prefix, render_policy(extended(base, extra)))
                for prefix, extra in settings.NASHRA_CSP_EXTRA_BY_PATH.items()
            ),
            key=lambda item: -len(item[0]),
        )
        self.permissions_policy = settings.NASHRA_PERMISSIONS_POLICY

    def policy_for(self, path: str) -> str:
        for prefix, policy in self.policies:
            if path.startswith(prefix):
                return policy
        return self.default_policy

    def __call__(self, request):
        response = self.get_response(request)
        if CSP_HEADER not in response:
            response[CSP_HEADER] = self.policy_for(request.path_info)
        if self.permissions_policy and PERMISSIONS_HEADER not in response:
            response[PERMISSIONS_HEADER] = self.permissions_policy
        return response
