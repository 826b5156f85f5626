"""`liveplanner share ID`: the show's live desk served to the studio's phones and tablets from
a PC without the window, until Ctrl+C (or SIGTERM from a service manager). The links come first,
on one line with --json, so a script can read them and show them or make QR codes of them."""

import argparse
import json
import signal
import threading
from pathlib import Path

from liveplanner.app.database import Database
from liveplanner.app.language import user_language
from liveplanner.app.translations import QT_TRANSLATE_NOOP
from liveplanner.cli.output import flush, say, visible, width, write
from liveplanner.web.sharing import ScreenServer, SharedScreens
from liveplanner.web.words import page_words


def share(args: argparse.Namespace, db: Database) -> int:
    language = user_language()
    # Ctrl+C and SIGTERM are caught before the links are printed: a script that reads them and
    # stops the command at once gets a clean stop, not a kill.
    stopped = threading.Event()
    kept = {n: signal.signal(n, lambda *_: stopped.set()) for n in (signal.SIGINT, signal.SIGTERM)}
    try:
        server = ScreenServer(db, args.show_id, bind=args.bind, port=args.port, language=language)
        if args.feed_file:
            server.feed.follow_file(Path(args.feed_file), args.feed_preset)
        shared = server.start()
        try:
            if args.json:
                links = {
                    "url": shared.url,
                    "roles": shared.roles,
                    "people": shared.people,
                    "feed": shared.feed,
                }
                write(json.dumps(links, ensure_ascii=False))
            else:
                write(_links(server.desk.plan.show.title, shared, page_words(language)))
            flush()
            wait_until_stopped(stopped)
        finally:
            server.stop()
    finally:
        for number, handler in kept.items():
            signal.signal(number, handler)
    return 0


def _links(title: str, shared: SharedScreens, words: dict[str, str]) -> str:
    head = say(
        QT_TRANSLATE_NOOP("cli", "Sharing the live desk of {title!r} on {url} (Ctrl+C stops):"),
        title=visible(title),
        url=shared.url,
    )
    links = {words.get(f"role.{name}", name): url for name, url in shared.roles.items()}
    links |= {visible(person): url for person, url in shared.people.items()}
    column = max(width(n) for n in links) + 2
    lines = [f"  {n}{' ' * (column - width(n))}{url}" for n, url in links.items()]
    feed = say(
        QT_TRANSLATE_NOOP("cli", "A collector posts JSON lines of the platform's figures to {url}"),
        url=shared.feed,
    )
    return "\n".join([head, *lines, feed])


def wait_until_stopped(stopped: threading.Event) -> None:
    """Block until Ctrl+C or SIGTERM (which set `stopped`); either is a clean stop."""
    while not stopped.wait(0.5):
        pass
