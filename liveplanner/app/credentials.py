"""A team server's password, kept in the system keyring (never in the settings file).

keyring and SQLAlchemy load only when a password is looked up or stored, so the window still
paints before either is imported; a local SQLite database never loads keyring at all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from liveplanner.storage.errors import StorageError

# A URL as text without its password is storage's (its messages name URLs too); said here as well
# for the front-ends, which ask credentials about passwords.
from liveplanner.storage.urls import shown_url as shown_url
from liveplanner.storage.urls import unparsed
from liveplanner.storage.urls import without_password as without_password

if TYPE_CHECKING:
    from sqlalchemy.engine import URL

SERVICE = "liveplanner"
DEFAULT_PORT = 5432

NO_KEYRING = (
    "the system keyring is not available{detail}, so the password cannot be kept there: "
    "give it in LIVEPLANNER_DATABASE_URL (postgresql://USER:PASSWORD@HOST/DATABASE) or in "
    "~/.pgpass, or install a keyring (a Secret Service such as GNOME Keyring or KWallet on Linux)"
)


def password_key(url_text: str) -> str:
    """The keyring's user name for a server's password: `user@host:port/database`."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        url = make_url(url_text)
    except ArgumentError:
        raise StorageError(
            f"not a database URL: {unparsed(url_text)}",
            code="credentials.not_a_url",
            figures={"text": unparsed(url_text)},
        ) from None
    if not url.username:
        raise StorageError(
            "a password is kept for a user: the URL needs a user name", code="credentials.no_user"
        )
    return _key(url)


def _key(url: URL) -> str:
    host, port = url.host or "localhost", url.port or DEFAULT_PORT
    return f"{url.username}@{host}:{port}/{url.database or ''}"


def _keyring_failed(exc: Exception) -> StorageError:
    from keyring.errors import NoKeyringError

    # keyring's own text for "none installed" talks of backends and packages; ours says it all.
    detail = "" if isinstance(exc, NoKeyringError) else f" ({str(exc) or type(exc).__name__})"
    return StorageError(
        NO_KEYRING.format(detail=detail), code="credentials.no_keyring", figures={"detail": detail}
    )


def keyring_available() -> bool:
    """Whether a system keyring was found (none on a headless Linux without a Secret Service)."""
    import keyring
    from keyring.backends.fail import Keyring as NoKeyring

    return not isinstance(keyring.get_keyring(), NoKeyring)


def save_password(url_text: str, password: str) -> None:
    """Keep `password` for the server `url_text` names (the URL's own password is ignored)."""
    import keyring
    from keyring.errors import KeyringError

    key = password_key(url_text)
    try:
        keyring.set_password(SERVICE, key, password)
    except KeyringError as exc:
        raise _keyring_failed(exc) from exc


def forget_password(url_text: str) -> None:
    """Remove the saved password for `url_text`'s server; nothing saved is not an error."""
    import keyring
    from keyring.errors import KeyringError, PasswordDeleteError

    key = password_key(url_text)
    try:
        keyring.delete_password(SERVICE, key)
    except PasswordDeleteError:
        pass  # none was saved
    except KeyringError as exc:
        raise _keyring_failed(exc) from exc


def saved_password(url_text: str) -> str | None:
    """The password saved for `url_text`'s server; None when none is, or there is no keyring."""
    from sqlalchemy.engine import make_url
    from sqlalchemy.exc import ArgumentError

    try:
        return _lookup(make_url(url_text))
    except ArgumentError:
        return None


def _lookup(url: URL) -> str | None:
    import keyring
    from keyring.errors import KeyringError

    if not url.username:
        return None
    try:
        return keyring.get_password(SERVICE, _key(url))
    except KeyringError:
        # No keyring: connect without a password, and the server says what is wrong.
        return None


def fill_password(url: URL) -> URL:
    """A PostgreSQL `url` with a user and no password gets the saved one; anything else, or a
    URL whose password is not saved (or no keyring), is returned as it is."""
    if url.get_backend_name() != "postgresql" or not url.username or url.password is not None:
        return url
    password = _lookup(url)
    return url if password is None else url.set(password=password)
