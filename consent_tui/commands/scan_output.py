"""Where ``consent-tui scan`` writes its evidence: one file per consent state.

``-o DIR`` (an existing folder, or a path ending in ``/``; the default is the
current folder) gets ``before-consent.json``, ``after-accept.json`` and
``after-reject.json``. ``-o FILE`` is the file itself when one state is
recorded; with several, ``FILE`` less its ``.json`` is the stem of each:
``evidence.json`` gives ``evidence.before-consent.json`` and so on.
``-o -`` writes one state to standard output.
"""

from __future__ import annotations

import os
import sys

from consent_tui.core.evidence.record import ConsentState
from consent_tui.core.fileio import FileError, write_output
from consent_tui.core.scan import ScanError

STDOUT = "-"


def is_folder(output: str) -> bool:
    return output.endswith(("/", os.sep)) or os.path.isdir(output)


def targets(output: str | None, states: tuple[ConsentState, ...]) -> list[tuple[ConsentState, str]]:
    """Each state and the path it is written to (:class:`ScanError` for an unusable ``-o``)."""
    if output == STDOUT:
        if len(states) > 1:
            raise ScanError(
                f"-o - writes one state, and --consent records {len(states)} "
                f"({', '.join(states)}): name a folder or a file, or use --consent none"
            )
        return [(states[0], STDOUT)]
    if output is None or is_folder(output):
        folder = output or "."
        return [(state, os.path.join(folder, f"{state}.json")) for state in states]
    parent = os.path.dirname(output) or "."
    if not os.path.isdir(parent):
        raise ScanError(f"-o {output}: the folder {parent} does not exist")
    if len(states) == 1:
        return [(states[0], output)]
    stem = output.removesuffix(".json")
    return [(state, f"{stem}.{state}.json") for state in states]


def write(path: str, text: str) -> None:
    """Write one evidence file (atomically), or to standard output for ``-``."""
    if path == STDOUT:
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    folder = os.path.dirname(path)
    try:
        if folder:
            os.makedirs(folder, exist_ok=True)
        write_output(path, text.encode("utf-8"))
    except FileError as exc:
        raise ScanError(f"{path}: cannot write the evidence: {exc.reason}") from None
    except OSError as exc:
        raise ScanError(f"{path}: cannot write the evidence: {exc.strerror or exc}") from None
