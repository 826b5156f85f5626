"""The `liveplanner` command: no sub-command opens the window; sub-commands do headless jobs.

Errors a user can cause print one line on stderr and exit with status 2.
"""

import argparse
import json
import sys
from collections.abc import Callable, Sequence
from datetime import UTC, datetime
from typing import NoReturn

from liveplanner import __version__, textout
from liveplanner.core.enums import Platform
from liveplanner.core.plan import DEFAULT_TIME_ZONE, MAX_TITLE, time_zone
from liveplanner.core.rules import Severity, check
from liveplanner.demo import create_demo
from liveplanner.storage import health, schema
from liveplanner.storage.backup import backup_sqlite
from liveplanner.storage.database import Database, open_database
from liveplanner.storage.errors import StorageError
from liveplanner.storage.shows import create_show, list_shows, load_plan

EXIT_FINDINGS = 1  # `check` found an error-level finding
EXIT_USAGE = 2  # the user asked for something that cannot be done


MAX_ID = 2**31 - 1  # ids are 32-bit integers on PostgreSQL


class UserError(Exception):
    """Something the user can correct; the message says what."""


def _show_id(text: str) -> int:
    """argparse type for a show id: a whole number the database can hold."""
    if not text.isdecimal() or not 1 <= int(text) <= MAX_ID:
        raise argparse.ArgumentTypeError(f"not a show id: {text!r} (see `liveplanner shows`)")
    return int(text)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: {message} (see --help)\n")


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="liveplanner",
        description="Plan, rehearse, run and review live-stream shopping shows. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"liveplanner {__version__}")
    parser.add_argument(
        "--database",
        metavar="URL",
        help="sqlite:///PATH or postgresql://USER@HOST/DB "
        "(default: LIVEPLANNER_DATABASE_URL, else a file in the user data folder)",
    )
    parser.add_argument(
        "--open", type=_show_id, metavar="ID", help="open the window on this show's script"
    )
    parser.add_argument(
        "--exit-when-shown",
        action="store_true",
        help=argparse.SUPPRESS,  # for start-up benchmarks and smoke tests: quit once painted
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)

    demo = commands.add_parser("demo", help="add the demo show (a 3-hour Double-11 show)")
    _add_json(demo)

    new = commands.add_parser("new-show", help="add an empty show")
    new.add_argument("--title", required=True)
    new.add_argument("--start", required=True, metavar='"YYYY-MM-DD HH:MM"')
    new.add_argument(
        "--platform", default=Platform.DOUYIN.value, choices=[p.value for p in Platform]
    )
    new.add_argument("--tz", default=DEFAULT_TIME_ZONE, metavar="ZONE", help="e.g. Asia/Shanghai")
    _add_json(new)

    shows = commands.add_parser("shows", help="list shows, newest first")
    shows.add_argument("--search", default="", help="text in the title or room")
    _add_json(shows)

    show = commands.add_parser("show", help="print a show's script with clock times")
    show.add_argument("show_id", type=_show_id, metavar="ID")
    _add_json(show)

    check = commands.add_parser("check", help="check a show's limits (exit 1 on an error)")
    check.add_argument("show_id", type=_show_id, metavar="ID")
    _add_json(check)

    db = commands.add_parser("db", help="database upkeep")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", parser_class=_Parser)
    db_commands.required = True
    for name, text in (
        ("upgrade", "migrate the database to this version's schema"),
        ("check", "check integrity, foreign keys and schema version"),
        ("backup", "write a backup copy of the SQLite database"),
    ):
        _add_json(db_commands.add_parser(name, help=text))
    return parser


def _emit(args: argparse.Namespace, data: object, text: str) -> None:
    if args.json:
        print(json.dumps(data, ensure_ascii=False, indent=2))
    else:
        print(text)


def _parse_start(text: str, zone_name: str) -> datetime:
    try:
        zone = time_zone(zone_name)
        naive = datetime.strptime(text.strip(), "%Y-%m-%d %H:%M")
        start = naive.replace(tzinfo=zone)
        start.astimezone(UTC)  # a year at the calendar's edge cannot be placed in time
    except ValueError as exc:
        if "zone" in str(exc):
            raise UserError(str(exc)) from None
        raise UserError(f"--start {text!r} is not a time; expected YYYY-MM-DD HH:MM") from None
    except OverflowError:
        raise UserError(f"--start {text!r} is out of range") from None
    if start.astimezone(UTC).astimezone(zone).replace(tzinfo=None) != naive:
        raise UserError(f"--start {text!r} does not exist in {zone_name}: the clocks skip it")
    return start


def _cmd_demo(args: argparse.Namespace, db: Database) -> int:
    show_id = create_demo(db)
    _emit(args, {"show_id": show_id}, f"added the demo show {show_id}")
    return 0


def _cmd_new_show(args: argparse.Namespace, db: Database) -> int:
    title = args.title.strip()
    if not title:
        raise UserError("--title is empty; give the show a name")
    if len(title) > MAX_TITLE:
        raise UserError(f"--title is {len(title)} characters long; at most {MAX_TITLE} fit")
    start = _parse_start(args.start, args.tz)
    show_id = create_show(db, title, start, Platform(args.platform), args.tz)
    _emit(args, {"show_id": show_id}, str(show_id))
    return 0


def _cmd_shows(args: argparse.Namespace, db: Database) -> int:
    summaries = list_shows(db, search=args.search)
    data = {
        "shows": [
            {
                "id": s.id,
                "title": s.title,
                "platform": s.platform.value,
                "planned_start": s.planned_start.replace(tzinfo=None).isoformat(),
                "status": s.status.value,
                "segments": s.segments,
                "total_s": s.total_s,
            }
            for s in summaries
        ]
    }
    _emit(args, data, textout.show_list(summaries, args.search))
    return 0


def _cmd_show(args: argparse.Namespace, db: Database) -> int:
    plan = load_plan(db, args.show_id)
    _emit(args, textout.plan_json(plan), textout.plan_text(plan))
    return 0


def _cmd_check(args: argparse.Namespace, db: Database) -> int:
    plan = load_plan(db, args.show_id)
    findings = check(plan)
    data = {
        "show_id": plan.show.id,
        "errors": sum(f.severity is Severity.ERROR for f in findings),
        "warnings": sum(f.severity is Severity.WARNING for f in findings),
        "findings": [
            {
                "severity": f.severity.value,
                "code": f.code,
                "entity": f.entity,
                "entity_id": f.entity_id,
                "field": f.field,
                "message": f.message,
            }
            for f in findings
        ],
    }
    _emit(args, data, textout.findings_text(findings))
    return EXIT_FINDINGS if data["errors"] else 0


def _cmd_db(args: argparse.Namespace, db: Database) -> int:
    if args.db_command == "upgrade":
        head = schema.head_revision()
        before = db.migrated_from or head
        text = f"upgraded from {before} to {head}" if db.migrated_from else f"already at {head}"
        _emit(args, {"from": before, "to": head}, text)
        return 0
    if args.db_command == "check":
        found = health.problems(db)
        _emit(args, {"ok": not found, "problems": found}, "\n".join(found) or "ok")
        return EXIT_FINDINGS if found else 0
    if db.sqlite_path is None:
        raise UserError("a PostgreSQL database is backed up by its server (pg_dump), not here")
    path = backup_sqlite(db.sqlite_path, db.backup_dir, "manual")
    _emit(args, {"backup": str(path)}, str(path))
    return 0


COMMANDS: dict[str, Callable[..., int]] = {
    "demo": _cmd_demo,
    "new-show": _cmd_new_show,
    "shows": _cmd_shows,
    "show": _cmd_show,
    "check": _cmd_check,
    "db": _cmd_db,
}


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command is None:
        from liveplanner.ui.app import run_app

        return run_app(args.database, open_show=args.open, exit_when_shown=args.exit_when_shown)

    try:
        # `db check` looks at the database as it is; everything else brings it up to date.
        checking = args.command == "db" and args.db_command == "check"
        db = open_database(args.database, migrate=not checking)
        try:
            return COMMANDS[args.command](args, db)
        finally:
            db.close()
    except (UserError, StorageError) as exc:
        print(f"liveplanner: {exc}", file=sys.stderr)
        return EXIT_USAGE
