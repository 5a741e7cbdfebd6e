"""Newsroom fixtures.

The personas (`reporter`, `desk_editor`, ...), their sections and `article_factory` come
from the plugins tests/support/personas.py and tests/support/stories.py, shared by every
test package.
"""

from __future__ import annotations

import pytest


@pytest.fixture
def plain_admin_templates(monkeypatch):
    """Wagtail's own admin templates rely on missing variables rendering as ''.

    pytest-django's --fail-on-template-vars replaces them with a truthy marker even under
    ignore_template_errors, which breaks `{% icon name=... %}` in the lock and revert
    screens; for tests that render those screens, restore Django's default.
    """
    from django.template import engines

    monkeypatch.setattr(engines["django"].engine, "string_if_invalid", "")
