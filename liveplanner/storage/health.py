"""`db check`: is the database whole, are its references intact, is its schema current?"""

from sqlalchemy import text

from liveplanner.storage import schema
from liveplanner.storage.database import Database


def problems(db: Database) -> list[str]:
    """What is wrong with the database, in plain words; empty when all is well."""
    found = []
    with db.engine.connect() as conn:
        revision = schema.current_revision(conn)
        if revision != schema.head_revision():
            found.append(f"schema at {revision}, expected {schema.head_revision()}: run db upgrade")
        if db.is_sqlite:
            integrity = [r[0] for r in conn.execute(text("PRAGMA integrity_check"))]
            if integrity != ["ok"]:
                found.extend(f"integrity: {line}" for line in integrity)
            for table, rowid, parent, _ in conn.execute(text("PRAGMA foreign_key_check")):
                found.append(f"foreign key: {table} row {rowid} points to a missing {parent} row")
    # PostgreSQL enforces foreign keys on every write, so only the schema needs a look there.
    return found
