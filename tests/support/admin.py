"""Admin fixtures: a pytest plugin (registered by `pytest_plugins` in tests/conftest.py)."""

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
