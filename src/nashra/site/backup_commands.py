"""`nashra backup PATH` and `nashra restore PATH [--force]` (nashra.site.backup)."""

from __future__ import annotations

from pathlib import Path


def register(commands) -> None:
    backup = commands.add_parser(
        "backup", help="write the database and media to one .tar.gz while the site runs"
    )
    backup.add_argument("path", type=Path, help="the archive to write (e.g. nashra.tar.gz)")
    backup.set_defaults(handler=run_backup)

    restore = commands.add_parser(
        "restore", help="restore a `nashra backup` archive (stop the site first)"
    )
    restore.add_argument("path", type=Path, help="the archive to read")
    restore.add_argument(
        "--force", action="store_true", help="replace a database that already has tables"
    )
    restore.set_defaults(handler=run_restore)


def run_backup(args) -> int:
    from nashra.kernel.bootstrap import ensure_database_reachable, setup_django
    from nashra.site.backup import check_archive_path

    check_archive_path(args.path)
    setup_django()
    ensure_database_reachable()
    from django.conf import settings

    from nashra.site.backup import create_backup

    manifest = create_backup(args.path, settings.DATABASES["default"], Path(settings.MEDIA_ROOT))
    print(f"backed up the {manifest.engine} database and media to {args.path}")
    return 0


def run_restore(args) -> int:
    from nashra.kernel.bootstrap import setup_django
    from nashra.kernel.errors import CommandError

    if not args.path.is_file():
        raise CommandError(f"{args.path} does not exist or is not a file")
    setup_django()
    from django.conf import settings

    from nashra.site.backup import restore_backup

    manifest = restore_backup(
        args.path, settings.DATABASES["default"], Path(settings.MEDIA_ROOT), force=args.force
    )
    print(f"restored the {manifest.engine} database of {manifest.created_at} and its media")
    return 0
