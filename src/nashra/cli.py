"""The `nashra` command.

Sub-commands register themselves from their own modules; `main()` only wires them up.
Bad input exits with code 2 and a single line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from nashra.kernel.errors import CommandError


class NashraArgumentParser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {message}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = NashraArgumentParser(prog="nashra", description="Nashra news platform")
    commands = parser.add_subparsers(
        dest="command", metavar="COMMAND", parser_class=NashraArgumentParser
    )
    commands.required = True
    for register in _registrars():
        register(commands)
    return parser


def _registrars():
    from nashra.newsroom.commands import register as newsroom
    from nashra.prayer.commands import register as prayer
    from nashra.site.backup_commands import register as backup
    from nashra.site.commands import register as site
    from nashra.weather.commands import register as weather
    from nashra.wire.commands import register as wire

    return [site, backup, prayer, weather, newsroom, wire]


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except CommandError as error:
        print(f"nashra: error: {error}", file=sys.stderr)
        return 2
