"""The demo show, opened for editing: it was on air (done), so its script is locked."""

from liveplanner.app.demo import create_demo
from liveplanner.storage import shows
from liveplanner.storage.database import Database


def editable_demo(db: Database) -> int:
    show_id = create_demo(db)
    shows.unlock_script(db, show_id)
    return show_id
