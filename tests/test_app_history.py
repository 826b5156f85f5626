"""A show's history as the front-ends read it, without Qt."""

from datetime import UTC, datetime

from liveplanner.app import history, shows
from liveplanner.core.enums import Platform
from liveplanner.storage import parts
from liveplanner.storage import shows as stored
from liveplanner.storage.database import Database

START = datetime(2026, 12, 1, 12, tzinfo=UTC)


def test_the_history_comes_newest_first(db: Database) -> None:
    show_id = shows.create_show(db, "Launch", START, Platform.DOUYIN)
    show = stored.load_plan(db, show_id).show
    stored.update_show(db, show_id, show.version, title="Launch, again")
    changes = history.show_history(db, show_id)
    assert [c.action for c in changes][-1] == "added"
    assert changes[0].fields["title"] == ["Launch", "Launch, again"]
    assert changes == sorted(changes, key=lambda c: c.id, reverse=True)


def test_people_are_named_by_their_id(db: Database) -> None:
    person = parts.person_named(db, "小美")
    assert history.people_names(db) == {person.id: "小美"}
