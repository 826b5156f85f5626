"""The command line's grammar (argparse only): no sub-command opens the window; sub-commands do
headless jobs. `--help` needs neither the database layer nor pandas."""

import argparse
from collections.abc import Sequence
from typing import NoReturn

from liveplanner import __version__
from liveplanner.cli.output import EXIT_USAGE, visible
from liveplanner.core.enums import Platform
from liveplanner.core.plan import DEFAULT_TIME_ZONE

# The presets' names, kept here so that `--help` needs neither pandas nor the formats package;
# a test checks they match formats.presets.PRESETS.
PRESET_NAMES = [
    "douyin-compass",
    "douyin-screen",
    "douyin-gmv-minute",
    "douyin-minute-trend",
    "taobao-live",
    "kuaishou",
    "tiktok-shop",
    "screen-logger",
]
MAX_ID = 2**31 - 1  # ids are 32-bit integers on PostgreSQL


def _show_id(text: str) -> int:
    """argparse type for a show id: a whole number the database can hold."""
    if not text.isdecimal() or not 1 <= int(text) <= MAX_ID:
        raise argparse.ArgumentTypeError(f"not a show id: {text!r} (see `liveplanner shows`)")
    return int(text)


def _port(text: str) -> int:
    """argparse type for a TCP port; 0 lets the system pick a free one."""
    if not text.isdecimal() or not 0 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"not a port: {text!r} (0 to 65535)")
    return int(text)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        # argparse quotes some arguments as typed (unrecognized ones): escaped like any text.
        self.exit(EXIT_USAGE, f"{self.prog}: {visible(message)} (see --help)\n")


def _alert_percent(text: str) -> int:
    """argparse type for an alert's share: a percentage from 0 to 100, kept as basis points."""
    try:
        value = float(text.rstrip("%"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a percentage: {text!r} (0 to 100)") from None
    if not 0 <= value <= 100:
        raise argparse.ArgumentTypeError(f"not a percentage: {text!r} (0 to 100)")
    return round(value * 100)


def _add_json(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON instead of text")


def _add_window_options(parser: argparse.ArgumentParser) -> None:
    """The options of the program as a whole, the window's among them."""
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
        "--exit-when",
        choices=["shown", "ready"],
        help=argparse.SUPPRESS,  # start-up benchmarks and smoke tests: quit once painted or loaded
    )


def window_arguments(argv: Sequence[str]) -> argparse.Namespace | None:
    """The window's options when `argv` holds those alone (no command), else None: read without
    building every command's parser, whose choices load the importers' and targets' tables (a
    tenth of the window's first paint). Anything else, a mistake included, is for
    build_parser, which says what is wrong."""
    parser = argparse.ArgumentParser(add_help=False, exit_on_error=False)
    _add_window_options(parser)
    try:
        args, rest = parser.parse_known_args(argv)
    except argparse.ArgumentError:
        return None
    if rest:
        return None
    args.command = None
    return args


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="liveplanner",
        description="Plan, rehearse, run and review live-stream shopping shows. "
        "Without a command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"liveplanner {__version__}")
    _add_window_options(parser)
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
    new.add_argument(
        "--template",
        metavar="NAME",
        help="start from a template: flash_1h, standard_2h, big_promo_3h, or a team template's "
        "name (`liveplanner template list`)",
    )
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

    runs = commands.add_parser("runs", help="a show's rehearsals and live runs, planned vs actual")
    runs.add_argument("show_id", type=_show_id, metavar="SHOW")
    _add_json(runs)

    share = commands.add_parser(
        "share",
        help="serve each role's live desk page to the studio's phones and tablets until stopped",
        description="Serve the show's live desk on the studio network: a page per role (host, "
        "co_host, floor_control, customer_service, ops) and a read-only viewer, each behind a "
        "random token new for this sharing. Follows the show's current run (the plan, counting "
        "nothing, when none is open) until Ctrl+C. The first line printed is the links.",
    )
    share.add_argument("show_id", type=_show_id, metavar="ID")
    share.add_argument(
        "--bind",
        default="127.0.0.1",
        metavar="ADDR",
        help="the address to serve on: this computer's address on the studio network "
        "(default: 127.0.0.1, this computer only)",
    )
    share.add_argument(
        "--port", type=_port, default=0, metavar="N", help="the port (default: any free one)"
    )
    share.add_argument(
        "--feed-file",
        metavar="FILE",
        help="a CSV a screen logger or export tool keeps appending to: its minutes are read as "
        "it grows and shown on every page (a collector can also POST JSON lines to the feed "
        "link printed)",
    )
    share.add_argument(
        "--feed-preset",
        choices=PRESET_NAMES,
        help="the feed file's layout, as import-metrics's --preset (default: recognised)",
    )
    _add_json(share)

    alerts = commands.add_parser(
        "alerts",
        help="show or set a show's live alerts (viewers dropping, GMV behind the pace, sold out)",
        description="The show's live alert thresholds, as the live feed judges them during a "
        "run; the options given change them (the others are kept). A share of 0 turns its "
        "alert off.",
    )
    alerts.add_argument("show_id", type=_show_id, metavar="ID")
    alerts.add_argument(
        "--viewers-drop",
        type=_alert_percent,
        metavar="PCT",
        help="alert when online viewers fall by this share within --within minutes (default 20)",
    )
    alerts.add_argument(
        "--within", type=int, metavar="MIN", help="the minutes a drop is judged over (1-60)"
    )
    alerts.add_argument(
        "--pace-behind",
        type=_alert_percent,
        metavar="PCT",
        help="alert when GMV is this share behind the pace to target (default 15)",
    )
    alerts.add_argument(
        "--sold-out", choices=("on", "off"), help="alert when a flash sale sells out"
    )
    _add_json(alerts)

    metrics = commands.add_parser(
        "import-metrics",
        help="bring a platform's minute-by-minute export (CSV, XLSX, JSON) into a show",
        description="Read the export, map its columns to liveplanner's metrics and replace the "
        "show's minute metrics with it. A file that cannot be read is refused and changes nothing; "
        "so is a file whose minutes miss the show's planned and live times, unless "
        "--shift-to-show-date or --keep-dates says what to do with it, and any file for a show "
        "that has metrics already, unless --replace is given.",
    )
    metrics.add_argument("file", metavar="FILE")
    metrics.add_argument("--show", type=_show_id, required=True, metavar="ID")
    metrics.add_argument(
        "--preset", choices=PRESET_NAMES, help="the export's layout (default: recognised)"
    )
    metrics.add_argument(
        "--date", metavar="YYYY-MM-DD", help="the date for times without one (default: the show's)"
    )
    metrics.add_argument(
        "--tz", metavar="ZONE", help="the zone of the file's clock times (default: the show's)"
    )
    metrics.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=METRIC",
        help="map a column by its header: HEADER=METRIC, HEADER=METRIC:cumulative for a running "
        "total, or HEADER=- to leave it out (repeatable)",
    )
    dates = metrics.add_mutually_exclusive_group()
    dates.add_argument(
        "--shift-to-show-date",
        action="store_true",
        help="a file whose minutes miss the show's time: move its dates onto the show's date",
    )
    dates.add_argument(
        "--keep-dates",
        action="store_true",
        help="a file whose minutes miss the show's time: import it as it is (its minutes fall "
        "outside every segment)",
    )
    metrics.add_argument(
        "--replace",
        action="store_true",
        help="the show has metrics already: replace them (a SQLite database is backed up first)",
    )
    metrics.add_argument("--dry-run", action="store_true", help="read and report, store nothing")
    _add_json(metrics)

    _add_import_products(commands)

    review = commands.add_parser(
        "review",
        help="a show's review: its minute metrics over its segments, against its targets",
        description="Credit each minute's sales to the segment running LAG minutes earlier (on "
        "the live run's times when the show ran on the timer, else the plan's) and print the "
        "figures, or write the report (.pdf, .html or .xlsx).",
    )
    review.add_argument("show_id", type=_show_id, metavar="ID")
    review.add_argument(
        "--lag", type=int, metavar="MIN", help="minutes from pitch to order (default: setting, 2)"
    )
    review.add_argument("--out", metavar="FILE", help="write the report: .pdf, .html or .xlsx")
    _add_json(review)

    advise = commands.add_parser(
        "advise",
        help="a show's projected GMV and suggestions, from the team's earlier shows",
        description="Project the show's GMV (low, mid, high, for the show and each segment) "
        "from comparable segments of earlier shows (same platform and a similar time slot "
        "first), and suggest changes: a benefit where past viewers fell away, the best earner "
        "in the prime slot, lengths from rehearsal takes and past runs, stock from past "
        "sell-through, a benefit where the rhythm asks for one. Fewer than three earlier shows "
        "with GMV: no projection.",
    )
    advise.add_argument("show_id", type=_show_id, metavar="ID")
    _add_json(advise)

    script_in = commands.add_parser(
        "import-script",
        help="a run sheet (XLSX, CSV) or a show file (JSON) as a new show",
        description="Read a run sheet (整场脚本): its header is found under any title rows and "
        "its columns mapped by name; or a liveplanner show file. The show is stored as a new "
        "show; a file that cannot be read is refused, naming the row and column, and changes "
        "nothing.",
    )
    script_in.add_argument("file", metavar="FILE")
    script_in.add_argument("--title", help="the show's title (default: the sheet's)")
    script_in.add_argument(
        "--start", metavar='"YYYY-MM-DD HH:MM"', help="the show's start (default: the sheet's)"
    )
    script_in.add_argument("--platform", choices=[p.value for p in Platform])
    script_in.add_argument("--tz", metavar="ZONE", help="the show's time zone (Asia/Shanghai)")
    script_in.add_argument("--dry-run", action="store_true", help="read and report, store nothing")
    _add_json(script_in)

    script_out = commands.add_parser(
        "export-script",
        help="write a show's script: .xlsx run sheet, .pdf run sheet and cue cards, .json file",
    )
    script_out.add_argument("show_id", type=_show_id, metavar="ID")
    script_out.add_argument("--out", required=True, metavar="FILE")
    script_out.add_argument(
        "--language",
        choices=["zh", "en"],
        help="the .xlsx run sheet's headers (default: the app's; a .pdf is in the app's language)",
    )
    _add_json(script_out)

    db = commands.add_parser("db", help="database upkeep")
    db_commands = db.add_subparsers(dest="db_command", metavar="ACTION", parser_class=_Parser)
    db_commands.required = True
    for name, text in (
        ("upgrade", "migrate the database to this version's schema"),
        ("check", "check integrity, foreign keys and schema version"),
        ("backup", "write a backup copy of the SQLite database"),
        ("backups", "list the SQLite database's backups, newest first"),
    ):
        _add_json(db_commands.add_parser(name, help=text))
    restore = db_commands.add_parser(
        "restore",
        help="put a backup in place of the SQLite database (backing up the current file first)",
    )
    restore.add_argument("file", metavar="BACKUP")
    _add_json(restore)
    _add_campaign(commands)
    _add_template(commands)
    _add_library(commands)
    return parser


def _add_template(commands: "argparse._SubParsersAction[_Parser]") -> None:
    template = commands.add_parser(
        "template",
        help="team templates: shows saved as starting plans, shared on the team's database",
    )
    actions = template.add_subparsers(
        dest="template_command", metavar="ACTION", parser_class=_Parser
    )
    actions.required = True
    save = actions.add_parser(
        "save", help="save a show as a team template (segments, roles, cues, promos, targets)"
    )
    save.add_argument("show_id", type=_show_id, metavar="SHOW")
    save.add_argument("--name", required=True)
    save.add_argument("--with-products", action="store_true", help="keep the show's products")
    save.add_argument("--replace", action="store_true", help="replace a template of that name")
    _add_json(save)
    _add_json(actions.add_parser("list", help="list the team's templates"))
    delete = actions.add_parser("delete", help="delete a team template")
    delete.add_argument("name", metavar="NAME")
    _add_json(delete)


def _library_id(text: str) -> int:
    if not text.isdecimal() or not 1 <= int(text) <= MAX_ID:
        raise argparse.ArgumentTypeError(
            f"not a library product id: {text!r} (see `liveplanner library list`)"
        )
    return int(text)


def _add_library(commands: "argparse._SubParsersAction[_Parser]") -> None:
    library = commands.add_parser(
        "library",
        help="the product library: products kept once, picked into shows, with their history",
    )
    actions = library.add_subparsers(dest="library_command", metavar="ACTION", parser_class=_Parser)
    actions.required = True
    _add_json(actions.add_parser("list", help="list the library's products"))
    add = actions.add_parser("add", help="add a product to the library")
    edit = actions.add_parser("edit", help="change a library product (what is given)")
    edit.add_argument("library_id", type=_library_id, metavar="ID")
    add.add_argument("--name", required=True)
    edit.add_argument("--name")
    for parser in (add, edit):
        parser.add_argument("--sku", help="the link number or SKU")
        parser.add_argument("--cost", metavar="YUAN", help="unit cost (such as 12.5)")
        parser.add_argument("--list-price", metavar="YUAN", help="list price (such as 59.9)")
        _add_json(parser)
    delete = actions.add_parser("delete", help="delete a library product (shows keep theirs)")
    delete.add_argument("library_id", type=_library_id, metavar="ID")
    _add_json(delete)
    pick = actions.add_parser("pick", help="add a library product to a show")
    pick.add_argument("library_id", type=_library_id, metavar="ID")
    pick.add_argument("--show", type=_show_id, required=True, metavar="SHOW")
    _add_json(pick)
    history = actions.add_parser(
        "history", help="a library product across shows: stock, sold, sell-through, GMV/min"
    )
    history.add_argument("library_id", type=_library_id, metavar="ID")
    _add_json(history)
    save = actions.add_parser("save", help="keep one of a show's products in the library")
    save.add_argument("show_id", type=_show_id, metavar="SHOW")
    save.add_argument("product_id", type=_library_id, metavar="PRODUCT_ID")
    _add_json(save)


def _add_campaign(commands: "argparse._SubParsersAction[_Parser]") -> None:
    campaign = commands.add_parser(
        "campaign",
        help="campaigns of shows (双11, a quarter): `campaign ID` shows where one stands",
        description="Make a campaign, count shows in it, and see where it stands against its "
        "target: `liveplanner campaign ID [--json]`.",
    )
    actions = campaign.add_subparsers(
        dest="campaign_command", metavar="ACTION", parser_class=_Parser
    )
    actions.required = True
    new = actions.add_parser("new", help="add a campaign")
    new.add_argument("--title", required=True)
    new.add_argument("--start", required=True, metavar="YYYY-MM-DD")
    new.add_argument("--end", required=True, metavar="YYYY-MM-DD", help="its last day")
    _add_campaign_targets(new)
    _add_json(new)
    edit = actions.add_parser(
        "edit",
        help="change a campaign's title, dates or targets",
        description="Change what is given and leave the rest; an empty target ('') removes it.",
    )
    edit.add_argument("campaign_id", type=_campaign_id, metavar="ID")
    edit.add_argument("--title")
    edit.add_argument("--start", metavar="YYYY-MM-DD")
    edit.add_argument("--end", metavar="YYYY-MM-DD", help="its last day")
    _add_campaign_targets(edit)
    _add_json(edit)
    for name, text in (
        ("add", "count shows in the campaign"),
        ("remove", "stop counting shows in the campaign"),
    ):
        counting = actions.add_parser(name, help=text)
        counting.add_argument("campaign_id", type=_campaign_id, metavar="ID")
        counting.add_argument("show_ids", type=_show_id, nargs="+", metavar="SHOW")
        _add_json(counting)
    _add_json(actions.add_parser("list", help="list campaigns, latest first"))
    delete = actions.add_parser("delete", help="delete a campaign (its shows stay)")
    delete.add_argument("campaign_id", type=_campaign_id, metavar="ID")
    _add_json(delete)
    # `campaign ID` is routed here (routed()).
    show = actions.add_parser("show", help="where a campaign stands (also: campaign ID)")
    show.add_argument("campaign_id", type=_campaign_id, metavar="ID")
    show.add_argument("--now", help=argparse.SUPPRESS)  # tests: today as YYYY-MM-DD
    show.add_argument(
        "--report",
        metavar="FILE",
        help="write the campaign report the window exports: .pdf or .xlsx",
    )
    _add_json(show)


def _add_campaign_targets(parser: argparse.ArgumentParser) -> None:
    """--target-gmv, --target-roi ...: one per target a campaign takes (core.target_inputs)."""
    from liveplanner.core.target_inputs import TARGET_INPUTS

    units = {"_fen": "YUAN", "_bp": "PERCENT", "_s": "M:SS"}
    for target in TARGET_INPUTS:
        unit = next((u for end, u in units.items() if target.name.endswith(end)), "N")
        parser.add_argument(
            f"--target-{target.word}",
            metavar="RATIO" if target.word == "roi" else unit,
            help="the campaign's GMV target (such as 100万)" if target.word == "gmv" else None,
        )


def _campaign_id(text: str) -> int:
    if not text.isdecimal() or not 1 <= int(text) <= MAX_ID:
        raise argparse.ArgumentTypeError(
            f"not a campaign id: {text!r} (see `liveplanner campaign list`)"
        )
    return int(text)


def routed(argv: Sequence[str]) -> list[str]:
    """`campaign 3 ...` read as `campaign show 3 ...`: a number after the command names the
    campaign to show. The global options that take a value are stepped over."""
    argv = list(argv)
    valued = {"--database", "--open", "--exit-when"}
    i = 0
    while i < len(argv):
        if argv[i] in valued:
            i += 2
            continue
        if argv[i] == "campaign":
            if i + 1 < len(argv) and argv[i + 1].isdecimal():
                argv.insert(i + 1, "show")
            break
        if not argv[i].startswith("-"):
            break  # another command
        i += 1
    return argv


def _add_import_products(commands: "argparse._SubParsersAction[argparse.ArgumentParser]") -> None:
    """`import-products`: a platform's per-product export (商品明细) into a show."""
    from liveplanner.formats.products.fields import PRODUCT_PRESETS, ProductField

    products = commands.add_parser(
        "import-products",
        help="bring a platform's per-product export (商品明细, CSV or XLSX) into a show",
        description="Read the export, match its rows to the show's products by link number, then "
        "by name, and replace the show's product figures with it (a SQLite database is backed up "
        "first). A file that cannot be read is refused and changes nothing.",
    )
    products.add_argument("file", metavar="FILE")
    products.add_argument("--show", type=_show_id, required=True, metavar="ID")
    products.add_argument(
        "--preset", choices=tuple(PRODUCT_PRESETS), help="the export's layout (default: recognised)"
    )
    products.add_argument(
        "--map",
        action="append",
        default=[],
        metavar="HEADER=FIELD",
        help="map a column by its header: HEADER=FIELD (one of "
        + ", ".join(f.value for f in ProductField)
        + "), or HEADER=- to leave it out (repeatable)",
    )
    products.add_argument("--dry-run", action="store_true", help="read and match, store nothing")
    _add_json(products)
