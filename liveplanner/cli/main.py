"""The `liveplanner` command: parse, open the database, run the job, map errors to exit codes.
Without a sub-command it opens the window.

Errors a user can cause print one line on stderr, in the user's language, and exit with status 2.
"""

import argparse
import sys
from collections.abc import Callable, Sequence

from liveplanner.cli import output
from liveplanner.cli.output import EXIT_FINDINGS, EXIT_USAGE, UserError
from liveplanner.cli.parser import build_parser, routed, window_arguments

# Opens the main window: (database URL or None, show id to open or None, --exit-when) -> status.
OpenWindow = Callable[[str | None, int | None, str | None], int]


def main(argv: Sequence[str] | None = None, open_window: OpenWindow | None = None) -> int:
    """Run a command, or open the window through `open_window` (liveplanner.program gives it:
    the command line does not import the window). When whoever reads a command's output stops early
    (`liveplanner runs 1 | head`), the rest of the output is dropped without a word and the
    command ends with its own status: 0, or 1 from `check` only for what it found."""
    given = sys.argv[1:] if argv is None else argv
    try:
        # --help and --version print and exit here
        args = window_arguments(given) or build_parser().parse_args(routed(given))
        if args.command is not None:
            return _run_command(args)
    finally:
        # Output still buffered would otherwise meet a closed pipe at interpreter exit, where
        # no handler can catch it.
        output.flush()

    if open_window is None:
        build_parser().error("no command given (the window opens with `python -m liveplanner`)")
    return open_window(args.database, args.open, args.exit_when)


def _run_command(args: argparse.Namespace) -> int:
    from liveplanner.app.database import StorageError
    from liveplanner.app.language import user_language
    from liveplanner.app.refusals import OperationRefused
    from liveplanner.app.translations import english, translator
    from liveplanner.formats.problems import ImportRefused

    for stream in (sys.stdout, sys.stderr):
        # A console or pipe in a narrower encoding than the text (an emoji title into GBK)
        # shows the character as an escape instead of ending in a traceback.
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="backslashreplace")
    output.speak(translator(user_language()))
    try:
        return _dispatch(args)
    except (UserError, OperationRefused, ImportRefused, StorageError) as exc:
        # Messages quote file names, cells and titles: shown with their controls escaped.
        output.write(f"liveplanner: {output.visible(output.refusal(exc))}", error=True)
        return EXIT_USAGE
    finally:
        output.speak(english)  # a caller in the same process (a test) starts from the source


def _job(args: argparse.Namespace) -> Callable[..., int]:
    """The function that does the sub-command's job; its module loads only for its command."""
    if args.command in ("import-script", "export-script"):
        from liveplanner.cli import scripts

        return scripts.import_script if args.command == "import-script" else scripts.export
    if args.command == "import-metrics":
        from liveplanner.cli import metrics

        return metrics.import_metrics
    if args.command == "import-products":
        from liveplanner.cli import products

        return products.import_products
    if args.command == "review":
        from liveplanner.cli import reviews

        return reviews.review
    if args.command == "advise":
        from liveplanner.cli import advice

        return advice.advise
    if args.command == "runs":
        from liveplanner.cli import runs

        return runs.runs
    if args.command == "share":
        from liveplanner.cli import sharing

        return sharing.share
    if args.command == "alerts":
        from liveplanner.cli import alerts

        return alerts.alerts
    if args.command == "db":
        from liveplanner.cli import database

        return database.upkeep
    if args.command == "campaign":
        from liveplanner.cli import campaigns

        return campaigns.JOBS[args.campaign_command]
    if args.command == "template":
        from liveplanner.cli import library

        return library.TEMPLATE_JOBS[args.template_command]
    if args.command == "library":
        from liveplanner.cli import library

        return library.LIBRARY_JOBS[args.library_command]
    from liveplanner.cli import shows

    return shows.JOBS[args.command]


def _dispatch(args: argparse.Namespace) -> int:
    from liveplanner.app.database import DamagedDatabaseError
    from liveplanner.app.workspace import open_database

    if args.command == "db" and args.db_command == "restore":
        from liveplanner.cli.database import restore

        return restore(args)
    job = _job(args)
    # `db check` looks at the database as it is; everything else brings it up to date.
    checking = args.command == "db" and args.db_command == "check"
    try:
        db = open_database(args.database, migrate=not checking)
    except DamagedDatabaseError as exc:
        if not checking:
            raise
        # A damaged file is what a check is for: a finding, not a mistake in the command.
        output.emit(args, {"ok": False, "problems": [str(exc)]}, str(exc))
        return EXIT_FINDINGS
    try:
        return job(args, db)
    finally:
        db.close()
