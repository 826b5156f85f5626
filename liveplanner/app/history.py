"""A show's history as the front-ends read it: its changes, newest first, and the names of the
people its changes refer to by id."""

from liveplanner.storage import history, parts
from liveplanner.storage.database import Database
from liveplanner.storage.history import Change

# One line of the history is storage's read-only record; the front-ends only read its fields.
__all__ = ["Change", "people_names", "show_history"]


def show_history(db: Database, show_id: int) -> list[Change]:
    """Every change made to the show, newest first."""
    return history.list_changes(db, show_id)[::-1]


def people_names(db: Database) -> dict[int, str]:
    """The name of each person on the team list, by id (changes to roles hold ids)."""
    return {p.id: p.name for p in parts.list_people(db)}
