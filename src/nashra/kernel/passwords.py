"""Password rules beyond Django's own (NIST SP 800-63B §5.1.1.2, OWASP ASVS V2.1).

Django's validators already refuse passwords shorter than the minimum, on the common
list, all digits, or too like the user's name or e-mail (settings.AUTH_PASSWORD_VALIDATORS).
NIST also asks to refuse "context-specific words, such as the name of the service, the
username, and derivatives thereof": Django's similarity check compares whole strings, so
`nashra-2026-editor` or `editor-password-1` pass it. This one refuses a password that
contains the service's name or the username at all.
"""

from __future__ import annotations

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

SERVICE_WORDS = ("nashra", "نشرة")
SHORTEST_USERNAME_CHECKED = 3  # "al" inside a password proves nothing


def folded(text: str) -> str:
    """Lower case without separators: `Nash-Ra` and `nashra` are the same word."""
    return re.sub(r"[\W_]+", "", text.casefold())


class ContextWordsValidator:
    """Refuse a password containing the service's name or the account's username."""

    def __init__(self, words: tuple[str, ...] = SERVICE_WORDS):
        self.words = words

    def validate(self, password: str, user=None) -> None:
        text = folded(password)
        for word in self.words:
            if folded(word) in text:
                raise ValidationError(
                    _("This password contains the name of the site."),
                    code="password_has_site_name",
                )
        username = folded(user.get_username() or "") if hasattr(user, "get_username") else ""
        if len(username) >= SHORTEST_USERNAME_CHECKED and username in text:
            raise ValidationError(
                _("This password contains the username."), code="password_has_username"
            )

    def get_help_text(self) -> str:
        return _("Your password can’t contain the site’s name or your username.")
