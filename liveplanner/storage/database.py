"""Opening a database: URL to engine, SQLite pragmas, refusals, backup and migration to head."""

import importlib.util
import logging
import os
import sqlite3
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import cast

from sqlalchemy import Connection, Engine, create_engine, event, make_url, text
from sqlalchemy.engine import URL
from sqlalchemy.exc import (
    ArgumentError,
    DataError,
    DBAPIError,
    IntegrityError,
    OperationalError,
)
from sqlalchemy.orm import Session, sessionmaker
from sqlalchemy.orm.exc import StaleDataError

from liveplanner.storage import history, schema, script_lock
from liveplanner.storage.backup import (
    backup_sqlite,
    readonly_uri,
    remove_leftovers,
)
from liveplanner.storage.errors import (
    OtherTablesError,
    ReadOnlyError,
    StaleEditError,
    StorageError,
)
from liveplanner.storage.private_files import create_private, make_private_folder
from liveplanner.storage.sqlite_file import APPLICATION_ID, inspect_sqlite_file, refuse_newer
from liveplanner.storage.urls import shown_url, unparsed


@dataclass
class Database:
    """An open database. `session()` is one unit of work: committed at the end, or rolled back.

    `user` is who the change history names; `origin` tells this open database's changes from
    everyone else's. A read-only database (another liveplanner writes the file) refuses writes.
    """

    url: URL
    engine: Engine
    backup_dir: Path | None
    _sessions: sessionmaker[Session]
    user: str
    migrated_from: str | None = None  # the revision it was at, when opening upgraded it
    read_only: bool = False
    # Why a database opened read-only that no other liveplanner holds: "the folder … is read-only"
    read_only_reason: str = ""
    origin: str = field(default_factory=lambda: uuid.uuid4().hex)

    @property
    def is_sqlite(self) -> bool:
        return self.url.get_backend_name() == "sqlite"

    @property
    def sqlite_path(self) -> Path | None:
        return Path(self.url.database) if self.is_sqlite and self.url.database else None

    @contextmanager
    def session(self) -> Iterator[Session]:
        try:
            with self._sessions.begin() as session:
                session.info["who"] = self.user
                session.info["origin"] = self.origin
                yield session
        except StaleDataError as exc:
            # Two writers raced between reading a row and writing it; the later one loses.
            raise StaleEditError(
                "row", 0, "someone else changed this just now; reload", code="database.stale"
            ) from exc
        except (IntegrityError, DataError) as exc:
            # Checks before each write should make this unreachable; if one slips through, the
            # user still gets a message and the transaction is rolled back whole.
            detail = first_line(exc.orig)
            raise StorageError(
                f"the database refused the change: {detail}",
                code="database.change_refused",
                figures={"detail": detail},
            ) from exc
        except OperationalError as exc:
            if exc.connection_invalidated:
                # The server went away or ended this connection (a restart, an administrator,
                # the network): the transaction died with it.
                where = shown_url(self.url)
                raise StorageError(
                    f"lost the connection to the database server ({where}); nothing was "
                    "written: run it again once the server is back",
                    code="database.connection_lost",
                    figures={"where": where},
                ) from exc
            if self.read_only and "readonly" in str(exc.orig):
                raise self._read_only_refusal() from exc
            if self.is_sqlite and "locked" in str(exc.orig):
                # SQLite refuses a write from a transaction whose snapshot another writer has
                # since changed, or when a writer holds the file past busy_timeout.
                raise StorageError(
                    "the database was being changed by another liveplanner; nothing was "
                    "written: reload and try again",
                    code="database.busy",
                ) from exc
            # The server went away, the disk is full...: said, never a traceback; rolled back.
            where, detail = shown_url(self.url), first_line(exc.orig)
            raise StorageError(
                f"the database {where} failed: {detail}",
                code="database.failed",
                figures={"where": where, "detail": detail},
            ) from exc

    def _read_only_refusal(self) -> ReadOnlyError:
        if not self.read_only_reason:
            return ReadOnlyError(
                "this window opened the database read-only, because another liveplanner has "
                "it open; nothing was written",
                code="database.read_only_held",
            )
        path = self.sqlite_path
        folder = path is not None and self.read_only_reason == _folder_read_only(path)
        return ReadOnlyError(
            f"{self.read_only_reason}, so liveplanner opened {path} read-only; nothing was written",
            code="database.read_only_folder" if folder else "database.read_only_file",
            figures={"path": str(path), "folder": str(path.parent) if path else ""},
        )

    @property
    def makes_backups(self) -> bool:
        """Whether backup() makes one: a writable SQLite file with a backup folder (PostgreSQL
        is backed up by its server)."""
        return self.sqlite_path is not None and self.backup_dir is not None and not self.read_only

    def backup(self, reason: str) -> Path | None:
        """A backup of the SQLite file before something that cannot be undone (a bulk delete);
        None for PostgreSQL, which the server backs up."""
        if self.sqlite_path is None or self.backup_dir is None or self.read_only:
            return None
        return backup_sqlite(self.sqlite_path, self.backup_dir, reason)

    def close(self) -> None:
        self.engine.dispose()


def first_line(error: BaseException | None) -> str:
    """What a driver said, first line only: PostgreSQL adds DETAIL and HINT lines."""
    return str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__


SUPPORTED_DRIVERS = {"sqlite", "sqlite+pysqlite", "postgresql+psycopg"}
# Serialises the first open (the schema migration) of a shared PostgreSQL database.
MIGRATION_LOCK = 0x4C76506C


def parse_url(text: str) -> URL:
    """A database URL; plain postgresql:// means psycopg 3, the driver liveplanner ships for."""
    try:
        url = make_url(text)
    except ArgumentError:
        raise StorageError(
            f"not a database URL: {unparsed(text)}; expected sqlite:///PATH or "
            "postgresql://USER@HOST/DATABASE",
            code="database.not_a_url",
            figures={"text": unparsed(text)},
        ) from None
    if url.drivername == "postgresql":
        url = url.set(drivername="postgresql+psycopg")
    if url.get_backend_name() not in {"sqlite", "postgresql"}:
        raise StorageError(
            f"unsupported database {url.get_backend_name()!r}: use SQLite or PostgreSQL",
            code="database.unsupported",
            figures={"name": repr(url.get_backend_name())},
        )
    if url.drivername not in SUPPORTED_DRIVERS:
        raise StorageError(
            f"unsupported driver {url.drivername!r}: use sqlite:///PATH or postgresql://...",
            code="database.unsupported_driver",
            figures={"name": repr(url.drivername)},
        )
    # ":memory:" is SQLite's own name for it (a file of that name was made, then WAL refused)
    if url.get_backend_name() == "sqlite" and url.database in (None, "", ":memory:"):
        raise StorageError(
            "an in-memory SQLite database keeps nothing: give a file path",
            code="database.in_memory",
        )
    if url.get_backend_name() == "postgresql" and not url.database:
        # The server would take the user's default database, `postgres` or one named after
        # the user: liveplanner's tables would go among whatever is kept there.
        raise StorageError(
            f"{shown_url(url)} names no database; give one: postgresql://USER@HOST/DATABASE",
            code="database.no_name",
            figures={"where": shown_url(url)},
        )
    if url.drivername == "postgresql+psycopg" and importlib.util.find_spec("psycopg") is None:
        raise StorageError(
            "PostgreSQL support is not installed: pip install 'liveplanner[postgres]'",
            code="database.no_postgres",
        )
    return url


def unwritable(path: Path) -> str:
    """Why this process cannot write the SQLite file `path` ("" when it can): SQLite writes
    its -wal and -shm files beside the file, so the folder must be writable too."""
    if not os.access(path.parent, os.W_OK):
        return _folder_read_only(path)
    if path.exists() and not os.access(path, os.W_OK):
        return f"the file {path} is read-only"
    return ""


BUSY_TIMEOUT_MS = 5_000  # an edit waits this long for another writer
MIGRATION_WAIT_MS = 300_000  # opening waits this long for another process's migration


def _folder_read_only(path: Path) -> str:
    return f"the folder {path.parent} is read-only"


def _sqlite_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # Autocommit at the driver; SQLAlchemy's "begin" hook below issues BEGIN itself, so DDL in a
    # migration is transactional and PRAGMAs that must run outside a transaction can.
    dbapi_connection.isolation_level = None
    mode = dbapi_connection.execute("PRAGMA journal_mode=WAL").fetchone()[0]
    if mode.lower() != "wal":
        raise StorageError(
            f"SQLite refused write-ahead logging (journal mode is {mode!r})",
            code="database.no_wal",
            figures={"mode": repr(mode)},
        )
    dbapi_connection.execute("PRAGMA synchronous=FULL")
    dbapi_connection.execute("PRAGMA foreign_keys=ON")
    dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def _read_only_pragmas(dbapi_connection: sqlite3.Connection, _record: object) -> None:
    # The file's journal mode is whatever the writing app left (WAL): not set from here.
    dbapi_connection.isolation_level = None
    dbapi_connection.execute("PRAGMA query_only=ON")
    dbapi_connection.execute("PRAGMA foreign_keys=ON")
    dbapi_connection.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


_QUIET = logging.NullHandler()

SERVER_WAITS = {
    "connect_timeout": 10,
    "keepalives": 1,
    "keepalives_idle": 10,
    "keepalives_interval": 5,
    "keepalives_count": 3,
}


def make_engine(url: URL, read_only: bool = False) -> Engine:
    """An engine for `url`; a read-only SQLite one opens the file through readonly_uri."""
    if url.get_backend_name() != "sqlite":
        # A server that does not answer is said in seconds, not after the system's TCP timeout;
        # keepalives notice one that went silent on an open connection within half a minute.
        given = set(url.query)
        waits = {k: v for k, v in SERVER_WAITS.items() if k not in given}
        # psycopg warns as it cleans up after a failed statement ("error ignored terminating
        # <psycopg.Pipeline …>"): the failure itself is said, so its note goes to the log file
        # (where one is set up), never to the terminal as Python's last-resort output.
        logging.getLogger("psycopg").addHandler(_QUIET)
        return create_engine(url, pool_pre_ping=True, connect_args=waits)
    if read_only:
        # SQLite itself refuses every write; a plain BEGIN never takes the write lock the
        # other app needs.
        uri = readonly_uri(Path(url.database or ""))
        # The file's URL still picks SQLAlchemy's pool for a file (not the in-memory one).
        engine = create_engine(
            url, creator=lambda: sqlite3.connect(uri, uri=True, check_same_thread=False)
        )
        event.listen(engine, "connect", _read_only_pragmas)
        event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN"))
        return engine
    engine = create_engine(url)
    event.listen(engine, "connect", _sqlite_pragmas)
    # IMMEDIATE takes the write lock at the start: a second writer waits (busy_timeout) instead
    # of failing when its read snapshot turns out stale at its first write.
    event.listen(engine, "begin", lambda conn: conn.exec_driver_sql("BEGIN IMMEDIATE"))
    return engine


def open_database(
    url: str | URL,
    *,
    user: str,
    backup_dir: Path | None,
    migrate: bool = True,
    read_only: bool = False,
    beside_other_tables: bool = False,
) -> Database:
    """Open the database at `url` and bring it to head; `user` is who its history names, and
    a SQLite file's backups go to `backup_dir` (None: none are made).

    `url` is text or a URL parse_url made, with the password a server needs already in it (the
    app layer fills it from the keyring).
    An existing SQLite database behind head is backed up before it is migrated. A database written
    by a newer liveplanner, a damaged file or another program's file is refused untouched.
    `migrate=False` opens it as it is (for `db check`). `read_only` opens a SQLite file that
    another liveplanner is writing: every write is refused, and it must already be at head.
    A server's database that holds other tables and none of liveplanner's is refused
    (OtherTablesError) unless `beside_other_tables`, which the user was asked for.
    """
    parsed = parse_url(url) if isinstance(url, str) else url
    where = shown_url(parsed)
    try:
        return _open(parsed, where, user, backup_dir, migrate, read_only, beside_other_tables)
    except OSError as exc:
        raise _not_opened(where, str(exc)) from exc
    except DBAPIError as exc:
        if exc.connection_invalidated:
            raise StorageError(
                f"lost the connection to the database server ({where}) while opening the "
                "database; nothing was written: run it again once the server is back",
                code="database.connection_lost_opening",
                figures={"where": where},
            ) from exc
        raise _not_opened(where, first_line(exc.orig)) from exc


def _not_opened(where: str, detail: str) -> StorageError:
    return StorageError(
        f"could not open the database {where}: {detail}",
        code="database.not_opened",
        figures={"where": where, "detail": detail},
    )


def _open(
    parsed: URL,
    where: str,
    user: str,
    backup_dir: Path | None,
    migrate: bool,
    read_only: bool,
    beside_other_tables: bool,
) -> Database:
    sqlite = parsed.get_backend_name() == "sqlite"
    if read_only and not sqlite:
        raise StorageError(
            "only a SQLite file is opened read-only", code="database.read_only_server"
        )
    path = Path(parsed.database or "")
    if sqlite and path.is_dir():  # SQLite says only "disk I/O error"
        example = (path / "liveplanner.sqlite3").as_posix()
        raise StorageError(
            f"{path} is a folder; give a database file, such as sqlite:///{example}",
            code="database.folder",
            figures={"path": str(path), "example": example},
        )
    # A file this process cannot write is opened read-only, saying why, rather than refused.
    why = unwritable(path) if sqlite and path.is_file() and path.stat().st_size else ""
    if read_only or why:
        revision = inspect_sqlite_file(path) if path.exists() else None
        refuse_newer(revision, str(path))
        if migrate and revision != schema.head_revision():
            if why:
                raise StorageError(
                    f"{path} needs upgrading to this liveplanner's schema, and {why}: make it "
                    "writable first",
                    code="database.upgrade_unwritable",
                    figures={"path": str(path), "reason": why},
                )
            raise StorageError(
                f"{path} needs upgrading to this liveplanner's schema, and the liveplanner "
                "that has it open cannot allow that: close that one first",
                code="database.upgrade_held",
                figures={"path": str(path)},
            )
        engine = make_engine(parsed, read_only=True)
        sessions = sessionmaker(engine, expire_on_commit=False)
        return Database(parsed, engine, backup_dir, sessions, user, None, True, why)
    if sqlite:
        make_private_folder(path.parent)
        if not path.exists():
            if why := unwritable(path):
                raise StorageError(
                    f"cannot create {path}: {why}",
                    code="database.cannot_create",
                    figures={"path": str(path), "reason": why},
                )
            create_private(path)  # its -wal and -shm files take its permissions
        existing = path.exists() and path.stat().st_size > 0
        revision = inspect_sqlite_file(path) if existing else None
        refuse_newer(revision, str(path))
        if migrate and existing and revision != schema.head_revision() and backup_dir:
            backup_sqlite(path, backup_dir, f"before-upgrade-from-{revision or 'empty'}")
    engine = make_engine(parsed)
    try:
        with engine.connect() as conn:
            migrated_from = _migrate(conn, where, migrate, beside_other_tables)
    except BaseException:
        engine.dispose()
        raise
    if sqlite and backup_dir is not None:
        remove_leftovers(path, backup_dir)  # what a backup or restore killed half-way left
    sessions = sessionmaker(engine, expire_on_commit=False)
    script_lock.watch(sessions)  # first: a refused edit writes no history
    history.watch(sessions)
    return Database(parsed, engine, backup_dir, sessions, user, migrated_from)


def _migrate(
    conn: Connection, where: str, migrate: bool, beside_other_tables: bool = False
) -> str | None:
    """Bring the schema to head in one transaction; return the revision it was at, if it moved."""
    sqlite = conn.dialect.name == "sqlite"
    if sqlite:
        driver = cast(sqlite3.Connection, conn.connection.driver_connection)
        # Off before the transaction (SQLite ignores it inside one): rebuilding a table in batch
        # mode would otherwise cascade-delete every row that points at it.
        driver.execute("PRAGMA foreign_keys=OFF")
        # Another process may be migrating this file (rebuilding a season of samples takes
        # a while): wait for it to finish rather than give up after the usual five seconds.
        driver.execute(f"PRAGMA busy_timeout={MIGRATION_WAIT_MS}")
    try:
        with conn.begin():
            if not sqlite:
                conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATION_LOCK})
            revision = schema.current_revision(conn)
            refuse_newer(revision, where)
            if not migrate or revision == schema.head_revision():
                return None
            if revision is None and not sqlite and not beside_other_tables:
                _refuse_other_tables(conn, where)
            schema.upgrade(conn)
            if sqlite:
                conn.exec_driver_sql(f"PRAGMA application_id={APPLICATION_ID}")
            return revision or "empty"
    finally:
        if sqlite:
            driver.execute("PRAGMA foreign_keys=ON")
            driver.execute(f"PRAGMA busy_timeout={BUSY_TIMEOUT_MS}")


def _refuse_other_tables(conn: Connection, where: str) -> None:
    """Refuse to set liveplanner up in a server schema where another program keeps tables."""
    found = conn.execute(
        text(
            "SELECT table_name FROM information_schema.tables "
            "WHERE table_schema = current_schema() AND table_name <> 'alembic_version' "
            "ORDER BY table_name"
        )
    ).scalars()
    if tables := list(found):
        raise OtherTablesError(where, tables)
