"""The workspace: the database the app works in, opened, migrated and claimed as the settings
say, without Qt.

Opening it gives either the open Workspace or an Offer: what stands in the way (a code with its
figures) and the choices the user has. The window's flow puts the offer to the user as a dialog
and answers by calling open_workspace again with the choice made (or restore_offered_backup
first); the command line refuses instead of asking.

A team server not yet chosen is read from and written to its URL here too (ServerAddress), and
tested once before it is saved (check_server), so the window builds no engine of its own.
"""

import os
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from sqlalchemy import create_engine
from sqlalchemy.engine import URL, make_url
from sqlalchemy.exc import ArgumentError, DBAPIError
from sqlalchemy.pool import NullPool

from liveplanner.app import credentials, settings
from liveplanner.app.file_claim import ClaimRefused, FileClaim, claim
from liveplanner.storage import database, health, restore, schema
from liveplanner.storage.database import Database
from liveplanner.storage.errors import DamagedDatabaseError, OtherTablesError, StorageError
from liveplanner.storage.private_files import make_private_folder


def open_database(
    url: str | None = None,
    *,
    backup_dir: Path | None = None,
    migrate: bool = True,
    read_only: bool = False,
    beside_other_tables: bool = False,
    preferences: settings.Preferences | None = None,
) -> Database:
    """Open the database at `url` (default: settings.database_url()) as the app does: a team
    server's password from the keyring, the history naming the user of the preferences, and
    backups in their folder unless `backup_dir` says another. See storage's open_database."""
    chosen = preferences if preferences is not None else settings.load_preferences()
    parsed = credentials.fill_password(database.parse_url(settings.database_url(url)))
    return database.open_database(
        parsed,
        user=settings.user_name(chosen),
        backup_dir=backup_dir or settings.backup_dir(chosen),
        migrate=migrate,
        read_only=read_only,
        beside_other_tables=beside_other_tables,
    )


class Choice(StrEnum):
    """What the user may answer to an offer."""

    RESTORE_BACKUP = "restore_backup"  # set the damaged file aside, go on with its backup
    OPEN_LOCAL = "open_local"  # the database on this computer instead of the team server's
    OPEN_READ_ONLY = "open_read_only"  # look without writing: another app writes the file
    BESIDE_OTHER_TABLES = "beside_other_tables"  # make liveplanner's tables among another's
    QUIT = "quit"  # open nothing


# Offer codes (worded by the window; their figures below each).
HELD = "workspace.held"  # path, pid, host (pid 0: not known)
DAMAGED = "workspace.damaged"  # path, detail, backup (the backup's file name)
DAMAGED_NO_BACKUP = "workspace.damaged_no_backup"  # path, detail
SERVER_AWAY = "workspace.server_away"  # where, problem (the refusal, in English)
OTHER_TABLES = "workspace.other_tables"  # where, count, tables


@dataclass(frozen=True, slots=True)
class Offer:
    """What stands in the way of opening the workspace, and what the user may do about it.
    `cause` is storage's refusal behind it, for the front-end to word; `backup` the file a
    RESTORE_BACKUP choice puts in place."""

    code: str
    figures: Mapping[str, object]
    choices: tuple[Choice, ...]
    url: str | None
    cause: StorageError | None = None
    backup: Path | None = None


@dataclass(eq=False)
class Workspace:
    """The open database, and the claim that makes this app the one that writes its file."""

    db: Database
    claim: FileClaim | None = field(default=None, repr=False)

    def release(self) -> None:
        """Free the file for another app (the database itself stays open)."""
        if self.claim is not None:
            self.claim.release()
            self.claim = None

    def close(self) -> None:
        self.release()
        self.db.close()


def open_workspace(
    url: str | None,
    preferences: settings.Preferences,
    *,
    read_only: bool = False,
    beside_other_tables: bool = False,
) -> Workspace | Offer:
    """Open the database at `url` (None: the one the settings name) and claim its file.

    A SQLite file another app writes is offered read-only (answer with read_only=True); a file
    this process cannot write opens read-only with its reason in `db.read_only_reason`. A
    damaged file is offered its newest good backup; a server database holding another
    program's tables, liveplanner's beside them; a saved team server that fails, the local file.
    Any other refusal is raised as storage's StorageError.
    """
    parsed = database.parse_url(settings.database_url(url))
    held: FileClaim | None = None
    if parsed.get_backend_name() == "sqlite" and not read_only:
        path = Path(parsed.database or "")
        make_private_folder(path.parent)
        try:
            held = claim(path)
        except ClaimRefused as refused:
            figures = {"path": str(path), "pid": refused.holder.pid, "host": refused.holder.host}
            return Offer(HELD, figures, (Choice.OPEN_READ_ONLY, Choice.QUIT), url)
        except OSError:
            pass  # no lock file can be made in a read-only folder: the database says why, below
        read_only = held is None
    claimed = held is not None
    try:
        try:
            db = open_database(
                url,
                read_only=read_only,
                beside_other_tables=beside_other_tables,
                preferences=preferences,
            )
        except BaseException:
            if held is not None:
                held.release()
            raise
    except OtherTablesError as exc:
        figures = {"where": exc.where, "count": len(exc.tables), "tables": exc.tables}
        return Offer(OTHER_TABLES, figures, (Choice.BESIDE_OTHER_TABLES, Choice.QUIT), url, exc)
    except DamagedDatabaseError as exc:
        if not claimed:  # never set aside a file another app has open
            raise StorageError(str(exc), code=exc.code, figures=exc.figures) from exc
        return _offer_backup(url, preferences, exc)
    except StorageError as exc:
        if offer := offer_instead(exc, url, preferences):
            return offer
        raise
    return Workspace(db, held)


def _offer_backup(
    url: str | None, preferences: settings.Preferences, damaged: DamagedDatabaseError
) -> Offer:
    path = Path(database.parse_url(settings.database_url(url)).database or "")
    figures: dict[str, object] = {"path": str(path), "detail": damaged.detail}
    chosen = restore.newest_good_backup(settings.backup_dir(preferences), path.stem)
    if chosen is None:
        return Offer(DAMAGED_NO_BACKUP, figures, (Choice.QUIT,), url, damaged)
    figures["backup"] = chosen.name
    return Offer(DAMAGED, figures, (Choice.RESTORE_BACKUP, Choice.QUIT), url, damaged, chosen)


def restore_offered_backup(offer: Offer, preferences: settings.Preferences) -> Path:
    """Set the damaged file aside and put the offered backup in its place (answering
    RESTORE_BACKUP); where the damaged file went. Open the workspace again to go on."""
    assert offer.code == DAMAGED and offer.backup is not None
    path = Path(str(offer.figures["path"]))
    return restore.restore_file(path, settings.backup_dir(preferences), offer.backup)


def offer_instead(
    refusal: StorageError, url: str | None, preferences: settings.Preferences
) -> Offer | None:
    """The local file instead, when what failed is the team server chosen in File ▸ Database…
    and not a URL given for this start; None otherwise (the refusal is the answer)."""
    saved_server = (
        url is None and not os.environ.get(settings.DATABASE_URL_ENV) and preferences.database_url
    )
    if not saved_server:
        return None
    where = credentials.shown_url(preferences.database_url)
    figures = {"where": where, "problem": str(refusal)}
    return Offer(SERVER_AWAY, figures, (Choice.OPEN_LOCAL, Choice.QUIT), url, refusal)


def local_url() -> str:
    """Where an OPEN_LOCAL answer opens: the SQLite file in the data folder."""
    return settings.local_database_url()


def same_database(url: str, db: Database) -> bool:
    """Whether `url` names the database `db` is (its password aside)."""
    # URL.set(password=None) keeps the password (None means unchanged): a URL is a named
    # tuple, and _replace sets it.
    return database.parse_url(url)._replace(password=None) == db.url._replace(password=None)


# A team server, before it is chosen: the Database dialog edits its address and tests it.

CONNECT_TIMEOUT = 5  # seconds a test waits for the server to answer


@dataclass(frozen=True, slots=True)
class ServerAddress:
    """A PostgreSQL server's database as the user gives it; never a password."""

    host: str
    port: int | None
    database: str
    user: str
    # The options of a saved URL (sslmode=require...), kept as they were.
    query: tuple[tuple[str, str | tuple[str, ...]], ...] = ()

    def url(self, password: str = "") -> str:
        """The URL as the settings keep it, or with `password` as it is opened."""
        return _server_url(self, password).render_as_string(hide_password=False)


def _server_url(address: ServerAddress, password: str = "") -> URL:
    return URL.create(
        "postgresql",
        username=address.user,
        password=password or None,
        host=address.host,
        port=address.port,
        database=address.database,
        query=dict(address.query),
    )


def saved_server(url: str) -> ServerAddress | None:
    """The server of a saved database URL; None for the local file (or anything unreadable)."""
    if not url:
        return None
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "postgresql":
        return None
    return ServerAddress(
        parsed.host or "",
        parsed.port,
        parsed.database or "",
        parsed.username or "",
        tuple(parsed.query.items()),
    )


def sqlite_file(url: str) -> str:
    """The file of a SQLite URL, as the user reads it; the text itself when it is none."""
    try:
        return make_url(url).database or url
    except ArgumentError:
        return url


class SchemaState(StrEnum):
    """What a server's database holds, for liveplanner."""

    EMPTY = "empty"  # no liveplanner tables: set up on first connect
    EMPTY_NO_RIGHTS = "empty_no_rights"  # ...and this user may not create them
    READY = "ready"  # this version's tables
    OLDER = "older"  # an older liveplanner's: upgraded on first connect
    NEWER = "newer"  # a newer liveplanner's: update before using it


@dataclass(frozen=True, slots=True)
class ServerCheck:
    """What a test connection found: the server's version and the schema revision, if any."""

    version: str
    revision: str | None
    can_create: bool  # the user may create tables where liveplanner would set its schema up

    @property
    def state(self) -> SchemaState:
        if self.revision is None:
            return SchemaState.EMPTY if self.can_create else SchemaState.EMPTY_NO_RIGHTS
        if self.revision == schema.head_revision():
            return SchemaState.READY
        if schema.is_known_revision(self.revision):
            return SchemaState.OLDER
        return SchemaState.NEWER


class ServerUnreachable(Exception):
    """The server could not be reached or refused the connection; str() is what it said."""


def server_to_test(address: ServerAddress, password: str = "") -> str:
    """The URL check_server is to try: with the password typed, else the one saved in the
    keyring. Raises StorageError when PostgreSQL support is not installed."""
    url = _server_url(address, password)
    filled = url if password else credentials.fill_password(url)
    text = filled.render_as_string(hide_password=False)
    database.parse_url(text)
    return text


def check_server(url: str) -> ServerCheck:
    """Connect once to the server at `url` (no pool, nothing written) and read what a test
    reports; slow when the server does not answer (up to CONNECT_TIMEOUT), so a window calls it
    off its thread. Raises ServerUnreachable with the server's words."""
    target = database.parse_url(url)
    engine = create_engine(
        target.update_query_dict({"connect_timeout": str(CONNECT_TIMEOUT)}), poolclass=NullPool
    )
    try:
        with engine.connect() as conn:
            version = conn.exec_driver_sql("SHOW server_version").scalar() or ""
            revision = schema.current_revision(conn)
            can_create = conn.exec_driver_sql(
                "SELECT coalesce(has_schema_privilege(current_schema(), 'CREATE'), false)"
            ).scalar()
    except DBAPIError as exc:
        raise ServerUnreachable(str(exc.orig).replace("\t", "").strip()) from exc
    finally:
        engine.dispose()
    return ServerCheck(str(version).split(" ")[0], revision, bool(can_create))


def newest_schema() -> str:
    """The schema revision this liveplanner migrates a database to."""
    return schema.head_revision()


def database_problems(db: Database) -> list[str]:
    """What `db check` finds wrong with the open database (integrity, foreign keys, schema), in
    plain words; empty when all is well."""
    return health.problems(db)
