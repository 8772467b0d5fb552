"""Reading and writing users' files safely: the one place consent-tui touches them.

Every file read from a user (catalogues, templates, the config, evidence,
known-cookie data) goes through :func:`read_limited`: it refuses what is not a
regular file *before* reading it (a FIFO would hang, ``/dev/zero`` never ends,
a device's size says nothing), and reads at most the limit.

Every output goes through :func:`write_output`: a regular file (or a new one)
is replaced atomically (:func:`write_atomic`: a temporary file beside it,
synced, renamed over it); a device, a FIFO or standard output
(``/dev/stdout``) is opened and written, never replaced; and
:func:`check_not_input` refuses an output that is one of the command's own
inputs (the same file by device and inode, whatever its spelling).

Below the store (which writes catalogues through it) and beside the model: it
imports nothing else of consent-tui.
"""

from __future__ import annotations

from consent_tui.core.fileio.atomic import WriteError, remove_stale_temps, write_atomic
from consent_tui.core.fileio.processes import alive as process_alive
from consent_tui.core.fileio.processes import own_start
from consent_tui.core.fileio.reading import (
    MIB,
    FileError,
    read_limited,
    read_start,
    read_stream,
    size_text,
)
from consent_tui.core.fileio.writing import check_not_input, same_file, write_output

__all__ = [
    "MIB",
    "FileError",
    "WriteError",
    "check_not_input",
    "own_start",
    "process_alive",
    "read_limited",
    "read_start",
    "read_stream",
    "remove_stale_temps",
    "same_file",
    "size_text",
    "write_atomic",
    "write_output",
]
