"""Files and folders liveplanner creates for the user alone: the shows, backups and log are
nobody else's business on a shared computer.

Only where liveplanner creates them: a file or folder that exists keeps the permissions its
owner gave it. SQLite gives a database's -wal, -shm and -journal files the database file's
own permissions, so creating the file private is enough for all of them. On Windows the modes
mean nothing (the user's profile folders are private already) and are harmless.
"""

import os
from contextlib import suppress
from pathlib import Path

FILE_MODE = 0o600
FOLDER_MODE = 0o700


def make_private_folder(folder: Path) -> None:
    """Make `folder` (and any missing parents) if it is not there; the folder itself for the
    user alone."""
    folder.mkdir(parents=True, exist_ok=True, mode=FOLDER_MODE)


def create_private(path: Path) -> None:
    """Create `path` empty, readable and writable by the user alone, unless it exists."""
    with suppress(FileExistsError):
        os.close(os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, FILE_MODE))
