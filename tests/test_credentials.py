"""A team server's password in the system keyring: keyed by server, never in a URL we keep."""

from collections.abc import Iterator

import pytest
from keyring.backend import KeyringBackend
from keyring.errors import PasswordSetError
from keyring_helpers import LockedKeyring, MemoryKeyring, installed, missing_keyring
from sqlalchemy.engine import make_url

from liveplanner.app import credentials
from liveplanner.storage.errors import StorageError

SERVER = "postgresql://maria@db.example.com:5433/shows"


@pytest.fixture
def memory() -> Iterator[MemoryKeyring]:
    with installed(MemoryKeyring()) as backend:
        yield backend


@pytest.fixture
def missing() -> Iterator[KeyringBackend]:
    with installed(missing_keyring()) as backend:
        yield backend


def test_a_saved_password_is_filled_into_the_servers_url(memory: MemoryKeyring) -> None:
    credentials.save_password(SERVER, "s3cret:@/")
    assert memory.passwords == {("liveplanner", "maria@db.example.com:5433/shows"): "s3cret:@/"}
    filled = credentials.fill_password(
        make_url("postgresql+psycopg://maria@db.example.com:5433/shows")
    )
    assert filled.password == "s3cret:@/"
    assert filled.drivername == "postgresql+psycopg"  # the driver does not change the key


def test_the_key_is_the_server_without_the_password(memory: MemoryKeyring) -> None:
    credentials.save_password("postgresql://maria:old@db.example.com/shows", "new")
    assert list(memory.passwords) == [("liveplanner", "maria@db.example.com:5432/shows")]
    assert credentials.saved_password("postgresql://maria@db.example.com:5432/shows") == "new"
    assert credentials.saved_password("postgresql://maria@db.example.com:5432/other") is None
    assert credentials.saved_password("postgresql://ann@db.example.com:5432/shows") is None


def test_a_password_in_the_url_or_another_database_is_left_alone(memory: MemoryKeyring) -> None:
    credentials.save_password(SERVER, "saved")
    given = make_url("postgresql+psycopg://maria:typed@db.example.com:5433/shows")
    assert credentials.fill_password(given) is given
    for text in ("sqlite:////tmp/shows.sqlite3", "postgresql://db.example.com:5433/shows"):
        url = make_url(text)
        assert credentials.fill_password(url) is url
    unknown = make_url("postgresql://maria@elsewhere:5433/shows")
    assert credentials.fill_password(unknown) is unknown


def test_a_forgotten_password_is_gone_and_forgetting_twice_is_fine(memory: MemoryKeyring) -> None:
    credentials.save_password(SERVER, "saved")
    credentials.forget_password(SERVER)
    credentials.forget_password(SERVER)
    assert memory.passwords == {}
    url = make_url(SERVER)
    assert credentials.fill_password(url) is url


def test_a_password_needs_a_user_to_be_saved_for(memory: MemoryKeyring) -> None:
    with pytest.raises(StorageError, match="needs a user name"):
        credentials.save_password("postgresql://db.example.com/shows", "x")
    with pytest.raises(StorageError, match="not a database URL"):
        credentials.save_password("no url at all", "x")
    assert memory.passwords == {}


def test_without_a_keyring_saving_says_what_to_do(missing: KeyringBackend) -> None:
    with pytest.raises(StorageError) as raised:
        credentials.save_password(SERVER, "s3cret")
    message = str(raised.value)
    assert "system keyring is not available" in message
    assert "LIVEPLANNER_DATABASE_URL" in message and "install a keyring" in message
    assert "backend" not in message  # keyring's own wording is not the user's business
    with pytest.raises(StorageError, match="system keyring is not available"):
        credentials.forget_password(SERVER)


def test_without_a_keyring_the_url_is_used_as_given(missing: KeyringBackend) -> None:
    assert not credentials.keyring_available()
    url = make_url(SERVER)
    assert credentials.fill_password(url) is url
    assert credentials.saved_password(SERVER) is None


def test_a_keyring_that_refuses_is_said_with_its_reason() -> None:
    with installed(LockedKeyring()):
        assert credentials.keyring_available()
        with pytest.raises(StorageError, match=r"not available \(the keyring is locked\)"):
            credentials.save_password(SERVER, "s3cret")


class SilentKeyring(LockedKeyring):
    """A keyring that refuses without saying why: its error has no text."""

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError()


def test_a_keyring_that_refuses_without_a_reason_is_named_by_its_error() -> None:
    refused = pytest.raises(StorageError, match=r"not available \(PasswordSetError\), so")
    with installed(SilentKeyring()), refused:
        credentials.save_password(SERVER, "s3cret")


@pytest.mark.parametrize(
    ("given", "kept"),
    [
        ("postgresql://maria:s3cret@db:5432/shows", "postgresql://maria@db:5432/shows"),
        (
            "postgresql+psycopg://maria:p%40ss@db/shows?sslmode=require",
            "postgresql+psycopg://maria@db/shows?sslmode=require",
        ),
        ("postgresql://maria:@db/shows", "postgresql://maria@db/shows"),
        ("postgresql://maria@db/shows", "postgresql://maria@db/shows"),
        ("postgresql://db/shows", "postgresql://db/shows"),
        ("sqlite:////home/maria/shows.sqlite3", "sqlite:////home/maria/shows.sqlite3"),
        ("", ""),
    ],
)
def test_without_password_takes_out_only_the_password(given: str, kept: str) -> None:
    assert credentials.without_password(given) == kept
