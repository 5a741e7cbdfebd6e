"""`nashra revisions ...`: a thin wrapper over the newsroom modules."""

from __future__ import annotations


def register(commands) -> None:
    revisions = commands.add_parser("revisions", help="manage page revisions")
    sub = revisions.add_subparsers(dest="revisions_command", metavar="ACTION")
    sub.required = True
    purge = sub.add_parser("purge", help="delete revisions that are not live, scheduled or latest")
    purge.add_argument("--batch-size", type=int, default=1000)
    purge.add_argument("--dry-run", action="store_true")
    purge.set_defaults(handler=run_purge)

    images = commands.add_parser("images", help="manage the site's picture renditions")
    images_sub = images.add_subparsers(dest="images_command", metavar="ACTION")
    images_sub.required = True
    make = images_sub.add_parser(
        "renditions", help="make every missing rendition the site shows (after an upgrade)"
    )
    make.set_defaults(handler=run_renditions)


def run_purge(args) -> int:
    from nashra.kernel.bootstrap import ensure_database_reachable, setup_django
    from nashra.kernel.errors import CommandError

    if args.batch_size < 1:
        raise CommandError("--batch-size must be at least 1")
    setup_django()
    ensure_database_reachable()
    from nashra.newsroom.revisions import purge_revisions

    count = purge_revisions(batch_size=args.batch_size, dry_run=args.dry_run)
    print(f"{'would delete' if args.dry_run else 'deleted'} {count} revisions")
    return 0


def run_renditions(args) -> int:
    from nashra.kernel.bootstrap import ensure_database_reachable, setup_django

    setup_django()
    ensure_database_reachable()
    from wagtail.images import get_image_model

    from nashra.newsroom.renditions import make_renditions

    images = get_image_model().objects.order_by("pk")
    made = sum(make_renditions(image) for image in images.iterator(chunk_size=100))
    print(f"{made} renditions of {images.count()} images are in place")
    return 0
