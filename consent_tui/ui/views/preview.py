"""The preview: the Markdown export of the catalogue, rendered inside the app.

Exporting and laying out run in a worker thread, a moment after the last
change and only while the preview is shown, so typing never waits for it.
"""

from __future__ import annotations

from typing import ClassVar

from rich.style import Style
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.color import Color
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.timer import Timer
from textual.widgets import Select, Static
from textual.worker import get_current_worker

from consent_tui.core.model import Catalogue
from consent_tui.core.reference import langtags
from consent_tui.ui.text import plain, visible
from consent_tui.ui.widgets.line_view import LineView

PLACEHOLDER = (
    "# Preview\n\nThe Markdown export is not available in this build yet. "
    "The preview shows the cookie policy as `consent-tui export --format markdown` "
    "writes it, in any language the catalogue declares."
)


def markdown_of(catalogue: Catalogue, lang: str) -> tuple[str, tuple[str, ...]]:
    """The Markdown export (or a placeholder) and its notes."""
    from consent_tui.core.export import registry
    from consent_tui.core.export.registry import ExportOptions

    if "markdown" not in registry.names():
        return PLACEHOLDER, ()
    result = registry.get("markdown").render(catalogue, ExportOptions(lang=lang))
    return result.text, result.notes


class PreviewView(Vertical):
    """A language switch and the rendered document."""

    KIND: ClassVar[str] = "preview"
    TITLE: ClassVar[str] = "Preview"
    HELP: ClassVar[str] = (
        "The cookie policy as the Markdown export writes it, rendered in the terminal. "
        "Choose the language at the top; the preview follows your edits a moment after "
        "you make them."
    )
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "l",
            "next_language",
            "Language",
            id="preview.language",
            tooltip="Show the preview in the next language",
        ),
    ]

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, classes="preview-view")
        self.stale = True
        self.lang: str | None = None
        self._catalogue: Catalogue | None = None
        self._timer: Timer | None = None
        self._width = 0

    def compose(self) -> ComposeResult:
        with Horizontal(classes="preview-bar"):
            yield Static("Language", classes="label")
            yield Select[str]([], id="preview-lang", compact=True, prompt="…")
            yield Static(id="preview-status", classes="status", markup=False)
        yield LineView(id="preview-lines")

    @property
    def lines(self) -> LineView:
        return self.query_one(LineView)

    def refresh_data(self, catalogue: Catalogue, lang: str) -> None:
        """Show ``catalogue``; the render starts a moment later, off the UI thread."""
        languages = catalogue.languages
        if self.lang not in languages:
            self.lang = lang if lang in languages else catalogue.default_language
        select = self.query_one("#preview-lang", Select)
        options = [(Content(visible(langtags.label(code))), code) for code in languages]
        with self.prevent(Select.Changed):
            select.set_options(options)
            select.value = self.lang
        self._catalogue = catalogue
        self.stale = False
        self._schedule(0.05 if not self.lines.line_count else 0.4)

    def _schedule(self, delay: float) -> None:
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(delay, self._start)

    @property
    def pending(self) -> bool:
        """Whether a render is scheduled but has not started yet."""
        return self._timer is not None

    def _start(self) -> None:
        self._timer = None
        catalogue, lang = self._catalogue, self.lang
        width = self.lines.scrollable_content_region.width or 100
        if catalogue is None or lang is None:
            return
        self._width = width
        self._status("Rendering …")
        self._render_preview(catalogue, lang, width, self._styles())

    def _styles(self) -> dict[str, Style]:
        """Heading and link colours from the theme, made legible on its background."""
        theme = self.app.current_theme

        def legible(color: str | None) -> str:
            parsed = Color.parse(color or theme.primary)
            shifted = parsed.lighten(0.2) if theme.dark else parsed.darken(0.2)
            return shifted.hex

        accent = legible(theme.accent)
        return {
            "h1": Style(bold=True, underline=True, color=accent),
            "h2": Style(bold=True, color=legible(theme.primary)),
            "h3": Style(bold=True, color=legible(theme.secondary)),
            "link": Style(underline=True, color=accent),
            "code": Style(color=accent, bold=True),
        }

    @work(thread=True, exclusive=True, group="preview", exit_on_error=False)
    def _render_preview(
        self, catalogue: Catalogue, lang: str, width: int, styles: dict[str, Style]
    ) -> None:
        try:
            from consent_tui.ui.widgets.md_lines import MarkdownStyles, render

            text, notes = markdown_of(catalogue, lang)
            lines = render(text, width, MarkdownStyles(**styles))
        except Exception as exc:  # an exporter bug must not take the editor down
            message = f"The preview failed: {type(exc).__name__}: {exc}"
            self.app.call_from_thread(self._status, message)
            return
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show, lines, notes, lang)

    def _show(self, lines: list[object], notes: tuple[str, ...], lang: str) -> None:
        self.lines.set_lines(lines)  # type: ignore[arg-type]
        note = f" · {len(notes)} note(s): {notes[0]}" if notes else ""
        self._status(f"Markdown export · {lang} · {len(lines)} lines{note}")

    def _status(self, text: str) -> None:
        self.query_one("#preview-status", Static).update(plain(text))

    def on_resize(self) -> None:
        width = self.lines.scrollable_content_region.width
        if self._catalogue is not None and width and width != self._width:
            self._schedule(0.2)

    @on(Select.Changed, "#preview-lang")
    def _language_chosen(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value != self.lang:
            self.lang = event.value
            self._schedule(0.01)

    def action_next_language(self) -> None:
        if self._catalogue is None:
            return
        langs = self._catalogue.languages
        current = langs.index(self.lang) if self.lang in langs else -1
        self.query_one("#preview-lang", Select).value = langs[(current + 1) % len(langs)]
