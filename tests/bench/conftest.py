"""The bench newsroom's tests use the newsroom's own fixtures."""

from tests.newsroom.conftest import (  # noqa: F401
    article_factory,
    own_section,
    plain_admin_templates,
    reporter,
)
