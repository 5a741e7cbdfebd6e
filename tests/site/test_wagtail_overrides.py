"""Every Wagtail (and Django) internal Nashra overrides or calls still exists, as we call it.

docs/wagtail-overrides.md says what each is for and what an upgrade must check. Run this
file first after upgrading Wagtail, django-modelsearch, treebeard or Django: a failure
names the attribute that moved or the method whose parameters changed.
"""

from __future__ import annotations

import importlib
import inspect
from pathlib import Path

import pytest

DOC = "docs/wagtail-overrides.md"

SQLITE = "wagtail.search.backends.database.sqlite.sqlite.SQLiteSearchQueryCompiler"
SQLITE_RESULTS = "wagtail.search.backends.database.sqlite.sqlite.SQLiteSearchResults"
POSTGRES = "wagtail.search.backends.database.postgres.postgres.PostgresSearchQueryCompiler"
POSTGRES_RESULTS = "wagtail.search.backends.database.postgres.postgres.PostgresSearchResults"
EXPLORER = "wagtail.admin.views.pages.listing.ExplorableIndexView"
USAGE = "wagtail.admin.views.pages.usage.ContentTypeUseView"
TASK = "wagtail.models.Task"
PERMS = "wagtail.models.PagePermissionTester"

# (owner, attribute, its parameters as we override or call it, who depends on it).
# None: the attribute must exist, its parameters are not ours to check.
SIGNATURES: list[tuple[str, str, list[str] | None, str]] = [
    # 1. The search backend (nashra.search.backends)
    (SQLITE, "_build_rank_expression", ["self", "vectors", "config"], "search.backends"),
    (SQLITE, "build_search_query", ["self", "query", "config"], "search.backends"),
    (SQLITE, "get_config", ["self", "backend"], "search.backends"),
    (SQLITE, "FTS_TABLE_FIELDS", None, "search.backends"),
    (SQLITE_RESULTS, "_do_count", ["self"], "search.backends"),
    (SQLITE_RESULTS, "_do_search", ["self"], "search.backends"),
    (POSTGRES, "build_tsquery", ["self", "query", "config"], "search.backends"),
    (POSTGRES, "build_tsrank", ["self", "vector", "query", "config", "boost"], "search.backends"),
    (POSTGRES, "get_config", ["self", "backend"], "search.backends"),
    (POSTGRES_RESULTS, "_do_count", ["self"], "search.backends"),
    (POSTGRES_RESULTS, "_do_search", ["self"], "search.backends"),
    (
        "wagtail.search.backends.base.BaseSearchResults",
        "__init__",
        ["self", "backend", "query_compiler", "prefetch_related"],
        "search.backends (reads _score_field, start, stop, query_compiler, backend)",
    ),
    (
        "wagtail.search.backends.base.BaseSearchQueryCompiler",
        "__init__",
        ["self", "queryset", "query", "fields", "operator", "order_by_relevance"],
        "search.backends (NewestFirstAutocompleteQueryCompiler)",
    ),
    (
        "wagtail.search.backends.database.sqlite.query",
        "MatchExpression",
        ["columns", "query"],
        "search.backends (sqlite latest_matches)",
    ),
    ("wagtail.search.backends.database.sqlite.query", "normalize", ["search_query"], "search"),
    ("wagtail.search.backends.database", "SearchBackend", ["params"], "search.backends"),
    ("wagtail.search.utils", "get_descendants_content_types_pks", ["model"], "search.backends"),
    ("wagtail.search.index.SearchField", "get_value", ["self", "obj"], "search_fields"),
    # 4. The admin explorer (newsroom/admin_explorer.py)
    (EXPLORER, "get_base_queryset", ["self"], "admin_explorer.SectionExplorerView"),
    (EXPLORER, "annotate_queryset", ["self", "pages"], "admin_explorer.SectionExplorerView"),
    (
        EXPLORER,
        "get_paginator",
        ["self", "queryset", "per_page", "orphans", "allow_empty_first_page", "kwargs"],
        "admin_explorer.ExplorableStoriesMixin",
    ),
    (EXPLORER, "header_more_buttons", None, "admin_explorer.SectionExplorerView"),
    (EXPLORER, "is_searching", None, "admin_explorer.SectionExplorerView"),
    (EXPLORER, "is_filtering", None, "admin_explorer.SectionExplorerView"),
    (EXPLORER, "is_searching_whole_tree", None, "admin_explorer.SectionExplorerView"),
    (EXPLORER, "sort_order_field", None, "admin_explorer.SectionExplorerView"),
    (EXPLORER, "paginate_by", None, "admin_explorer.ExplorableStoriesMixin"),
    (USAGE, "get_base_queryset", ["self"], "admin_explorer.EveryStoryView"),
    (USAGE, "annotate_queryset", ["self", "pages"], "admin_explorer.EveryStoryView"),
    ("wagtail.admin.viewsets.pages.PageViewSet", "index_view_class", None, "admin_explorer"),
    (
        "wagtail.admin.viewsets.pages.PageViewSet",
        "content_type_use_view_class",
        None,
        "admin_explorer",
    ),
    (
        "wagtail.permission_policies.pages.PagePermissionPolicy",
        "get_cached_permissions_for_user",
        ["self", "user"],
        "admin_explorer.ExplorableStoriesMixin.explore_prefixes",
    ),
    # The pages' permission tester (newsroom/permissions.py)
    ("wagtail.models.Page", "permissions_for_user", ["self", "user"], "permissions.NewsroomPage"),
    (PERMS, "__init__", ["self", "user", "page"], "NewsroomPermissionTester"),
    (PERMS, "can_publish", ["self"], "HomePagePermissionTester, DeskApprovalTask"),
    (PERMS, "can_unpublish", ["self"], "HomePagePermissionTester, KillStoryAction"),
    (PERMS, "can_edit", ["self"], "tests/newsroom/steps.submit"),
    # 5, 6. Page routing, serving and revisions (newsroom/models)
    ("wagtail.models.Page", "route", ["self", "request", "path_components"], "HomePage.route"),
    ("wagtail.url_routing", "RouteResult", ["page", "args", "kwargs"], "HomePage.route"),
    ("wagtail.models.Page", "serve", ["self", "request", "args", "kwargs"], "pages.serve"),
    ("wagtail.models.Page", "with_content_json", ["self", "content"], "ArticlePage"),
    # 7. The review workflow task (newsroom/models/review.py)
    (TASK, "user_can_access_editor", ["self", "obj", "user"], "DeskApprovalTask"),
    (TASK, "locked_for_user", ["self", "obj", "user"], "DeskApprovalTask"),
    (TASK, "user_can_lock", ["self", "obj", "user"], "DeskApprovalTask"),
    (TASK, "user_can_unlock", ["self", "obj", "user"], "DeskApprovalTask"),
    (TASK, "get_actions", ["self", "obj", "user"], "DeskApprovalTask"),
    (
        TASK,
        "on_action",
        ["self", "task_state", "user", "action_name", "kwargs"],
        "DeskApprovalTask",
    ),
    (TASK, "get_task_states_user_can_moderate", ["self", "user", "kwargs"], "DeskApprovalTask"),
    (TASK, "get_description", [], "DeskApprovalTask"),
    ("wagtail.models.TaskState", "STATUS_IN_PROGRESS", None, "DeskApprovalTask"),
    # 8. Smaller seams
    ("django.core.paginator.Paginator", "_get_page", ["self", "args", "kwargs"], "pages"),
    (
        "wagtail.admin.panels.Panel.BoundPanel",
        "__init__",
        ["self", "panel", "instance", "request", "form", "prefix"],
        "newsroom.panels.CorrectionsPanel",
    ),
    ("wagtail.admin.panels.Panel.BoundPanel", "is_shown", ["self"], "CorrectionsPanel"),
    (
        "wagtail.admin.panels.Panel.BoundPanel",
        "get_context_data",
        ["self", "parent_context"],
        "CorrectionsPanel",
    ),
    ("wagtail.whitelist.Whitelister", "clean_tag_node", ["self", "doc", "tag"], "api.body"),
    ("wagtail.whitelist.Whitelister", "element_rules", None, "api.body, rich_text"),
    ("wagtail.whitelist", "DEFAULT_ELEMENT_RULES", None, "api.body"),
    ("wagtail.whitelist", "attribute_rule", ["allowed_attrs"], "api.body, rich_text"),
    ("wagtail.whitelist", "allow_without_attributes", ["tag"], "api.body, rich_text"),
    ("wagtail.whitelist", "check_url", ["url_string"], "api.body, rich_text"),
    ("wagtail.admin.views.generic.base", "WagtailAdminTemplateMixin", None, "admin_views"),
    ("wagtail.admin.views.pages.utils", "get_breadcrumbs_items_for_page", None, "admin_views"),
    ("treebeard.mp_tree.MP_Node", "_get_path", ["path", "depth", "newstep"], "benchdb"),
    ("treebeard.mp_tree.MP_Node", "_str2int", ["num"], "benchdb"),
    (
        "django.db.models.query.QuerySet",
        "_insert",
        [
            "self",
            "objs",
            "fields",
            "returning_fields",
            "raw",
            "using",
            "on_conflict",
            "update_fields",
            "unique_fields",
        ],
        "benchdb (raw bulk insert)",
    ),
]


def lookup(dotted: str):
    """A module, or an attribute path inside one: `a.b.Class.Inner`."""
    parts = dotted.split(".")
    for cut in range(len(parts), 0, -1):
        try:
            found = importlib.import_module(".".join(parts[:cut]))
        except ImportError:
            continue
        for name in parts[cut:]:
            found = getattr(found, name)
        return found
    raise ImportError(dotted)


def on_this_database(owner: str) -> bool:
    """Wagtail's SQLite search modules need the FTS5 model, which exists only on SQLite:
    their checks run in the SQLite run of the suite (CI runs both databases)."""
    from django.conf import settings

    return ".sqlite" not in owner or settings.DATABASES["default"]["ENGINE"].endswith("sqlite3")


CHECKED_HERE = [signature for signature in SIGNATURES if on_this_database(signature[0])]


def parameter_names(obj) -> list[str]:
    if inspect.isclass(obj) and not hasattr(obj, "_fields"):
        obj = obj.__init__
        names = list(inspect.signature(obj).parameters)
        return names[1:] if names[:1] == ["self"] else names
    if hasattr(obj, "_fields"):  # a NamedTuple
        return list(obj._fields)
    return list(inspect.signature(obj).parameters)


@pytest.mark.parametrize(
    ("owner", "name", "parameters", "user"),
    CHECKED_HERE,
    ids=[f"{owner.rsplit('.', 1)[-1]}.{name}" for owner, name, _, _ in CHECKED_HERE],
)
def test_the_internal_we_lean_on_is_still_there(owner, name, parameters, user):
    where = f"{owner}.{name} (used by nashra {user}; see {DOC})"
    try:
        obj = getattr(lookup(owner), name)
    except (ImportError, AttributeError):
        pytest.fail(f"{where} is gone")
    if parameters is None:
        return
    found = parameter_names(obj)
    assert found == parameters, f"{where} now takes {found}, we expect {parameters}"


def test_the_fts5_columns_are_in_the_order_our_weights_assume():
    from wagtail.search import migrations

    from nashra.search.backends import COLUMN_WEIGHTS

    path = Path(migrations.__file__).parent / "0006_customise_indexentry.py"
    assert "fts5(autocomplete, body, title)" in path.read_text(), (
        f"Wagtail's FTS5 column order changed: nashra.search.backends.COLUMN_WEIGHTS "
        f"{COLUMN_WEIGHTS} weights (autocomplete, body, title); see {DOC}"
    )


def test_the_index_entry_has_the_columns_the_search_reads():
    from wagtail.search.models import IndexEntry

    for column in ("title", "body", "title_norm", "object_id", "content_type"):
        try:
            IndexEntry._meta.get_field(column)
        except Exception:  # noqa: BLE001 (FieldDoesNotExist, named in the message)
            pytest.fail(f"wagtail.search.models.IndexEntry has no {column!r}; see {DOC}")


def test_the_backend_classes_are_the_ones_we_tell_apart_by_name():
    from wagtail.search.backends.database.postgres.postgres import PostgresSearchBackend

    backends = [PostgresSearchBackend]
    if on_this_database("wagtail.search.backends.database.sqlite"):
        from wagtail.search.backends.database.sqlite.sqlite import SQLiteSearchBackend

        backends.append(SQLiteSearchBackend)
    for backend in backends:
        assert backend.__name__ in {"PostgresSearchBackend", "SQLiteSearchBackend"}, (
            f"nashra.search.backends.SearchBackend picks its wrapper by class name; see {DOC}"
        )
    for backend in backends:
        for attribute in ("query_compiler_class", "autocomplete_query_compiler_class"):
            assert hasattr(backend, attribute), f"{backend.__name__}.{attribute}; see {DOC}"
        assert hasattr(backend, "results_class"), f"{backend.__name__}.results_class; see {DOC}"


def test_the_results_keep_the_private_attributes_the_window_reads():
    from wagtail.search.backends.base import BaseSearchResults

    results = BaseSearchResults(backend=None, query_compiler=None)
    for attribute in ("_score_field", "start", "stop", "query_compiler", "backend"):
        assert hasattr(results, attribute), f"BaseSearchResults().{attribute} is gone; see {DOC}"


def test_treebeard_still_caches_a_parent_where_the_bench_builder_puts_it():
    from treebeard.mp_tree import MP_Node

    assert "_cached_parent_obj" in inspect.getsource(MP_Node.get_parent), (
        f"treebeard's MP_Node.get_parent no longer reads _cached_parent_obj (benchdb); see {DOC}"
    )


def test_the_explore_actions_match_wagtails():
    """admin_explorer restates PagePermissionPolicy.explorable_instances' actions."""
    import ast
    import textwrap

    from wagtail.permission_policies.pages import PagePermissionPolicy

    from nashra.newsroom.admin_explorer import EXPLORE_ACTIONS

    source = textwrap.dedent(inspect.getsource(PagePermissionPolicy.explorable_instances))
    sets = [node for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Set)]
    assert len(sets) == 1, f"explorable_instances no longer names one set of actions; see {DOC}"
    wagtails = {element.value for element in sets[0].elts}
    assert wagtails == EXPLORE_ACTIONS, (
        f"Wagtail explores pages with {sorted(wagtails)}, "
        f"nashra.newsroom.admin_explorer.EXPLORE_ACTIONS says {sorted(EXPLORE_ACTIONS)}; see {DOC}"
    )
