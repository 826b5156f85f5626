"""Opening the window's database: the app layer's offers (another app writes the file, a damaged
file, the team server away, another program's tables) put to the user as dialogs, and answered
by calling the app layer again; File ▸ Database… choosing another.

The texts were the main window's; the glossary keys them by their English, so they kept their
translations under WorkspaceFlow.
"""

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QWidget

from liveplanner.app import credentials, settings, workspace
from liveplanner.app.database import Database, StorageError
from liveplanner.app.workspace import Choice, Offer, Workspace
from liveplanner.ui.words import said_of

Say = Callable[[str, int], None]  # a status bar's showMessage


class WorkspaceFlow(QObject):
    """Opens a workspace for the window `parent`, asking what each offer asks."""

    def __init__(self, parent: QWidget, status: Say) -> None:
        super().__init__()  # not the window's child: made for one opening, then gone
        self.window = parent
        self.status = status

    def open(
        self, url: str | None, preferences: settings.Preferences, *, at_start: bool = True
    ) -> Workspace | None:
        """The workspace at `url`, or None when the user chose not to go on. A refusal with
        nothing to choose is raised (StorageError). `at_start`: a damaged file is offered its
        backup, and a saved team server that fails the local file; File ▸ Database… asks
        neither, keeping the database it had."""
        result = workspace.open_workspace(url, preferences)
        while isinstance(result, Offer):
            offer = result
            if offer.code == workspace.HELD:
                self._tell_held(offer)
                result = workspace.open_workspace(url, preferences, read_only=True)
            elif offer.code == workspace.OTHER_TABLES:
                if self._ask_beside_other_tables(offer):
                    result = workspace.open_workspace(url, preferences, beside_other_tables=True)
                    continue
                # The user said no to the question just asked: what to do instead, in their
                # language (storage's refusal says again what the question said).
                refusal = StorageError(
                    self.tr(
                        "Nothing was created in %1. Give liveplanner a database of its own: "
                        "create one on the server (CREATE DATABASE liveplanner), then "
                        "choose it in File ▸ Database…",
                    ).replace("%1", str(offer.figures["where"]))
                )
                instead = workspace.offer_instead(refusal, url, preferences) if at_start else None
                if instead is None:
                    raise refusal from offer.cause
                result = instead
            elif offer.code in (workspace.DAMAGED, workspace.DAMAGED_NO_BACKUP):
                if not at_start:
                    assert offer.cause is not None
                    raise offer.cause
                if not self._restore_backup(offer, preferences):
                    return None
                result = workspace.open_workspace(url, preferences)
            else:  # SERVER_AWAY
                if not self._ask_local(offer):
                    return None
                url = workspace.local_url()
                result = workspace.open_workspace(url, preferences)
        if result.db.read_only_reason:
            QMessageBox.information(
                self.window,
                "liveplanner",
                self.tr(
                    "%1, so this window opens the database read-only: you can look, print and "
                    "export, but not change anything.",
                ).replace("%1", self.read_only_why(result)),
            )
        return result

    def _tell_held(self, offer: Offer) -> None:
        pid, host = offer.figures["pid"], str(offer.figures["host"])
        holder = (
            self.tr("process %1 on %2").replace("%1", str(pid)).replace("%2", host)
            if pid
            else self.tr("another process")
        )
        QMessageBox.information(
            self.window,
            "liveplanner",
            self.tr(
                "Another liveplanner (%1) has the database %2 open.\n\nThis window opens it "
                "read-only: you can look, print and export, but not change anything. To edit "
                "here, close the other one and start liveplanner again.",
            )
            .replace("%1", holder)
            .replace("%2", str(offer.figures["path"])),
        )

    def _ask_beside_other_tables(self, offer: Offer) -> bool:
        """Whether the user wants liveplanner's tables made among another program's."""
        tables: list[str] = list(offer.figures["tables"])  # type: ignore[call-overload]
        answer = QMessageBox.question(
            self.window,
            "liveplanner",
            self.tr(
                "The database %1 already holds %n table(s) of another program (%2). "
                "liveplanner's tables are best kept in a database of their own.\n\nCreate "
                "liveplanner's tables beside them anyway?",
                "",
                len(tables),
            )
            .replace("%1", str(offer.figures["where"]))
            .replace("%2", self.some_names(tables)),
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _restore_backup(self, offer: Offer, preferences: settings.Preferences) -> bool:
        """Set a damaged database aside and put its newest good backup in place, if the user
        agrees; True when that was done."""
        problem = (
            self.tr("The database %1 is damaged (%2).")
            .replace("%1", str(offer.figures["path"]))
            .replace("%2", str(offer.figures["detail"]))
        )
        if Choice.RESTORE_BACKUP not in offer.choices:
            QMessageBox.critical(
                self.window,
                "liveplanner",
                problem + "\n\n" + self.tr("There is no good backup of it."),
            )
            return False
        answer = QMessageBox.question(
            self.window,
            "liveplanner",
            problem
            + "\n\n"
            + self.tr(
                "Set the damaged file aside (it is kept, untouched) and go on with the newest "
                "good backup, %1?",
            ).replace("%1", str(offer.figures["backup"])),
        )
        if answer != QMessageBox.StandardButton.Yes:
            return False
        try:
            aside = workspace.restore_offered_backup(offer, preferences)
        except StorageError as exc:
            QMessageBox.critical(self.window, "liveplanner", said_of(exc))
            return False
        self.status(
            self.tr("The damaged file was set aside as %1").replace("%1", aside.name),
            30_000,
        )
        return True

    def _ask_local(self, offer: Offer) -> bool:
        """The team server is away: the local file instead, so the app still opens (and File ▸
        Database… can go back to the server)."""
        problem = said_of(offer.cause) if offer.cause is not None else str(offer.figures["problem"])
        answer = QMessageBox.question(
            self.window,
            "liveplanner",
            problem
            + "\n\n"
            + self.tr(
                "Open the database on this computer instead? File ▸ Database… switches back to "
                "the team server.",
            ),
        )
        return answer == QMessageBox.StandardButton.Yes

    def read_only_why(self, opened: Workspace) -> str:
        """Why nothing can be written to the database, in the user's language: storage says it in
        the command line's English, of the file or of its folder."""
        path, why = opened.db.sqlite_path, opened.db.read_only_reason
        if path is not None and why == f"the folder {path.parent} is read-only":
            return self.tr("The folder %1 is read-only").replace("%1", str(path.parent))
        if path is not None and why == f"the file {path} is read-only":
            return self.tr("The file %1 is read-only").replace("%1", str(path))
        return why[:1].upper() + why[1:]

    def some_names(self, names: list[str], shown: int = 5) -> str:
        """The first few of `names`, and how many more there are."""
        listed = self.tr(", ", "between the names in a list").join(names[:shown])
        if len(names) <= shown:
            return listed
        return self.tr("%1 and %n more", "", len(names) - shown).replace("%1", listed)


def choose_database(
    parent: QWidget,
    preferences: settings.Preferences,
    current: Database | None,
    status: Say,
) -> tuple[settings.Preferences, Workspace | None]:
    """File ▸ Database…: the preferences as they are now, and the workspace newly chosen (None
    when nothing new is opened). A choice that cannot be opened is not kept: the window goes on
    with the database it had."""
    from liveplanner.ui.database_dialog import DatabaseDialog

    dialog = DatabaseDialog(preferences, parent)
    if dialog.exec() != DatabaseDialog.DialogCode.Accepted:
        return preferences, None
    chosen = dialog.preferences
    url = dialog.connection_url()
    try:
        if dialog.database_url() == preferences.database_url or (
            current is not None and workspace.same_database(url, current)
        ):
            if current is not None:
                current.user = settings.user_name(chosen)
            return chosen, None
        QApplication.setOverrideCursor(Qt.CursorShape.WaitCursor)
        try:
            opened = WorkspaceFlow(parent, status).open(url, chosen, at_start=False)
        finally:
            QApplication.restoreOverrideCursor()
    except StorageError as exc:
        if current is not None:  # the next start should open what works now
            chosen = settings.change_preferences(chosen, database_url=preferences.database_url)
        QMessageBox.critical(
            parent,
            "liveplanner",
            said_of(exc)
            + "\n\n"
            + QCoreApplication.translate(
                "MainWindow", "liveplanner goes on with the database it had open."
            ),
        )
        return chosen, None
    return chosen, opened


def where(opened: Workspace) -> str:
    """The database for a status line: its file, or its server without the password."""
    db = opened.db
    return str(db.sqlite_path or credentials.without_password(db.url))
