"""Asking for a new show: title, start, time zone, platform, and a template to start from (the
built-in ones, then the team's own)."""

from collections.abc import Sequence
from datetime import datetime, timedelta

from PySide6.QtCore import QDateTime, Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateTimeEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLineEdit,
    QWidget,
)

from liveplanner.core.enums import Platform
from liveplanner.core.plan import DEFAULT_TIME_ZONE, FIRST_SHOW_TIME, LAST_SHOW_TIME
from liveplanner.core.templates import Template
from liveplanner.ui import labels
from liveplanner.ui.widgets.search_combo import TimeZoneBox

# Marks a team template's entry in the list (its data is the template's name).
_TEAM = Qt.ItemDataRole.UserRole + 1


class NewShowDialog(QDialog):
    def __init__(
        self,
        parent: QWidget | None = None,
        template: Template | None = Template.STANDARD_2H,
        team_templates: Sequence[str] = (),
    ) -> None:
        """`template` is the starting point chosen at first (None: blank); `team_templates` the
        names of the team's own, listed after the built-in ones."""
        super().__init__(parent)
        self.setWindowTitle(self.tr("New show"))
        self.title = QLineEdit()
        self.title.setPlaceholderText(self.tr("e.g. 双12 beauty special"))
        self.start = QDateTimeEdit()
        self.start.setDisplayFormat("yyyy-MM-dd HH:mm")
        self.start.setCalendarPopup(True)
        # Only a time a show can have is typed or picked: a year 9999 broke every view after.
        self.start.setDateTimeRange(
            QDateTime(FIRST_SHOW_TIME), QDateTime(LAST_SHOW_TIME - timedelta(minutes=1))
        )
        # A year past the range is not taken as it is typed: say which years are.
        self.start.setToolTip(
            self.tr("A show starts in the years %1 to %2")
            .replace("%1", str(FIRST_SHOW_TIME.year))
            .replace("%2", str(LAST_SHOW_TIME.year - 1))
        )
        tomorrow = (datetime.now() + timedelta(days=1)).replace(
            hour=20, minute=0, second=0, microsecond=0
        )
        self.start.setDateTime(QDateTime(tomorrow))
        self.time_zone = TimeZoneBox()
        self.time_zone.set_zone(DEFAULT_TIME_ZONE)
        self.platform = QComboBox()
        for p in Platform:
            self.platform.addItem(labels.platform(p), p.value)
        self.template = QComboBox()
        self.template.addItem(self.tr("Blank"), None)
        self.template.addItem(self.tr("1-hour flash show"), Template.FLASH_1H.value)
        self.template.addItem(self.tr("Standard 2-hour show"), Template.STANDARD_2H.value)
        self.template.addItem(self.tr("3-hour big-promo show"), Template.BIG_PROMO_3H.value)
        self.template.setCurrentIndex(self.template.findData(template.value if template else None))
        if team_templates:
            self.template.insertSeparator(self.template.count())
        for name in team_templates:
            self.template.addItem(self.tr("Team: %1").replace("%1", name), name)
            self.template.setItemData(self.template.count() - 1, True, _TEAM)
        form = QFormLayout(self)
        form.addRow(self.tr("Title"), self.title)
        form.addRow(self.tr("Start"), self.start)
        form.addRow(self.tr("Time zone"), self.time_zone)
        form.addRow(self.tr("Platform"), self.platform)
        form.addRow(self.tr("Start from"), self.template)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.ok_button.setEnabled(False)
        self.title.textChanged.connect(lambda text: self.ok_button.setEnabled(bool(text.strip())))

    def chosen_template(self) -> Template | str | None:
        """A built-in template, a team template's name, or None for a blank show."""
        value = self.template.currentData()
        if not value:
            return None
        return value if self.template.currentData(_TEAM) else Template(value)

    def chosen_platform(self) -> Platform:
        return Platform(self.platform.currentData())

    def chosen_start(self) -> datetime:
        """The start as typed, naive: the show's zone gives it its meaning."""
        return self.start.dateTime().toPython()

    def chosen_zone(self) -> str:
        """The show's time zone: the one picked, or the last whole name typed."""
        return self.time_zone.zone()
