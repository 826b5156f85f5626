"""The app's log file: what happened at start, and every unexpected error with its traceback.

A rotating file in the user log folder (settings.log_dir()), about 1 MB × 5, so a user can send
it when something went wrong and it never fills the disk. No Qt here: the GUI adds its own lines.
"""

import logging
import platform
import sys
from io import TextIOWrapper
from logging.handlers import RotatingFileHandler
from pathlib import Path

from liveplanner import __version__
from liveplanner.app import settings
from liveplanner.app.credentials import without_password
from liveplanner.storage.private_files import create_private, make_private_folder

LOG_NAME = "app.log"  # packaging/launcher.py's liveplanner.log (a windowed app's streams) is apart
MAX_BYTES = 1_000_000
BACKUP_COUNT = 5
FORMAT = "%(asctime)s %(levelname)s %(name)s [%(process)d]: %(message)s"

logger = logging.getLogger("liveplanner")


class PrivateLogHandler(RotatingFileHandler):
    """A rotating log whose every file (the first, and each new one after a rollover) is
    created for the user alone: it names the database and what was typed."""

    def _open(self) -> TextIOWrapper:
        create_private(Path(self.baseFilename))
        return super()._open()


def log_path() -> Path:
    return settings.log_dir() / LOG_NAME


def log_folder() -> Path:
    """The folder of the log files, made (for the user alone) if it is not there yet, so that it
    can be shown. Raises OSError when it cannot be made."""
    folder = log_path().parent
    make_private_folder(folder)
    return folder


def setup_logging() -> logging.Handler | None:
    """Log liveplanner's lines (INFO and up) and every library's warnings to the log file.

    Returns the handler (to remove it again, in tests), or None when the file cannot be written:
    the app runs on without a log rather than not at all.
    """
    path = log_path()
    try:
        make_private_folder(path.parent)
        handler = PrivateLogHandler(
            path, maxBytes=MAX_BYTES, backupCount=BACKUP_COUNT, encoding="utf-8"
        )
    except OSError as exc:
        print(f"liveplanner: no log file at {path}: {exc}", file=sys.stderr)
        return None
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.setLevel(logging.INFO)
    # On the root logger, so other libraries' warnings land here too; the root stays at WARNING
    # (SQLAlchemy would log every statement at INFO), liveplanner's own lines from INFO up.
    logging.getLogger().addHandler(handler)
    logger.setLevel(logging.INFO)
    logging.captureWarnings(True)
    return handler


def remove_logging(handler: logging.Handler | None) -> None:
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()
    logging.captureWarnings(False)


def safe_url(url: str) -> str:
    """A database URL fit for the log: never its password."""
    return without_password(url) or ("(not a database URL)" if url else "")


def log_start(database_url: str, toolkit: str = "") -> None:
    """The first line of a session: what runs, where, on what, against which database."""
    logger.info(
        "liveplanner %s starting: Python %s, %s%s, data %s, database %s",
        __version__,
        platform.python_version(),
        f"{platform.system()} {platform.release()} {platform.machine()}",  # platform() is slow
        f", {toolkit}" if toolkit else "",
        settings.data_dir(),
        safe_url(database_url),
    )
