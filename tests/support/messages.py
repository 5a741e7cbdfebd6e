"""Find the translatable strings in our templates and Python (what makemessages would find).

A test helper, not product: tests/arabic/test_translations.py insists every string is in
its app's .po file. Why not `makemessages`: it needs GNU xgettext, which the project does
not otherwise need, and it rewrites the .po files it reads. This reads the same tags with
Django's own template lexer and Python's `ast`.
A message is a (context, msgid) pair; context is None when there is none.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

from django.template.base import Lexer, TokenType
from django.utils.text import smart_split
from django.utils.translation import trim_whitespace

Message = tuple[str | None, str]

SIMPLE_TAGS = {"trans", "translate"}
BLOCK_TAGS = {"blocktrans", "blocktranslate"}
END_TAGS = {"endblocktrans", "endblocktranslate", "plural"}
PY_SINGULAR = {"_", "gettext", "gettext_lazy", "gettext_noop"}
PY_CONTEXT = {"pgettext", "pgettext_lazy"}
PY_PLURAL = {"ngettext", "ngettext_lazy"}


def _unquote(bit: str) -> str | None:
    if len(bit) >= 2 and bit[0] == bit[-1] and bit[0] in "\"'":
        return bit[1:-1]
    return None


def _context_of(bits: list[str]) -> str | None:
    if "context" in bits and bits.index("context") + 1 < len(bits):
        return _unquote(bits[bits.index("context") + 1])
    return None


def template_messages(source: str) -> Iterator[Message]:
    """Messages of `{% trans %}` and `{% blocktrans %}` tags in a template's source."""
    tokens = Lexer(source).tokenize()
    index = 0
    while index < len(tokens):
        token = tokens[index]
        index += 1
        if token.token_type != TokenType.BLOCK:
            continue
        bits = list(smart_split(token.contents))
        if bits[0] in SIMPLE_TAGS and len(bits) > 1:
            msgid = _unquote(bits[1])
            if msgid is not None:
                yield _context_of(bits), msgid
        elif bits[0] in BLOCK_TAGS:
            parts = []
            while index < len(tokens):
                inner = tokens[index]
                index += 1
                if inner.token_type == TokenType.BLOCK and inner.contents.split()[0] in END_TAGS:
                    break
                if inner.token_type == TokenType.VAR:
                    parts.append(f"%({inner.contents})s")
                elif inner.token_type == TokenType.TEXT:
                    parts.append(inner.contents.replace("%", "%%"))
            msgid = "".join(parts)
            yield _context_of(bits), trim_whitespace(msgid) if "trimmed" in bits else msgid


def python_messages(source: str) -> Iterator[Message]:
    """Messages of gettext calls with literal arguments in Python source."""
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call) or not node.args:
            continue
        name = getattr(node.func, "id", None) or getattr(node.func, "attr", None)
        literals = [a.value if isinstance(a, ast.Constant) else None for a in node.args]
        if name in PY_SINGULAR and isinstance(literals[0], str):
            yield None, literals[0]
        elif (
            name in PY_CONTEXT
            and len(literals) > 1
            and all(isinstance(value, str) for value in literals[:2])
        ):
            yield literals[0], literals[1]
        elif name in PY_PLURAL and isinstance(literals[0], str):
            yield None, literals[0]


def app_messages(app_dir: Path) -> dict[Message, list[str]]:
    """Every message in an app's templates and Python files, with where it was found."""
    found: dict[Message, list[str]] = {}
    for path in sorted(app_dir.rglob("*")):
        if "migrations" in path.parts or "locale" in path.parts:
            continue
        if path.suffix == ".html":
            messages = template_messages(path.read_text(encoding="utf-8"))
        elif path.suffix == ".py":
            messages = python_messages(path.read_text(encoding="utf-8"))
        else:
            continue
        for message in messages:
            found.setdefault(message, []).append(str(path.relative_to(app_dir)))
    return found
