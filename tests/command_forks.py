"""`python -m liveplanner` without paying Python's start and liveplanner's imports each time.

A server process imports what the commands import (liveplanner's command line, SQLAlchemy,
pandas, openpyxl), once. For each command it forks a child, which sets its own address-space
limit, points fds 0, 1 and 2 at /dev/null and the command's output files, and then runs the
`liveplanner` module as `python -m` does; the child leaves the server's loop first, so it
ends as any Python program ends (atexit handlers, a traceback and exit 1 for an uncaught
exception, the status `sys.exit` gives). Each command is still a process of its own, started
from the same imported state and never from another command's leftovers; a command that runs
out of memory or is killed takes only its child with it.

Qt is not imported in the server: only the commands that draw a PDF load it, and the others
keep its libraries out of their address space, as they would in a fresh process.

The protocol, one JSON object a line: the client sends {"id", "argv", "env", "stdout",
"stderr", "memory"} to run a command and {"kill": id} to end one; the server answers
{"id", "status"} (the wait status) when that child has ended.
"""

import json
import os
import resource
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

PRELOAD = (
    "liveplanner.program",
    "liveplanner.cli.main",
    "liveplanner.cli.shows",
    "liveplanner.cli.scripts",
    "liveplanner.cli.metrics",
    "liveplanner.cli.reviews",
    "liveplanner.cli.runs",
    "liveplanner.cli.database",
    "liveplanner.app.workspace",
    "liveplanner.storage.schema",
    "sqlalchemy",
    "pandas",
    "openpyxl",
)


def serve() -> None:
    """The server's loop; returns only in a forked child, which then runs its command."""
    import importlib

    for name in PRELOAD:
        importlib.import_module(name)
    answers = os.dup(1)  # the client reads answers here; a child's fd 1 is its stdout file
    # A child's end wakes the loop through this pipe (SIGCHLD's handler writes to it).
    woken, waker = os.pipe()
    os.set_blocking(waker, False)
    signal.set_wakeup_fd(waker)
    signal.signal(signal.SIGCHLD, lambda *_: None)
    jobs: dict[int, int] = {}  # pid -> id, until reaped
    pids: dict[int, int] = {}  # id -> pid, until reaped
    pending = b""
    while True:
        readable, _, _ = select.select([0, woken], [], [])
        if woken in readable:
            os.read(woken, 4096)
            while jobs:
                pid, status = os.waitpid(-1, os.WNOHANG)
                if not pid:
                    break
                job = jobs.pop(pid)
                del pids[job]
                os.write(answers, json.dumps({"id": job, "status": status}).encode() + b"\n")
        if 0 not in readable:
            continue
        chunk = os.read(0, 65536)
        if not chunk:  # the client has gone: so do the commands still running
            for pid in jobs:
                os.kill(pid, signal.SIGKILL)
            os._exit(0)
        pending += chunk
        *lines, pending = pending.split(b"\n")
        for line in lines:
            request = json.loads(line)
            if "kill" in request:
                if request["kill"] in pids:  # not yet reaped, so the pid is still its
                    os.kill(pids[request["kill"]], signal.SIGKILL)
                continue
            pid = os.fork()
            if pid == 0:
                signal.set_wakeup_fd(-1)
                signal.signal(signal.SIGCHLD, signal.SIG_DFL)
                _become(request)
                return
            jobs[pid] = request["id"]
            pids[request["id"]] = pid


def _become(request: dict) -> None:
    """In the child: the limits, environment, arguments and files of a fresh process."""
    resource.setrlimit(resource.RLIMIT_AS, (request["memory"], request["memory"]))
    for target, path, flags in (
        (0, os.devnull, os.O_RDONLY),
        (1, request["stdout"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
        (2, request["stderr"], os.O_WRONLY | os.O_CREAT | os.O_TRUNC),
    ):
        fd = os.open(path, flags, 0o600)
        os.dup2(fd, target)
        os.close(fd)
    os.closerange(3, resource.getrlimit(resource.RLIMIT_NOFILE)[0])  # the server's pipes
    os.environ.clear()
    os.environ.update(request["env"])
    sys.argv = ["liveplanner", *request["argv"]]


# Run by the client as `python -c`, so that the current folder comes first on sys.path as it
# does for `python -m liveplanner`.
_START = (
    "import runpy, sys; sys.path.insert(1, {tests!r}); import command_forks; "
    "command_forks.serve(); runpy.run_module('liveplanner', run_name='__main__', alter_sys=True)"
)


class Forks:
    """The client: starts the server when first asked, and again if it has died (a command
    that was running then fails with RuntimeError rather than wait for ever)."""

    def __init__(self) -> None:
        self.server: subprocess.Popen[bytes] | None = None
        self.next_id = 0
        self.ended: dict[int, int] = {}  # id -> wait status
        self.pending = b""

    def _send(self, message: dict) -> None:
        if self.server is None or self.server.poll() is not None:
            start = _START.format(tests=str(Path(__file__).parent))
            # The server's own environment names no test's folders: each child is given its own.
            env = {k: v for k, v in os.environ.items() if not k.startswith("LIVEPLANNER_")}
            self.server = subprocess.Popen(
                [sys.executable, "-c", start],
                stdin=subprocess.PIPE,
                stdout=subprocess.PIPE,
                env=env,
            )
            self.ended.clear()
            self.pending = b""
        server = self.server
        assert server.stdin is not None
        server.stdin.write(json.dumps(message).encode() + b"\n")
        server.stdin.flush()

    def start(
        self, argv: list[str], env: dict[str, str], stdout: Path, stderr: Path, memory: int
    ) -> int:
        self.next_id += 1
        request = {"argv": argv, "env": env, "stdout": str(stdout), "stderr": str(stderr)}
        self._send({"id": self.next_id, "memory": memory, **request})
        return self.next_id

    def wait(self, job: int, deadline: float) -> int | None:
        """The job's exit code (negative: the signal that ended it), or None when it was still
        running at `deadline` (time.monotonic()) and was killed."""
        killed = False
        while job not in self.ended:
            left = deadline - time.monotonic()
            if left <= 0 and not killed:
                self._send({"kill": job})
                killed = True
            self._read(max(left, 0) if not killed else None)
        status = self.ended.pop(job)
        return None if killed else os.waitstatus_to_exitcode(status)

    def _read(self, timeout: float | None) -> None:
        assert self.server is not None and self.server.stdout is not None
        fd = self.server.stdout.fileno()
        if not select.select([fd], [], [], timeout)[0]:
            return
        chunk = os.read(fd, 65536)
        if not chunk:
            raise RuntimeError("the command server ended")
        self.pending += chunk
        *lines, self.pending = self.pending.split(b"\n")
        for line in lines:
            answer = json.loads(line)
            self.ended[answer["id"]] = answer["status"]

    def close(self) -> None:
        if self.server is not None and self.server.poll() is None:
            assert self.server.stdin is not None
            self.server.stdin.close()
            self.server.wait()
