"""A show's live alert settings (core.live_alerts) for the windows and the command line: read
with each setting at its default where the show set none, and kept after a bounds check (a
core.refused.Refused names the setting, its value and its bounds). A LiveFeed already following
the show takes new settings through its `settings` attribute."""

from liveplanner.core.alert_settings import AlertSettings
from liveplanner.storage import feed
from liveplanner.storage.database import Database
from liveplanner.storage.shows import check_not_in_bin


def show_alerts(db: Database, show_id: int) -> AlertSettings:
    return feed.alert_settings(db, show_id)


def set_show_alerts(db: Database, show_id: int, settings: AlertSettings) -> None:
    check_not_in_bin(db, show_id)
    feed.set_alert_settings(db, show_id, settings)
