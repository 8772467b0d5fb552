"""The export dialog: format, language and path, written by the CLI's own code.

Rendering uses the export registry and writing uses the same atomic helper as
``consent-tui export``; a catalogue with errors is exported only when the user
ticks "export anyway" (the CLI's ``--force``).
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Checkbox, Footer, Input, Label, Select, Static

from consent_tui import paths
from consent_tui.core.export import registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.fileio import check_not_input, same_file, write_output
from consent_tui.core.reference import langtags
from consent_tui.core.session import Session
from consent_tui.ui.text import plain, visible


def default_path(session: Session, fmt: str, lang: str) -> Path:
    exporter = registry.get(fmt)
    base = session.path or Path.cwd() / "catalogue.toml"
    suffix = f".{lang}.{exporter.extension}" if exporter.per_language else f".{exporter.extension}"
    return base.with_name(base.stem + suffix)


def export_to(session: Session, fmt: str, lang: str, path: Path, fragment: bool) -> str:
    """Render and write; returns a one-line report (raises on failure)."""
    exporter = registry.get(fmt)
    options = ExportOptions(
        lang=lang if exporter.per_language else None,
        fragment=fragment,
        templates_dir=paths.templates_dir(),
    )
    if session.path is not None:
        check_not_input(path, [session.path])
    result = exporter.render(session.catalogue, options)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_output(path, result.text.encode("utf-8"))
    notes = f" ({len(result.notes)} note(s): {result.notes[0]})" if result.notes else ""
    return f"Exported {fmt} to {path}{notes}"


class ExportScreen(ModalScreen[str | None]):
    """Returns the report line, or None when cancelled."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "dismiss(None)", "Cancel", id="export.cancel", tooltip="Close"),
        Binding(
            "ctrl+s", "export", "Export", id="export.run", priority=True, tooltip="Write the file"
        ),
    ]

    def __init__(self, session: Session, lang: str, errors: int = 0) -> None:
        super().__init__()
        self.session = session
        self.lang = lang
        self.errors = errors
        self._auto_path = ""

    def compose(self) -> ComposeResult:
        names = registry.names()
        formats = [(Content(f"{n} — {registry.get(n).description}"), n) for n in names]
        langs = [
            (Content(visible(langtags.label(code))), code)
            for code in self.session.catalogue.languages
        ]
        with Vertical(classes="form export"):
            yield Static("Export", classes="form-title")
            with Horizontal(classes="field"):
                yield Label("Format", classes="field-label")
                yield Select(
                    formats,
                    value=names[0] if names else Select.NULL,
                    allow_blank=not names,
                    compact=True,
                    id="export-format",
                )
            with Horizontal(classes="field"):
                yield Label("Language", classes="field-label")
                yield Select(
                    langs, value=self.lang, allow_blank=False, compact=True, id="export-lang"
                )
            with Horizontal(classes="field"):
                yield Label("File", classes="field-label")
                yield Input(compact=True, id="export-path")
            yield Checkbox("HTML fragment to embed (not a whole page)", id="export-fragment")
            if self.errors:
                yield Checkbox(
                    f"Export despite {self.errors} error(s) (see the problems view)",
                    id="export-force",
                )
            yield Static(id="export-status", markup=False)
            with Horizontal(classes="form-buttons"):
                yield Button("Export  ctrl+s", variant="primary", id="export-go", compact=True)
                yield Button("Cancel  esc", id="export-cancel", compact=True)
        yield Footer(compact=True)

    def on_mount(self) -> None:
        self._update()
        self.query_one("#export-format").focus()

    def _choice(self) -> tuple[str | None, str]:
        fmt = self.query_one("#export-format", Select).value
        lang = self.query_one("#export-lang", Select).value
        return (fmt if isinstance(fmt, str) else None, lang if isinstance(lang, str) else self.lang)

    @on(Select.Changed)
    def _update(self) -> None:
        fmt, lang = self._choice()
        path_input = self.query_one("#export-path", Input)
        if fmt is None:
            self._status("No export format is available in this build.")
            return
        exporter = registry.get(fmt)
        self.query_one("#export-lang", Select).disabled = not exporter.per_language
        self.query_one("#export-fragment").display = "fragment" in exporter.options
        if path_input.value in ("", self._auto_path):
            self._auto_path = str(default_path(self.session, fmt, lang))
            path_input.value = self._auto_path
        self._check_path()

    @on(Input.Changed, "#export-path")
    def _check_path(self) -> None:
        value = self.query_one("#export-path", Input).value.strip()
        path = Path(value).expanduser() if value else None
        if path is None:
            self._status("Choose where to write the file.")
        elif path.is_dir():
            self._status(f"{path} is a folder; add a file name.")
        elif self.session.path is not None and same_file(path, self.session.path):
            self._status(f"{path.name} is the open catalogue; choose another file.")
        elif path.exists():
            self._status(f"{path.name} exists and will be replaced.")
        else:
            self._status("")

    def _status(self, text: str) -> None:
        self.query_one("#export-status", Static).update(plain(text))

    @on(Button.Pressed, "#export-cancel")
    def _cancel(self) -> None:
        self.dismiss(None)

    @on(Button.Pressed, "#export-go")
    def action_export(self) -> None:
        fmt, lang = self._choice()
        value = self.query_one("#export-path", Input).value.strip()
        if fmt is None or not value:
            self._status("Choose a format and a file first.")
            return
        path = Path(value).expanduser()
        if path.is_dir():
            self._status(f"{path} is a folder; add a file name.")
            return
        if self.errors and not self.query_one("#export-force", Checkbox).value:
            self._status(
                f"The catalogue has {self.errors} error(s). Fix them, or tick "
                "“Export despite …” to export anyway."
            )
            return
        fragment = self.query_one("#export-fragment", Checkbox).value
        self._status("Exporting …")
        self._run(fmt, lang, path, fragment)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def _run(self, fmt: str, lang: str, path: Path, fragment: bool) -> None:
        try:
            report = export_to(self.session, fmt, lang, path, fragment)
        except OSError as exc:
            self.app.call_from_thread(self._status, f"Cannot write {path}: {exc.strerror or exc}")
            return
        except Exception as exc:
            self.app.call_from_thread(self._status, f"Export failed: {type(exc).__name__}: {exc}")
            return
        self.app.call_from_thread(self.dismiss, report)
