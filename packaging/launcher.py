"""The bundled app's entry point: `liveplanner` as the command runs it, plus what a frozen,
windowed program needs first.

A windowed program on Windows starts without a console, and PyInstaller then sets sys.stdout and
sys.stderr to None: the first print, or a warning, or a traceback, would raise or vanish. They go
to a log file instead (liveplanner.log in the user's log folder, or in LIVEPLANNER_DATA_DIR/logs
when that is set), so a user can send it when something went wrong; Python's fault handler writes
there too, for a crash inside Qt. Where the streams exist (a terminal, Linux, macOS, the console
twin liveplanner-cli.exe on Windows) nothing changes.
"""

import os
import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

LOG_NAME = "liveplanner.log"
LOG_LIMIT = 1_000_000  # bytes; a longer log moves to liveplanner.log.1 at the next start


def log_folder() -> Path:
    """settings.log_dir(), worked out here: an error while liveplanner loads is logged too."""
    override = os.environ.get("LIVEPLANNER_DATA_DIR")
    if override:
        return Path(override) / "logs"
    import platformdirs

    return Path(platformdirs.user_log_dir("liveplanner", False))


def open_log(folder: Path) -> TextIO:
    """The log file, opened to append line by line; os.devnull if it cannot be written."""
    try:
        folder.mkdir(parents=True, exist_ok=True)
        path = folder / LOG_NAME
        if path.exists() and path.stat().st_size > LOG_LIMIT:
            path.replace(path.with_name(LOG_NAME + ".1"))
        # Line-buffered, so the log is whole up to the moment the app died.
        log = open(path, "a", encoding="utf-8", errors="backslashreplace", buffering=1)  # noqa: SIM115
    except OSError:
        return open(os.devnull, "w", encoding="utf-8")
    started = datetime.now().astimezone().isoformat(timespec="seconds")
    log.write(f"--- {started} liveplanner {' '.join(sys.argv[1:])}\n")
    return log


def give_missing_streams_a_file() -> TextIO | None:
    """Point a None sys.stdout or sys.stderr at the log file; the file, if one was needed."""
    if sys.stdout is not None and sys.stderr is not None:
        return None
    log = open_log(log_folder())
    if sys.stdout is None:
        sys.stdout = log
    if sys.stderr is None:
        sys.stderr = log
        if log.name != os.devnull:
            import faulthandler

            faulthandler.enable(log)
    return log


if __name__ == "__main__":
    give_missing_streams_a_file()

    from liveplanner.program import main

    sys.exit(main())
