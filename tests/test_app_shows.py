"""The operations on whole shows both front-ends call, without Qt."""

from datetime import UTC, datetime

from liveplanner.app import settings, shows
from liveplanner.app.settings import Preferences
from liveplanner.core.enums import Platform
from liveplanner.core.plan import MAX_TITLE
from liveplanner.core.templates import Template
from liveplanner.storage import shows as stored
from liveplanner.storage.database import Database

START = datetime(2026, 12, 1, 12, tzinfo=UTC)


def _titles(db: Database) -> list[str]:
    return sorted(s.title for s in stored.list_shows(db))


def test_a_show_is_made_blank_or_from_a_template_in_the_language_asked(db: Database) -> None:
    blank = shows.create_show(db, "  秋冬上新  ", START, Platform.DOUYIN)
    assert stored.load_plan(db, blank).show.title == "秋冬上新"
    assert not stored.load_plan(db, blank).segments
    english = shows.create_show(db, "Launch", START, Platform.DOUYIN, "UTC", Template.STANDARD_2H)
    chinese = shows.create_show(
        db, "上新", START, Platform.DOUYIN, template=Template.STANDARD_2H, language="zh"
    )
    first_english = stored.load_plan(db, english).segments[0].title
    first_chinese = stored.load_plan(db, chinese).segments[0].title
    assert first_english != first_chinese and first_english.isascii()


def test_a_copy_is_titled_as_asked_and_cut_to_the_longest_title(db: Database) -> None:
    show_id = shows.create_show(db, "x" * MAX_TITLE, START, Platform.DOUYIN)
    copy = shows.duplicate_show(db, show_id, lambda title: f"{title} (copy)")
    assert stored.load_plan(db, copy).show.title == "x" * MAX_TITLE


def test_a_deleted_show_leaves_the_list_and_comes_back(db: Database) -> None:
    show_id = shows.add_demo(db)  # with its campaign's four other shows and its season's seven
    assert len(_titles(db)) == 12
    shows.delete_show(db, show_id)
    assert len(_titles(db)) == 11
    shows.restore_show(db, show_id)
    assert len(_titles(db)) == 12


def test_a_preference_changed_is_saved() -> None:
    changed = settings.change_preferences(Preferences(), theme="dark", welcomed=True)
    assert changed.theme == "dark" and settings.load_preferences() == changed


def test_the_list_filters_by_text_and_by_days_around_now(db: Database) -> None:
    shows.create_show(db, "Autumn launch", START, Platform.DOUYIN)
    shows.create_show(db, "Winter sale", datetime(2026, 12, 20, 12, tzinfo=UTC), Platform.TAOBAO)
    now = datetime(2026, 12, 10, tzinfo=UTC)
    assert [s.title for s in shows.list_shows(db, search="  sale ")] == ["Winter sale"]
    assert [s.title for s in shows.list_shows(db, days_from=0, now=now)] == ["Winter sale"]
    assert [s.title for s in shows.list_shows(db, days_before=0, now=now)] == ["Autumn launch"]
    assert [s.title for s in shows.list_shows(db, days_from=-30, days_before=0, now=now)] == [
        "Autumn launch"
    ]
    assert [s.title for s in shows.list_shows(db, platform=Platform.TAOBAO)] == ["Winter sale"]
    assert len(shows.list_shows(db)) == 2
