"""What opening, writing, backing up and restoring the database can refuse (storage/database.py
and storage/backup.py), worded in English; each code's figures fill its {names}."""

from liveplanner.app.translations import QT_TRANSLATE_NOOP

TEXTS: dict[str, str] = {
    # Writing
    "database.stale": QT_TRANSLATE_NOOP("Messages", "someone else changed this just now; reload"),
    "database.change_refused": QT_TRANSLATE_NOOP(
        "Messages", "the database refused the change: {detail}"
    ),
    "database.connection_lost": QT_TRANSLATE_NOOP(
        "Messages",
        "lost the connection to the database server ({where}); nothing was written: run it "
        "again once the server is back",
    ),
    "database.read_only_held": QT_TRANSLATE_NOOP(
        "Messages",
        "this window opened the database read-only, because another liveplanner has it open; "
        "nothing was written",
    ),
    "database.read_only_folder": QT_TRANSLATE_NOOP(
        "Messages",
        "the folder {folder} is read-only, so liveplanner opened {path} read-only; nothing was "
        "written",
    ),
    "database.read_only_file": QT_TRANSLATE_NOOP(
        "Messages",
        "the file {path} is read-only, so liveplanner opened {path} read-only; nothing was written",
    ),
    "database.busy": QT_TRANSLATE_NOOP(
        "Messages",
        "the database was being changed by another liveplanner; nothing was written: reload "
        "and try again",
    ),
    "database.failed": QT_TRANSLATE_NOOP("Messages", "the database {where} failed: {detail}"),
    # Naming the database
    "database.not_a_url": QT_TRANSLATE_NOOP(
        "Messages",
        "not a database URL: {text}; expected sqlite:///PATH or postgresql://USER@HOST/DATABASE",
    ),
    "database.unsupported": QT_TRANSLATE_NOOP(
        "Messages", "unsupported database {name}: use SQLite or PostgreSQL"
    ),
    "database.unsupported_driver": QT_TRANSLATE_NOOP(
        "Messages", "unsupported driver {name}: use sqlite:///PATH or postgresql://..."
    ),
    "database.in_memory": QT_TRANSLATE_NOOP(
        "Messages", "an in-memory SQLite database keeps nothing: give a file path"
    ),
    "database.no_name": QT_TRANSLATE_NOOP(
        "Messages", "{where} names no database; give one: postgresql://USER@HOST/DATABASE"
    ),
    "database.no_postgres": QT_TRANSLATE_NOOP(
        "Messages", "PostgreSQL support is not installed: pip install 'liveplanner[postgres]'"
    ),
    # Opening
    "database.no_wal": QT_TRANSLATE_NOOP(
        "Messages", "SQLite refused write-ahead logging (journal mode is {mode})"
    ),
    "database.damaged": QT_TRANSLATE_NOOP(
        "Messages", "{path} is damaged ({detail}); liveplanner left it untouched: restore a backup"
    ),
    "database.not_ours": QT_TRANSLATE_NOOP(
        "Messages", "{path} is not a liveplanner database ({detail})"
    ),
    "database.another_programs": QT_TRANSLATE_NOOP(
        "Messages", "{path} belongs to another program; liveplanner left it untouched"
    ),
    "database.newer": QT_TRANSLATE_NOOP(
        "Messages",
        "{where} was written by a newer liveplanner (schema {revision}); update liveplanner to "
        "open it. The database was left untouched.",
    ),
    "database.not_opened": QT_TRANSLATE_NOOP(
        "Messages", "could not open the database {where}: {detail}"
    ),
    "database.connection_lost_opening": QT_TRANSLATE_NOOP(
        "Messages",
        "lost the connection to the database server ({where}) while opening the database; "
        "nothing was written: run it again once the server is back",
    ),
    "database.read_only_server": QT_TRANSLATE_NOOP(
        "Messages", "only a SQLite file is opened read-only"
    ),
    "database.folder": QT_TRANSLATE_NOOP(
        "Messages", "{path} is a folder; give a database file, such as sqlite:///{example}"
    ),
    "database.upgrade_unwritable": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} needs upgrading to this liveplanner's schema, and {reason}: make it writable first",
    ),
    "database.upgrade_held": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} needs upgrading to this liveplanner's schema, and the liveplanner that has it "
        "open cannot allow that: close that one first",
    ),
    "database.cannot_create": QT_TRANSLATE_NOOP("Messages", "cannot create {path}: {reason}"),
    "database.other_table": QT_TRANSLATE_NOOP(
        "Messages",
        "the database {where} holds {count} table of another program ({shown}); liveplanner "
        "keeps its tables in a database of its own: create one (CREATE DATABASE liveplanner) "
        "and give its URL. Nothing was created",
    ),
    "database.other_tables": QT_TRANSLATE_NOOP(
        "Messages",
        "the database {where} holds {count} tables of another program ({shown}); liveplanner "
        "keeps its tables in a database of its own: create one (CREATE DATABASE liveplanner) "
        "and give its URL. Nothing was created",
    ),
    # Backing up and restoring
    "database.restore_server": QT_TRANSLATE_NOOP(
        "Messages", "only a SQLite database is restored here; PostgreSQL by its server"
    ),
    "backup.no_source": QT_TRANSLATE_NOOP(
        "Messages", "could not back up {source}: there is no such file"
    ),
    "backup.failed": QT_TRANSLATE_NOOP(
        "Messages", "could not back up {source} to {folder}: {detail}"
    ),
    "backup.copy_failed": QT_TRANSLATE_NOOP(
        "Messages", "could not copy {source} to {target}: {detail}"
    ),
    "backup.copy_damaged": QT_TRANSLATE_NOOP(
        "Messages", "the copy of {source} failed its integrity check: {detail}"
    ),
    "backup.copy_into_failed": QT_TRANSLATE_NOOP(
        "Messages", "could not copy {source} to {target}: {detail}; nothing was changed"
    ),
    "backup.unreadable": QT_TRANSLATE_NOOP(
        "Messages", "cannot read {path}: {detail}; nothing was changed"
    ),
    "backup.empty_file": QT_TRANSLATE_NOOP(
        "Messages", "{path} is empty (0 bytes), not a liveplanner backup; nothing was changed"
    ),
    "backup.not_sqlite": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is not a SQLite database, so not a liveplanner backup; nothing was changed",
    ),
    "backup.empty_database": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is an empty SQLite database, not a liveplanner backup; nothing was changed",
    ),
    "backup.another_programs": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} is a SQLite database of another program, not a liveplanner backup; nothing was "
        "changed",
    ),
    "backup.lacks_table": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} says it is a liveplanner backup of schema {revision}, but it has no table "
        "{table}; nothing was changed",
    ),
    "backup.lacks_column": QT_TRANSLATE_NOOP(
        "Messages",
        "{path} says it is a liveplanner backup of schema {revision}, but its table {table} has "
        "no column {column}; nothing was changed",
    ),
    "backup.restore_failed": QT_TRANSLATE_NOOP(
        "Messages", "could not restore {chosen} to {target}: {detail}"
    ),
}
