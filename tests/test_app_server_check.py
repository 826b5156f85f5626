"""A team server before it is chosen, without Qt: its address read from and written to the
settings' URL, and the connection test (its schema's state, or the server's refusal)."""

from pathlib import Path

import pytest
from keyring_helpers import MemoryKeyring, installed

from liveplanner.app import credentials
from liveplanner.app.workspace import (
    SchemaState,
    ServerAddress,
    ServerCheck,
    ServerUnreachable,
    check_server,
    open_database,
    saved_server,
    server_to_test,
    sqlite_file,
)
from liveplanner.storage import schema

SAVED = "postgresql://maria@db.example.com:5433/shows?sslmode=require"


def test_a_saved_server_reads_back_as_it_was_written_without_a_password() -> None:
    address = saved_server(SAVED)
    assert address == ServerAddress(
        "db.example.com", 5433, "shows", "maria", (("sslmode", "require"),)
    )
    assert address.url() == SAVED
    assert address.url("s3cret") == SAVED.replace("maria@", "maria:s3cret@")
    assert saved_server("") is None and saved_server("sqlite:///x.sqlite3") is None
    assert saved_server("not a url") is None


def test_a_local_file_is_shown_as_its_path() -> None:
    assert sqlite_file("sqlite:////home/maria/lp.sqlite3") == "/home/maria/lp.sqlite3"
    assert sqlite_file("not a url") == "not a url"


def test_the_test_uses_the_password_typed_else_the_saved_one() -> None:
    address = ServerAddress("db.example.com", 5432, "shows", "maria")
    with installed(MemoryKeyring()):
        credentials.save_password(address.url(), "saved")
        assert server_to_test(address) == address.url("saved")
        assert server_to_test(address, "typed") == address.url("typed")


def test_each_state_of_the_schema() -> None:
    head = schema.head_revision()
    older = sorted(schema.known_revisions() - {head})[0]
    assert ServerCheck("15.2", None, True).state == SchemaState.EMPTY
    assert ServerCheck("15.2", None, False).state == SchemaState.EMPTY_NO_RIGHTS
    assert ServerCheck("15.2", head, True).state == SchemaState.READY
    assert ServerCheck("15.2", older, True).state == SchemaState.OLDER
    assert ServerCheck("15.2", "9999_from_the_future", True).state == SchemaState.NEWER


def test_a_server_that_refuses_is_said_in_its_own_words() -> None:
    with pytest.raises(ServerUnreachable, match="port 1 failed") as caught:
        check_server("postgresql://maria:x@127.0.0.1:1/shows")
    assert "Traceback" not in str(caught.value) and "\t" not in str(caught.value)


@pytest.mark.postgres
def test_a_server_is_found_empty_then_ready(postgres_url: str, tmp_path: Path) -> None:
    assert check_server(postgres_url).state == SchemaState.EMPTY
    open_database(postgres_url, backup_dir=tmp_path / "b").close()
    check = check_server(postgres_url)
    assert check.state == SchemaState.READY and check.version[:1].isdigit()
