"""A plan read from a file (a run sheet, a show file) stored as a new show."""

from liveplanner.core.plan import ShowPlan
from liveplanner.storage import shows
from liveplanner.storage.database import Database


def store_imported_plan(db: Database, plan: ShowPlan) -> int:
    """Store the plan as a new show in one transaction, its people matched by name; returns the
    new show's id."""
    return shows.save_plan(db, plan)
