"""Combo boxes one types into to find an entry: what is typed filters the list, matched
anywhere in an entry and in any case."""

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtGui import QFocusEvent, QKeyEvent, QKeySequence, QValidator
from PySide6.QtWidgets import QComboBox, QCompleter, QToolTip, QWidget

from liveplanner.core.zones import COMMON_ZONES, other_zones, zones_matching


def make_searchable(combo: QComboBox) -> QCompleter:
    """Let the user type into `combo` to filter its entries; nothing typed is added to them."""
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    completer = QCompleter(combo.model(), combo)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    completer.setMaxVisibleItems(12)
    combo.setCompleter(completer)
    return completer


class ZoneValidator(QValidator):
    """Only text some zone's name holds can be typed; only a whole zone's name is accepted.

    A space is typed as the underscore zone names use ("hong kong" -> "hong_kong").
    """

    def __init__(self, box: "TimeZoneBox") -> None:
        super().__init__(box)
        self._box = box

    def validate(self, text: str, pos: int) -> object:
        text = text.replace(" ", "_")
        if self._box.findText(text, Qt.MatchFlag.MatchExactly) >= 0:
            return QValidator.State.Acceptable, text, pos
        if not text or zones_matching(text) or self._box.extra_matches(text):
            return QValidator.State.Intermediate, text, pos
        return QValidator.State.Invalid, text, pos

    def fixup(self, text: str) -> str:
        """A part of only one zone's name, or a name in another case, completes to that zone."""
        found = zones_matching(text)
        exact = [name for name in found if name.casefold() == text.strip().casefold()]
        if exact or len(found) == 1:
            return (exact or found)[0]
        return text


class TimeZoneBox(QComboBox):
    """A time zone, picked from the list or found by typing part of its name; the zones of
    Chinese-market shows come first. A typed name that is no zone is never accepted: leaving the
    box with one puts the last accepted zone back. Esc while searching closes the list of matches
    and puts the zone back too, saving nothing; an Esc with nothing to cancel goes on to the
    dialog, which may close."""

    zone_chosen = Signal(str)
    """The user picked or typed a whole zone's name, other than the one shown before."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.addItems(list(COMMON_ZONES))
        self.insertSeparator(self.count())
        self.addItems(list(other_zones()))
        completer = make_searchable(self)
        # Filters installed later run first: Esc is seen here before the completer hides the list
        # and leaves the search's text in the box, to be completed and saved on leaving it.
        completer.popup().installEventFilter(self)
        self.setValidator(ZoneValidator(self))
        self.setToolTip(self.tr("Type part of a place's name to find its zone, e.g. Shanghai"))
        self.setMinimumContentsLength(20)
        self._accepted = ""
        self.lineEdit().editingFinished.connect(self._typed)
        self.activated.connect(lambda _row: self._typed())
        self.lineEdit().inputRejected.connect(self._refused)

    def extra_matches(self, text: str) -> bool:
        """Whether a zone added for a show that uses it (an old alias) holds `text`."""
        needle = text.casefold()
        common = len(COMMON_ZONES) + 1 + len(other_zones())
        return any(needle in self.itemText(row).casefold() for row in range(common, self.count()))

    def zone(self) -> str:
        """The zone shown: the last one accepted."""
        return self._accepted

    def set_zone(self, name: str) -> None:
        """Show `name`; a zone the list does not offer (an old alias a show uses) is added."""
        if self.findText(name, Qt.MatchFlag.MatchExactly) < 0:
            self.addItem(name)
        self._accepted = name
        self.setCurrentIndex(self.findText(name, Qt.MatchFlag.MatchExactly))
        self.setEditText(name)

    def _typed(self) -> None:
        name = self.currentText()
        if self.findText(name, Qt.MatchFlag.MatchExactly) < 0 or name == self._accepted:
            return
        self._accepted = name
        self.zone_chosen.emit(name)

    def cancel_search(self) -> bool:
        """Close the list of matches and show the last accepted zone again; whether there was
        a search to cancel."""
        popup = self.completer().popup()
        searching = popup.isVisible() or self.currentText() != self._accepted
        if searching:
            popup.hide()
            self.setEditText(self._accepted)
            self.lineEdit().selectAll()
        return searching

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (
            watched is self.completer().popup()
            and event.type() is QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.matches(QKeySequence.StandardKey.Cancel)
        ):
            self.cancel_search()
            return True
        return super().eventFilter(watched, event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.matches(QKeySequence.StandardKey.Cancel) and self.cancel_search():
            event.accept()
            return
        super().keyPressEvent(event)

    def _refused(self) -> None:
        # A key that would make the text no zone's name is not taken: say why, where it happened.
        QToolTip.showText(
            self.mapToGlobal(self.rect().bottomLeft()),
            self.tr("No time zone's name holds “%1”.").replace("%1", self.lineEdit().text() + "…"),
            self,
        )

    def focusOutEvent(self, event: QFocusEvent) -> None:
        super().focusOutEvent(event)  # the line edit completes a unique part of a name here
        if event.reason() is Qt.FocusReason.PopupFocusReason:
            return  # the list is open: still choosing
        if self.findText(self.currentText(), Qt.MatchFlag.MatchExactly) < 0:
            self.setEditText(self._accepted)
