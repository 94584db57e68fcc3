"""Running the program the way a clerk's account runs it: without the administrator's power
to write where the file system says no.

A read-only folder is read-only for a clerk but not for root, whose capabilities override
file permissions (and CI or a container may run the tests as root). ``run_main`` starts
``main.py`` in a child process; when this process is root on Linux the child drops every
capability from its bounding set before it starts, so it keeps uid 0 (and can read the
test's files) but obeys permission bits like any user. Elsewhere the child runs as the
current user, whom permission bits already bind.
"""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
_PR_CAPBSET_DROP = 24
_LAST_CAPABILITY = 63


WRONG_CLOCK = Path(__file__).resolve().parent / "wrong_clock"


def _drop_capabilities() -> None:  # runs in the child between fork and exec
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    for capability in range(_LAST_CAPABILITY + 1):
        libc.prctl(_PR_CAPBSET_DROP, capability, 0, 0, 0)


def _nearly_full_disk(max_file_bytes: int) -> Callable[[], None]:
    """A child that cannot make a file larger than ``max_file_bytes`` — what a nearly full
    disk does to a backup (the write fails with "file too large" instead of a signal)."""

    def limit() -> None:
        import resource
        import signal

        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))
        if needs_dropping():
            _drop_capabilities()

    return limit


def needs_dropping() -> bool:
    return sys.platform.startswith("linux") and os.geteuid() == 0


def run_unprivileged(
    argv: Sequence[str],
    *,
    env: dict[str, str] | None = None,
    timeout: float = 120,
    clock_days: float = 0,
    max_file_bytes: int | None = None,
) -> subprocess.CompletedProcess[str]:
    """``argv`` in a child process that permission bits bind (see the module notes), with
    its clock ``clock_days`` days wrong (``wrong_clock/sitecustomize.py``) and, if asked, a
    disk that takes no file larger than ``max_file_bytes``."""
    child_env = {**os.environ, "PYTHONIOENCODING": "utf-8", **(env or {})}
    child_env.pop("DUBAN_DEBUG", None)
    if clock_days:
        child_env["PYTHONPATH"] = os.pathsep.join(
            filter(None, [str(WRONG_CLOCK), child_env.get("PYTHONPATH")])
        )
        child_env["DUBAN_TEST_CLOCK_DAYS"] = str(clock_days)
    prepare = _drop_capabilities if needs_dropping() else None
    if max_file_bytes is not None:
        prepare = _nearly_full_disk(max_file_bytes)
    return subprocess.run(
        list(argv),
        cwd=ROOT,
        env=child_env,
        capture_output=True,
        text=True,
        timeout=timeout,
        check=False,
        preexec_fn=prepare,
    )


def run_main(
    *args: str,
    env: dict[str, str] | None = None,
    clock_days: float = 0,
    max_file_bytes: int | None = None,
) -> subprocess.CompletedProcess[str]:
    """``python main.py ARGS…`` as a clerk's account runs it."""
    return run_unprivileged(
        [sys.executable, str(ROOT / "main.py"), *args],
        env=env,
        clock_days=clock_days,
        max_file_bytes=max_file_bytes,
    )


def make_read_only(*paths: Path) -> None:
    """Take the write permission away (folders keep their search permission)."""
    for path in paths:
        path.chmod(0o555 if path.is_dir() else 0o444)


def make_writable(*paths: Path) -> None:
    for path in paths:
        path.chmod(0o755 if path.is_dir() else 0o644)


class Child:
    """A Python snippet in a process of its own that prints ``ready`` once it is where the
    test wants it (holding the file, halfway through an export …) and then waits for a line
    on its stdin: ``go_on()`` lets it finish, ``kill()`` ends it there with SIGKILL. No
    sleeping: the test waits for the line."""

    def __init__(
        self, script: str, *args: str, ready: str, env: dict[str, str] | None = None
    ) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-c", script, *args],
            cwd=ROOT,
            env={**os.environ, **(env or {})},
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            text=True,
        )
        assert self.proc.stdout is not None
        line = self.proc.stdout.readline().strip()
        if line != ready:
            self.kill()
            raise RuntimeError(f"the child said {line!r}, not {ready!r}")

    def go_on(self) -> None:
        if self.proc.poll() is None:
            assert self.proc.stdin is not None
            self.proc.stdin.write("\n")
            self.proc.stdin.close()
        self.proc.wait(timeout=60)

    def kill(self) -> None:
        self.proc.kill()
        self.proc.wait(timeout=60)

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.go_on()
