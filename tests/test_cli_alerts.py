"""`liveplanner alerts ID`: a show's live alert thresholds shown, changed by the options given
(the others kept), refused in one line with exit 2 out of bounds or for a show that is none."""

import json

import pytest
from test_cli import run

from liveplanner.app.demo import create_demo
from liveplanner.app.live_alerts import show_alerts
from liveplanner.app.workspace import open_database
from liveplanner.core.alert_settings import AlertSettings


@pytest.fixture
def demo_url(migrated_sqlite_url: str) -> str:
    db = open_database(migrated_sqlite_url)
    try:
        create_demo(db)
    finally:
        db.close()
    return migrated_sqlite_url


def test_alerts_show_the_defaults_and_change_only_what_is_given(demo_url: str) -> None:
    shown = run("alerts", "1", "--json", db=demo_url)
    assert shown.returncode == 0, shown.stderr
    assert json.loads(shown.stdout) == {
        "viewers_drop_pct": 20.0,
        "viewers_window_min": 5,
        "pace_behind_pct": 15.0,
        "sold_out": True,
    }
    changed = run("alerts", "1", "--viewers-drop", "30%", "--sold-out", "off", db=demo_url)
    assert changed.returncode == 0, changed.stderr
    assert "30" in changed.stdout and "off" in changed.stdout.splitlines()[2]
    db = open_database(demo_url)
    try:
        assert show_alerts(db, 1) == AlertSettings(viewers_drop_bp=3_000, sold_out=False)
    finally:
        db.close()


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--within", "0"], "--within must be from 1 to 60, not 0"),
        (["--within", "61"], "--within must be from 1 to 60, not 61"),
        (["--pace-behind", "150"], "not a percentage: '150'"),
        (["--viewers-drop", "lots"], "not a percentage: 'lots'"),
    ],
)
def test_out_of_bounds_is_refused_in_one_line_and_changes_nothing(
    demo_url: str, args: list[str], said: str
) -> None:
    result = run("alerts", "1", *args, db=demo_url)
    assert result.returncode == 2
    assert said in result.stderr and len(result.stderr.strip().splitlines()) == 1
    db = open_database(demo_url)
    try:
        assert show_alerts(db, 1) == AlertSettings()
    finally:
        db.close()


def test_a_show_that_is_none_is_refused(demo_url: str) -> None:
    result = run("alerts", "99", db=demo_url)
    assert result.returncode == 2 and "99" in result.stderr
