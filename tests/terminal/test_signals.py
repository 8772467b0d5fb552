"""SignalGuard in a real process: the loop gets the signal; a stuck loop is ended.

No terminal needed: a small program installs the guard the way the editor
does, sends itself a signal and reports what happened on stdout.
"""

from __future__ import annotations

import signal
import subprocess
import sys

import pytest

from tests.conftest import ROOT

PROGRAM = """
import asyncio, os, signal, sys, time
from consent_tui.ui.file_signals import SignalGuard

stuck = sys.argv[1] == "stuck"

def on_signal(signum):
    print("on the loop:", signal.Signals(signum).name, flush=True)
    if stuck:
        time.sleep(60)  # a shutdown that never ends
    loop.stop()

def emergency():
    print("emergency copy written", flush=True)

guard = SignalGuard(on_signal, emergency)
guard.grace = 0.5
loop = asyncio.new_event_loop()

async def main():
    assert guard.install()
    os.kill(os.getpid(), signal.SIGNUM)

loop.create_task(main())
loop.run_forever()
guard.restore()
print("exited cleanly", flush=True)
"""


def run(mode: str, signum: signal.Signals) -> subprocess.CompletedProcess[str]:
    code = PROGRAM.replace("SIGNUM", signum.name)
    return subprocess.run(
        [sys.executable, "-c", code, mode],
        capture_output=True,
        text=True,
        cwd=ROOT,
        timeout=60,
        check=False,
    )


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP], ids=lambda s: s.name)
def test_the_signal_reaches_the_loop(signum: signal.Signals) -> None:
    out = run("normal", signum)
    assert out.stdout.splitlines() == [f"on the loop: {signum.name}", "exited cleanly"]
    assert out.returncode == 0, out.stderr


def test_a_stuck_shutdown_is_ended_after_writing_the_copy() -> None:
    out = run("stuck", signal.SIGHUP)
    assert out.stdout.splitlines() == ["on the loop: SIGHUP", "emergency copy written"]
    assert out.returncode == 128 + signal.SIGHUP
