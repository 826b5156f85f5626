"""Keyrings for tests: one that keeps passwords in a dict, one that refuses, and none at all."""

from collections.abc import Iterator
from contextlib import contextmanager

import keyring
from keyring.backend import KeyringBackend
from keyring.backends import fail
from keyring.errors import PasswordDeleteError, PasswordSetError


class MemoryKeyring(KeyringBackend):
    """The system keyring's stand-in: (service, user) -> password, forgotten after the test."""

    priority = 1

    def __init__(self) -> None:
        super().__init__()
        self.passwords: dict[tuple[str, str], str] = {}

    def get_password(self, service: str, username: str) -> str | None:
        return self.passwords.get((service, username))

    def set_password(self, service: str, username: str, password: str) -> None:
        self.passwords[(service, username)] = password

    def delete_password(self, service: str, username: str) -> None:
        if self.passwords.pop((service, username), None) is None:
            raise PasswordDeleteError("no such password")


class LockedKeyring(KeyringBackend):
    """A keyring that is there but refuses (locked, or its service gone): reads find nothing,
    writes fail."""

    priority = 1

    def get_password(self, service: str, username: str) -> str | None:
        return None

    def set_password(self, service: str, username: str, password: str) -> None:
        raise PasswordSetError("the keyring is locked")

    def delete_password(self, service: str, username: str) -> None:
        raise PasswordDeleteError("no such password")


def missing_keyring() -> KeyringBackend:
    """What keyring falls back to on a headless Linux with no Secret Service: every call raises
    NoKeyringError."""
    return fail.Keyring()


@contextmanager
def installed(backend: KeyringBackend) -> Iterator[KeyringBackend]:
    """`backend` as keyring's backend for the block; the one before is put back after."""
    previous = keyring.get_keyring()
    keyring.set_keyring(backend)
    try:
        yield backend
    finally:
        keyring.set_keyring(previous)
