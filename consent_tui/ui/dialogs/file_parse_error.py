"""A file that cannot be read as a catalogue: the error, then its raw text to fix.

The screen first shows the error (file:line:col, the message and the lines
around it) with two choices: open the raw text, or quit. In the raw text the
error line is highlighted and the status line re-checks the text as you type;
``f5`` continues into the editor once it reads as a catalogue (the fixed text
is then unsaved work, saved with ``ctrl+s`` like any edit), and ``ctrl+s`` here
writes the text as it is. The screen's result is the new :class:`Session`, or
``None`` to quit.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.style import Style
from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Button, Footer, Static, TextArea

from consent_tui.core.errors import CatalogueError
from consent_tui.core.session import Session
from consent_tui.core.store import load_text, write_atomic
from consent_tui.ui.text import visible

ERROR_LINE = Style(bgcolor="#5f1f1f")


FRAME_WIDTH = 100  # characters of a source line shown around the error column


def _window(col: int | None, longest: int) -> tuple[int, int]:
    """The slice of the lines shown: all of them, or ``FRAME_WIDTH`` around ``col``."""
    if longest <= FRAME_WIDTH:
        return 0, longest
    centre = (col or 1) - 1
    start = max(0, min(centre - FRAME_WIDTH // 2, longest - FRAME_WIDTH))
    return start, start + FRAME_WIDTH


def _clip(source: str, start: int, end: int) -> str:
    piece = source[start:end]
    return ("…" if start > 0 else "") + piece + ("…" if len(source) > end else "")


def code_frame(text: str, line: int | None, col: int | None, context: int = 2) -> Content:
    """The lines around ``line`` (1-based) with numbers, and a caret under ``col``.

    Long lines (minified or generated files) are cut to a window around the
    column, marked with ``…``, so that the frame and the buttons below it stay on
    the screen.
    """
    if line is None:
        return Content("")
    lines = text.splitlines() or [""]
    first, last = max(1, line - context), min(len(lines), line + context)
    width = len(str(last))
    shown = lines[first - 1 : last]
    start, end = _window(col, max((len(x) for x in shown), default=0))
    parts: list[str | tuple[str, str]] = []
    for number in range(first, last + 1):
        raw = lines[number - 1] if number <= len(lines) else ""
        source = visible(_clip(raw, start, end))
        mark = ">" if number == line else " "
        style = "bold" if number == line else "$text-muted"
        parts.append((f"{mark} {number:>{width}} │ {source}\n", style))
        if number == line and col is not None:
            caret = max(0, col - 1 - start) + (1 if start > 0 else 0)
            parts.append((" " * (width + 5 + caret) + "^\n", "$text-error bold"))
    return Content.assemble(*parts).rstrip()


class RawTextArea(TextArea):
    """A TextArea that highlights one line: where the text fails to parse."""

    error_line: int | None = None  # 0-based

    def set_error_line(self, line: int | None) -> None:
        if line != self.error_line:
            self.error_line = line
            self._line_cache.clear()
            self.refresh()

    def get_line(self, line_index: int) -> Text:
        line = super().get_line(line_index)
        if line_index == self.error_line:
            line.stylize(ERROR_LINE)
        return line


class ParseErrorScreen(Screen["Session | None"]):
    """Shows why a file cannot be opened, and lets the user fix its text."""

    DEFAULT_CSS = """
    ParseErrorScreen { layout: vertical; }
    ParseErrorScreen #problem { height: auto; padding: 1 2; }
    ParseErrorScreen #headline { text-style: bold; color: $text-error; }
    ParseErrorScreen #where { margin-top: 1; }
    ParseErrorScreen #frame {
        margin-top: 1; padding: 0 1; background: $boost; border: round $error 50%;
    }
    ParseErrorScreen #choices { height: auto; margin-top: 1; }
    ParseErrorScreen #choices Button { margin-right: 2; }
    ParseErrorScreen #raw { height: 1fr; display: none; }
    ParseErrorScreen #status { height: 1; padding: 0 1; background: $error 30%; display: none; }
    ParseErrorScreen #status.-ok { background: $success 30%; }
    ParseErrorScreen.-raw #raw, ParseErrorScreen.-raw #status { display: block; }
    ParseErrorScreen.-raw #frame, ParseErrorScreen.-raw #choices { display: none; }
    ParseErrorScreen.-raw #problem { padding: 0 1; }
    """

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("o", "open_raw", "Open the raw text", id="parse_error.open_raw"),
        Binding("q", "quit_editor", "Quit", id="parse_error.quit"),
        Binding("f5", "check", "Check and continue", id="parse_error.check"),
        Binding("ctrl+s", "save_text", "Save text", id="parse_error.save"),
    ]

    def __init__(self, path: Path, text: str, error: CatalogueError) -> None:
        super().__init__()
        self.path = path
        self.original = text
        self.error = error
        self.raw_mode = False
        self._version = 0
        self._saved_text = text

    # -- layout

    def compose(self) -> ComposeResult:
        with Vertical(id="problem"):
            yield Static(Content(visible(f"Cannot open {self.path.name}")), id="headline")
            yield Static(self._where(self.error), id="where")
            if self.error.line is not None:
                frame = code_frame(self.original, self.error.line, self.error.col)
                yield Static(frame, id="frame")
            with Horizontal(id="choices"):
                yield Button(Content("Open the raw text").stylize("underline", 0, 1), id="raw-open")
                yield Button(Content("Quit").stylize("underline", 0, 1), id="quit", variant="error")
        yield RawTextArea.code_editor(
            self.original, id="raw", soft_wrap=False, highlight_cursor_line=False
        )
        yield Static(Content(""), id="status")
        yield Footer()

    def _where(self, error: CatalogueError) -> Content:
        location = visible(
            f"{self.path}:{error.line}:{error.col}" if error.line else str(self.path)
        )
        return Content.assemble((location, "bold"), ": ", visible(error.message))

    def on_mount(self) -> None:
        self.query_one("#raw-open", Button).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("open_raw", "quit_editor"):
            return not self.raw_mode
        if action in ("check", "save_text"):
            return self.raw_mode
        return True

    # -- error mode

    @on(Button.Pressed, "#raw-open")
    def action_open_raw(self) -> None:
        self.raw_mode = True
        self.add_class("-raw")
        self.refresh_bindings()
        area = self.query_one("#raw", RawTextArea)
        self._show_error(self.error)
        if self.error.line is not None:
            area.cursor_location = (self.error.line - 1, max(0, (self.error.col or 1) - 1))
        area.focus()
        self.call_after_refresh(area.scroll_cursor_visible, center=True)

    @on(Button.Pressed, "#quit")
    def action_quit_editor(self) -> None:
        self.dismiss(None)

    # -- raw mode

    @property
    def text(self) -> str:
        return self.query_one("#raw", RawTextArea).text

    @property
    def modified(self) -> bool:
        """True when the raw text has changes not written to the file."""
        return self.raw_mode and self.text != self._saved_text

    @property
    def raw_text_modified(self) -> bool:
        """``modified`` under a name the quit guard finds without importing this module."""
        return self.modified

    def _show_error(self, error: CatalogueError | None) -> None:
        area = self.query_one("#raw", RawTextArea)
        status = self.query_one("#status", Static)
        status.set_class(error is None, "-ok")
        if error is None:
            area.set_error_line(None)
            status.update(Content("✓ The text reads as a catalogue: press F5 to continue."))
            return
        area.set_error_line(error.line - 1 if error.line else None)
        where = f"line {error.line}, column {error.col}: " if error.line else ""
        status.update(Content(visible(f"✗ {where}{error.message}")))

    @on(TextArea.Changed, "#raw")
    def _text_changed(self) -> None:
        self._version += 1
        self._parse(self._version, self.text)

    @work(thread=True, exclusive=True, group="parse-raw", exit_on_error=False)
    def _parse(self, version: int, text: str) -> None:
        try:
            load_text(text, str(self.path))
            error: CatalogueError | None = None
        except CatalogueError as exc:
            error = exc
        self.app.call_from_thread(self._parsed, version, error)

    def _parsed(self, version: int, error: CatalogueError | None) -> None:
        if version == self._version and self.is_mounted:
            self._show_error(error)

    def action_check(self) -> None:
        """Continue into the editor when the text reads as a catalogue."""
        text = self.text
        try:
            load_text(text, str(self.path))
        except CatalogueError as exc:
            self._show_error(exc)
            self.notify(
                visible(f"{exc.location}: {exc.message}"),
                title="Still cannot read the catalogue",
                severity="error",
                markup=False,
            )
            return
        if text == self._saved_text and self._on_disk() == text:
            self.dismiss(Session.open(self.path))
        else:
            self.dismiss(Session.from_text(text, self.path))

    def _on_disk(self) -> str | None:
        try:
            return self.path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            return None

    def action_save_text(self) -> None:
        """Write the raw text to the file as it is (atomically)."""
        text = self.text
        try:
            write_text_atomically(self.path, text)
        except OSError as exc:
            self.notify(
                visible(f"{self.path}: {exc.strerror or exc}"),
                title="Not saved",
                severity="error",
                markup=False,
            )
            return
        self._saved_text = text
        self.notify(visible(f"Saved {self.path.name}"), markup=False)


def write_text_atomically(path: Path, text: str) -> None:
    """Replace ``path``'s content with ``text`` in one step (see :mod:`core.fileio`)."""
    write_atomic(path, text.encode("utf-8"))
