"""Whether the process that wrote a file (a temporary file, a recovery copy, a lock) still runs.

A process id alone can be reused after a crash, so a writer also records its
start time where the system tells it (Linux: ``/proc/<pid>/stat``); a live
process with that id but another start time is not the writer.
"""

from __future__ import annotations

import os
from functools import cache


def _start_ticks(pid: int) -> int | None:
    """The start time of ``pid`` in clock ticks since boot, where ``/proc`` says it."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stream:
            data = stream.read(4096)
    except OSError:
        return None
    # the command name (field 2) is in brackets and may hold spaces: count after the last ')'
    fields = data[data.rfind(b")") + 2 :].split()
    try:
        return int(fields[19])
    except (IndexError, ValueError):
        return None


@cache
def own_start() -> int | None:
    """This process's start time (see :func:`_start_ticks`), recorded beside its pid."""
    return _start_ticks(os.getpid())


def alive(pid: int, started: int | None = None) -> bool:
    """Whether process ``pid`` runs and, when ``started`` is given and known, is that one."""
    if pid == os.getpid():
        return started is None or own_start() is None or started == own_start()
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OverflowError, OSError):
        pass  # it exists, owned by another user
    if started is None:
        return True
    now = _start_ticks(pid)
    return now is None or now == started
