"""One liveplanner writes a SQLite file at a time: a claim on it is a lock file beside it.

The lock file is written as Qt's QLockFile writes it (process id, program, host, machine and boot
ids, a line each) and held the same way (made exclusively, flock'ed on POSIX), so a liveplanner
of before this module and one of after still keep out of each other's file. A claim is held for
as long as the app runs: one whose process is gone (a crash, a kill, a reboot) is stale, and
taken over.

Written here rather than taken from the `filelock` package: filelock truncates the lock file it
opens and records no process id, so it could neither say who has the file open nor leave a
QLockFile alone.
"""

import contextlib
import os
import socket
import sys
from dataclasses import dataclass
from pathlib import Path

if sys.platform != "win32":
    import fcntl

LOCK_SUFFIX = ".lock"


@dataclass(frozen=True, slots=True)
class Holder:
    """Who holds a claim, as its lock file says: unknown (0, "") when the file cannot be read."""

    pid: int = 0
    host: str = ""


class ClaimRefused(Exception):
    """Another process, alive, holds the claim."""

    def __init__(self, holder: Holder) -> None:
        super().__init__(f"held by process {holder.pid} on {holder.host}")
        self.holder = holder


class FileClaim:
    """This process's claim on a file; `release` frees it (so does the process ending)."""

    def __init__(self, path: Path, fd: int) -> None:
        self.path = path
        self._fd: int | None = fd

    @property
    def held(self) -> bool:
        return self._fd is not None

    def release(self) -> None:
        if self._fd is None:
            return
        # Removed while still held, as QLockFile does: nobody can take a half-removed claim.
        with contextlib.suppress(OSError):
            self.path.unlink()
        os.close(self._fd)
        self._fd = None


def claim(target: Path) -> FileClaim:
    """Claim `target` (its lock file is `target`.lock). Raises ClaimRefused when a live process
    holds it, and OSError when no lock file can be made there (a read-only folder)."""
    path = target.with_name(target.name + LOCK_SUFFIX)
    for _attempt in range(2):
        try:
            fd = os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL, 0o666)
        except FileExistsError:
            holder, stale = _read(path)
            if not (stale and _remove_stale(path)):
                raise ClaimRefused(holder) from None
            continue  # the dead process's claim is gone: make ours
        if not _hold(fd):
            os.close(fd)
            raise ClaimRefused(Holder())
        os.write(fd, _contents())
        return FileClaim(path, fd)
    raise ClaimRefused(_read(path)[0])  # another process took it over first


def _contents() -> bytes:
    lines = [str(os.getpid()), _program(os.getpid()), socket.gethostname(), _machine(), _boot()]
    return "".join(line + "\n" for line in lines).encode()


def _read(path: Path) -> tuple[Holder, bool]:
    """Who holds the lock file, and whether that claim is stale (its process is gone)."""
    try:
        lines = path.read_text(encoding="utf-8", errors="replace").split("\n")
        pid = int(lines[0])
    except (OSError, ValueError, IndexError):
        return Holder(), False  # being written right now, or not ours to judge
    program, host = [*lines, "", ""][1:3]
    boot = lines[4] if len(lines) > 4 else ""
    holder = Holder(pid, host)
    if host and host != socket.gethostname():
        return holder, False  # a process on another computer: nothing to tell it by
    if boot and _boot() and boot != _boot():
        return holder, True  # written before this computer last started
    return holder, not _running(pid, program)


def _remove_stale(path: Path) -> bool:
    """Remove a stale lock file unless a process still holds it open and locked."""
    try:
        fd = os.open(path, os.O_RDWR)
    except FileNotFoundError:
        return True  # removed by whoever else found it stale
    except OSError:
        return False
    try:
        if not _hold(fd):
            return False
        with contextlib.suppress(FileNotFoundError):
            path.unlink()
        return True
    finally:
        os.close(fd)


def _hold(fd: int) -> bool:
    """Lock the open lock file against another process's removing it as stale."""
    if sys.platform == "win32":
        return True  # Windows keeps an open file from being removed
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    except OSError:
        return True  # a file system without flock: the process id is what tells
    return True


def _running(pid: int, program: str) -> bool:
    """Whether process `pid` runs, and is the program that wrote the claim (not a new process
    that was given the same number)."""
    if pid <= 0:
        return False
    if sys.platform == "win32":
        return _running_on_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    name = _program(pid)
    return not (name and program and name != Path(program).name)


def _running_on_windows(pid: int) -> bool:
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        kernel.GetExitCodeProcess(handle, ctypes.byref(code))
        return code.value == 259  # STILL_ACTIVE
    finally:
        kernel.CloseHandle(handle)


def _program(pid: int) -> str:
    """The file name of the program process `pid` runs, where the system says it ("" if not)."""
    try:
        return Path(os.readlink(f"/proc/{pid}/exe")).name
    except OSError:
        return Path(sys.executable).name if pid == os.getpid() else ""


def _machine() -> str:
    return _first_line("/etc/machine-id")


def _boot() -> str:
    return _first_line("/proc/sys/kernel/random/boot_id")


def _first_line(path: str) -> str:
    try:
        return Path(path).read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
