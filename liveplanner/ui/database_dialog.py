"""File ▸ Database…: keep the shows in the SQLite file on this computer, or on the team's
PostgreSQL server; the server's password goes to the system keyring, never into the settings.
"Test connection" tries the server off the GUI thread and says whether its database is ready."""

import os
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QRadioButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from liveplanner.app import credentials, settings
from liveplanner.app.database import StorageError
from liveplanner.app.workspace import (
    SchemaState,
    ServerAddress,
    ServerCheck,
    check_server,
    saved_server,
    server_to_test,
    sqlite_file,
)
from liveplanner.ui.review.jobs import Job, Progress


class DatabaseDialog(QDialog):
    """After OK, `preferences` holds what was saved and `connection_url()` what to open now."""

    def __init__(self, preferences: settings.Preferences, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.preferences = preferences
        self.job: Job | None = None
        self.setWindowTitle(self.tr("Database"))
        saved = saved_server(preferences.database_url)
        self._query = saved.query if saved is not None else ()
        # A SQLite URL set by hand in the settings is kept while "this computer" stays chosen.
        self._local_url = preferences.database_url if saved is None else ""

        self.local_choice = QRadioButton(self.tr("This computer (SQLite file, no server)"))
        self.server_choice = QRadioButton(self.tr("Team server (PostgreSQL)"))
        choices = QButtonGroup(self)
        choices.addButton(self.local_choice)
        choices.addButton(self.server_choice)
        local_path = QLabel(sqlite_file(self._local_url or settings.local_database_url()))
        local_path.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        local_path.setEnabled(False)  # greyed: a note under the choice, not a field
        local_path.setContentsMargins(24, 0, 0, 0)

        self.host = QLineEdit(saved.host if saved else "")
        self.host.setPlaceholderText(self.tr("e.g. db.example.com or 192.168.1.20"))
        self.port = QSpinBox()
        self.port.setRange(1, 65535)
        self.port.setValue((saved.port if saved else None) or credentials.DEFAULT_PORT)
        self.database = QLineEdit(saved.database if saved else "liveplanner")
        self.user = QLineEdit(saved.user if saved else "")
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self._saved_server = saved
        if saved is not None and credentials.saved_password(preferences.database_url):
            self.password.setPlaceholderText(self.tr("saved in the system keyring"))
        self.save_password = QCheckBox(self.tr("Save password in the system keyring"))
        self.save_password.setChecked(True)
        self.keyring_note: QLabel | None = None
        if not credentials.keyring_available():
            self.save_password.setChecked(False)
            self.save_password.setEnabled(False)
            self.keyring_note = QLabel(
                self.tr(
                    "This computer has no system keyring: a password typed here serves until "
                    "liveplanner closes. To connect at start without typing it, put it in "
                    "~/.pgpass or LIVEPLANNER_DATABASE_URL."
                )
            )
            self.keyring_note.setWordWrap(True)
        self.test_button = QPushButton(self.tr("Test connection"))
        self.test_button.clicked.connect(self.test_connection)
        self.test_result = QLabel()
        self.test_result.setWordWrap(True)
        self.test_result.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Room for the usual answer, so the dialog does not jump when it comes.
        self.test_result.setMinimumHeight(self.test_result.fontMetrics().lineSpacing() * 3)
        self.test_result.setAlignment(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignTop)
        test_row = QHBoxLayout()
        test_row.addWidget(self.test_button)
        test_row.addStretch(1)

        self.server_box = QGroupBox()  # the radio button above is its title
        form = QFormLayout(self.server_box)
        form.addRow(self.tr("Host"), self.host)
        form.addRow(self.tr("Port"), self.port)
        form.addRow(self.tr("Database name"), self.database)
        form.addRow(self.tr("User name"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow("", self.save_password)
        if self.keyring_note is not None:
            form.addRow(self.keyring_note)
        form.addRow("", test_row)
        form.addRow(self.test_result)

        self.user_name = QLineEdit(preferences.user_name)
        self.user_name.setPlaceholderText(settings.user_name(replace(preferences, user_name="")))
        names = QFormLayout()
        names.addRow(self.tr("Your name in the change history"), self.user_name)

        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)

        layout = QVBoxLayout(self)
        layout.addWidget(self.local_choice)
        layout.addWidget(local_path)
        layout.addWidget(self.server_choice)
        layout.addWidget(self.server_box)
        layout.addSpacing(8)
        layout.addLayout(names)
        if os.environ.get(settings.DATABASE_URL_ENV):
            overridden = QLabel(
                self.tr(
                    "LIVEPLANNER_DATABASE_URL is set: when liveplanner starts, it opens that "
                    "database instead of the one chosen here."
                )
            )
            overridden.setWordWrap(True)
            layout.addWidget(overridden)
        layout.addStretch(1)  # slack under the fields, not between them
        layout.addWidget(buttons)

        (self.server_choice if saved is not None else self.local_choice).setChecked(True)
        for choice in (self.local_choice, self.server_choice):
            choice.toggled.connect(self._update)
        for field in (self.host, self.database, self.user, self.password):
            field.textChanged.connect(self._edited)
        self.port.valueChanged.connect(self._edited)
        self.setMinimumWidth(560)
        self._update()

    # What was chosen

    def server_address(self) -> ServerAddress:
        """The server as the fields give it, without the password."""
        return ServerAddress(
            host=self.host.text().strip(),
            port=self.port.value(),
            database=self.database.text().strip(),
            user=self.user.text().strip(),
            query=self._query,
        )

    def database_url(self) -> str:
        """The chosen database as saved in the settings: "" for the local file, never a
        password."""
        if self.local_choice.isChecked():
            return self._local_url
        return self.server_address().url()

    def connection_url(self) -> str:
        """The URL to open now: a password typed but not saved still serves this session."""
        if self.local_choice.isChecked():
            return self._local_url or settings.local_database_url()
        return self.server_address().url(self.password.text())

    def _complete(self) -> bool:
        return all(f.text().strip() for f in (self.host, self.database, self.user))

    def _update(self) -> None:
        server = self.server_choice.isChecked()
        self.server_box.setEnabled(server)
        self.ok_button.setEnabled(not server or self._complete())
        self.test_button.setEnabled(server and self._complete() and self.job is None)

    def _edited(self) -> None:
        if self.job is None:
            self.test_result.clear()  # it spoke of the server as it was given before
        if self.server_address() != self._saved_server:
            self.password.setPlaceholderText("")  # the saved password is another server's
        self._update()

    # Test connection

    def test_connection(self) -> None:
        if self.job is not None or not self._complete():
            return
        try:
            target = server_to_test(self.server_address(), self.password.text())
        except StorageError as exc:  # PostgreSQL support not installed
            self._test_failed(exc)
            return

        def work(_progress: Progress) -> ServerCheck:
            return check_server(target)

        self.job = Job(work)
        self.job.succeeded.connect(self._tested)
        self.job.failed.connect(self._test_failed)
        self.job.succeeded.connect(self._job_ended)
        self.job.failed.connect(self._job_ended)
        self._say(self.tr("Connecting…"))
        self.job.start()
        self._update()

    def _job_ended(self, _outcome: object) -> None:
        if self.job is not None:
            self.job.wait()
        self.job = None
        self._update()

    def _say(self, text: str) -> None:
        self.test_result.setText(text)
        # A long answer (a server tried on several addresses) makes the dialog taller, never
        # narrower: a wrapped label does not ask for the height it needs by itself.
        layout = self.layout()
        needed = layout.totalHeightForWidth(self.width()) if layout.hasHeightForWidth() else -1
        if needed > self.height():
            self.resize(self.width(), needed)

    def _tested(self, check: ServerCheck) -> None:
        connected = self.tr("Connected to PostgreSQL %1.").replace("%1", check.version)
        if check.state == SchemaState.EMPTY:
            state = self.tr(
                "The database has no liveplanner tables yet: they will be set up on first connect."
            )
        elif check.state == SchemaState.EMPTY_NO_RIGHTS:
            state = self.tr(
                "The database has no liveplanner tables yet, and this user may not create "
                "them: ask the server's administrator to grant CREATE on its schema."
            )
        elif check.state == SchemaState.READY:
            state = self.tr("The database holds liveplanner's shows and is ready.")
        elif check.state == SchemaState.OLDER:
            state = self.tr(
                "The database was written by an older liveplanner: it will be upgraded on "
                "first connect (everyone on the team then needs this version)."
            )
        else:
            state = self.tr(
                "The database was written by a newer liveplanner (schema %1): update "
                "liveplanner before using it."
            ).replace("%1", check.revision or "")
        self._say(connected + " " + state)

    def _test_failed(self, exc: Exception) -> None:
        # ServerUnreachable holds the server's own words; anything else is said as it is.
        detail = str(exc).strip() or type(exc).__name__
        self._say(self.tr("Could not connect: %1").replace("%1", detail))

    # OK

    def save(self) -> None:
        """Keep the choice: the password in the keyring (a failure keeps the dialog open), the
        rest in the settings."""
        url = self.database_url()
        if self.server_choice.isChecked():
            try:
                if self.save_password.isChecked() and self.password.text():
                    credentials.save_password(url, self.password.text())
                elif not self.save_password.isChecked() and credentials.saved_password(url):
                    credentials.forget_password(url)
            except StorageError as exc:
                QMessageBox.warning(
                    self,
                    self.tr("Password not saved"),
                    str(exc)
                    + "\n\n"
                    + self.tr(
                        "Untick “Save password in the system keyring” to go on without saving it."
                    ),
                )
                return
        self.preferences = settings.change_preferences(
            self.preferences, database_url=url, user_name=self.user_name.text().strip()
        )
        self.accept()

    def done(self, code: int) -> None:
        # A test still running is waited for (at most workspace.CONNECT_TIMEOUT): no thread outlives
        # its window.
        if self.job is not None:
            self.job.wait()
        super().done(code)
