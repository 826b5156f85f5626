"""The claim that makes one app the writer of a SQLite file, without Qt: held, refused while a
live process holds it, taken over from a dead one, and understood by Qt's QLockFile both ways."""

import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest

from liveplanner.app.file_claim import ClaimRefused, claim

QT_HOLDER = """
import sys
from PySide6.QtCore import QLockFile
lock = QLockFile(sys.argv[1] + ".lock")
lock.setStaleLockTime(0)
print("locked" if lock.tryLock(0) else "refused", flush=True)
sys.stdin.read()
"""

OUR_HOLDER = """
import sys
from pathlib import Path
from liveplanner.app.file_claim import claim
claim(Path(sys.argv[1]))
print("locked", flush=True)
sys.stdin.read()
"""


def _holder(code: str, target: Path) -> subprocess.Popen[str]:
    holder = subprocess.Popen(
        [sys.executable, "-c", code, str(target)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "locked"
    return holder


def _kill(holder: subprocess.Popen[str]) -> None:
    holder.send_signal(signal.SIGKILL)
    holder.wait()


def test_a_claim_is_refused_while_held_and_free_once_released(tmp_path: Path) -> None:
    target = tmp_path / "shows.sqlite3"
    held = claim(target)
    with pytest.raises(ClaimRefused) as refused:
        claim(target)
    assert refused.value.holder.pid == os.getpid()
    assert refused.value.holder.host == socket.gethostname()
    held.release()
    assert not held.held and not (tmp_path / "shows.sqlite3.lock").exists()
    claim(target).release()


def test_the_claim_of_a_dead_process_is_taken_over(tmp_path: Path) -> None:
    target = tmp_path / "shows.sqlite3"
    holder = _holder(OUR_HOLDER, target)
    try:
        with pytest.raises(ClaimRefused) as refused:
            claim(target)
        assert refused.value.holder.pid == holder.pid
    finally:
        _kill(holder)
    claim(target).release()


def test_a_lock_file_naming_a_process_that_is_gone_is_stale(tmp_path: Path) -> None:
    target = tmp_path / "shows.sqlite3"
    (tmp_path / "shows.sqlite3.lock").write_text(f"999999999\npython3\n{socket.gethostname()}\n")
    claim(target).release()


@pytest.mark.skipif(os.name != "posix", reason="the holders are killed with SIGKILL")
def test_qt_and_the_claim_keep_out_of_each_other(tmp_path: Path) -> None:
    target = tmp_path / "shows.sqlite3"
    qt = _holder(QT_HOLDER, target)
    try:
        with pytest.raises(ClaimRefused) as refused:
            claim(target)
        assert refused.value.holder.pid == qt.pid
    finally:
        _kill(qt)
    held = claim(target)  # Qt's lock of a killed process is stale here too
    try:
        qt = subprocess.Popen(
            [sys.executable, "-c", QT_HOLDER, str(target)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert qt.stdout is not None and qt.stdout.readline().strip() == "refused"
        _kill(qt)
    finally:
        held.release()


def test_a_folder_where_no_lock_file_can_be_made_is_said_as_an_os_error(tmp_path: Path) -> None:
    with pytest.raises(OSError):
        claim(tmp_path / "missing-folder" / "shows.sqlite3")
