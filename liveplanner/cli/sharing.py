"""`liveplanner share ID`: the show's live desk served to the studio's phones and tablets from
a PC without the window, until Ctrl+C (or SIGTERM from a service manager). The links come first,
on one line with --json, so a script can read them and show them or make QR codes of them."""

import argparse
import json
import signal
import threading

from liveplanner.app.database import Database
from liveplanner.app.language import user_language
from liveplanner.app.translations import QT_TRANSLATE_NOOP
from liveplanner.cli.output import flush, say, visible, width, write
from liveplanner.web.sharing import ScreenServer, SharedScreens
from liveplanner.web.words import page_words


def share(args: argparse.Namespace, db: Database) -> int:
    language = user_language()
    server = ScreenServer(db, args.show_id, bind=args.bind, port=args.port, language=language)
    shared = server.start()
    try:
        if args.json:
            write(json.dumps({"url": shared.url, "roles": shared.roles}, ensure_ascii=False))
        else:
            write(_links(server.desk.plan.show.title, shared, page_words(language)))
        flush()
        wait_until_stopped()
    finally:
        server.stop()
    return 0


def _links(title: str, shared: SharedScreens, words: dict[str, str]) -> str:
    head = say(
        QT_TRANSLATE_NOOP("cli", "Sharing the live desk of {title!r} on {url} (Ctrl+C stops):"),
        title=visible(title),
        url=shared.url,
    )
    names = {name: words.get(f"role.{name}", name) for name in shared.roles}
    column = max(width(n) for n in names.values()) + 2
    lines = [f"  {n}{' ' * (column - width(n))}{shared.roles[k]}" for k, n in names.items()]
    return "\n".join([head, *lines])


def wait_until_stopped() -> None:
    """Block until Ctrl+C or SIGTERM; either is a clean stop."""
    stopped = threading.Event()
    kept = {}
    for number in (signal.SIGINT, signal.SIGTERM):
        kept[number] = signal.signal(number, lambda *_: stopped.set())
    try:
        while not stopped.wait(0.5):
            pass
    finally:
        for number, handler in kept.items():
            signal.signal(number, handler)
