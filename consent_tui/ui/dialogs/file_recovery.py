"""The offer made when a file has a recovery copy: restore, discard, keep for later.

It says when the copy was written, warns when the file changed since, and shows
what restoring would change as a short diff (file on disk -> recovery copy).
"""

from __future__ import annotations

import difflib
import time

from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Static

from consent_tui.core.session.recovery import RecoveryCopy
from consent_tui.ui.dialogs.file_choice import Choice, ChoiceDialog
from consent_tui.ui.text import visible

MAX_DIFF_LINES = 300


def ago(seconds: float) -> str:
    """A short "how long ago" for a number of seconds."""
    seconds = max(0, int(seconds))
    for size, unit in ((86400, "day"), (3600, "hour"), (60, "minute")):
        if seconds >= size:
            n = seconds // size
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "just now"


def diff_lines(old: str, new: str) -> tuple[list[str], int, int]:
    """Unified diff lines (without the header), lines added, lines removed."""
    lines = list(difflib.unified_diff(old.splitlines(), new.splitlines(), lineterm="", n=1))[2:]
    added = sum(1 for line in lines if line.startswith("+"))
    removed = sum(1 for line in lines if line.startswith("-"))
    return lines, added, removed


def diff_content(lines: list[str]) -> Content:
    """The diff lines styled: additions green, removals red, hunks dim."""
    parts: list[tuple[str, str] | str] = []
    for line in lines[:MAX_DIFF_LINES]:
        style = {"+": "$text-success", "-": "$text-error", "@": "$text-muted"}.get(line[:1], "")
        parts.append((visible(line) + "\n", style) if style else visible(line) + "\n")
    if len(lines) > MAX_DIFF_LINES:
        parts.append((f"… {len(lines) - MAX_DIFF_LINES} more lines\n", "$text-muted"))
    return Content.assemble(*parts).rstrip()


class RecoveryDialog(ChoiceDialog):
    """Unsaved work was found for the file being opened."""

    DEFAULT_CSS = """
    RecoveryDialog > #dialog { width: 100; }
    RecoveryDialog #diff-summary { margin-top: 1; text-style: bold; }
    RecoveryDialog #diff {
        height: auto;
        max-height: 14;
        border: round $panel;
        background: $background;
        scrollbar-size-vertical: 1;
    }
    """

    title_text = "Unsaved work found"
    choices: tuple[Choice, ...] = (
        Choice("restore", "Restore", "r", "primary"),
        Choice("discard", "Discard", "d", "error"),
        Choice("keep", "Keep for later", "k"),
    )
    cancel_value = "keep"
    default_value = "restore"

    def __init__(
        self, copy: RecoveryCopy, name: str, file_text: str | None, *, now: float | None = None
    ) -> None:
        now = time.time() if now is None else now
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(copy.saved_at))
        message = (
            f"There are unsaved changes to {name} from {when} ({ago(now - copy.saved_at)}), "
            "kept after the editor closed without saving."
        )
        notes: list[str] = []
        if file_text is None:
            notes.append("The file itself does not exist (any more): restoring recreates it.")
        elif not copy.newer_than_file():
            notes.append("The file was saved after this copy was written.")
        elif copy.file_changed_since():
            notes.append(
                "The file changed since this work started: restoring and saving "
                "replaces those changes."
            )
        notes.append("Keep for later opens the file as it is and offers this copy again next time.")
        super().__init__(message, tuple(notes))
        self.lines, self.added, self.removed = diff_lines(file_text or "", copy.text())

    def compose_body(self) -> ComposeResult:
        n_add, n_del = self.added, self.removed
        summary = (
            f"Restoring changes {n_add + n_del} line{'s' if n_add + n_del != 1 else ''}: "
            f"+{n_add} −{n_del}"
        )
        yield Static(Content(summary), id="diff-summary")
        with VerticalScroll(id="diff"):
            yield Static(diff_content(self.lines), id="diff-text")
