"""The base of the edit forms: fields, a language switch, errors, save or cancel.

A form is a modal screen typed with its result (the edited entity, or
``None`` when cancelled). Errors show under each field as you type; saving is
refused, with the reason, while a field has an error.
"""

from __future__ import annotations

from typing import Any, ClassVar, Generic, TypeVar

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Input, Label, Select, Static, TextArea

from consent_tui.core.reference import langtags
from consent_tui.ui.dialogs.fields import Field, TranslatedField
from consent_tui.ui.guard import guarded
from consent_tui.ui.text import plain, visible

R = TypeVar("R")


class EntityForm(ModalScreen[R | None], Generic[R]):
    """Edit one entity; subclasses build the fields and the result."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding(
            "ctrl+s", "save", "Save", id="form.save", tooltip="Keep these changes", priority=True
        ),
        Binding("escape", "cancel", "Cancel", id="form.cancel", tooltip="Close without changes"),
        Binding(
            "ctrl+l",
            "next_language",
            "Language",
            id="form.language",
            tooltip="Edit the texts in the next language",
        ),
    ]

    def __init__(
        self,
        title: str,
        fields: list[Field],
        *,
        languages: tuple[str, ...],
        lang: str,
        focus: str | None = None,
    ) -> None:
        super().__init__()
        self.heading = title
        self.fields = fields
        self.languages = languages
        self.lang = lang if lang in languages else languages[0]
        self.focus_name = focus

    def compose(self) -> ComposeResult:
        with Vertical(classes="form"):
            yield Static(plain(self.heading), classes="form-title")
            if self.has_translations and len(self.languages) > 1:
                with Horizontal(classes="form-language"):
                    yield Label("Language")
                    options = [
                        (Content(visible(langtags.label(code))), code) for code in self.languages
                    ]
                    yield Select(
                        options, value=self.lang, allow_blank=False, compact=True, id="form-lang"
                    )
                    yield Static("ctrl+l switches; every translation is kept", classes="hint")
            with VerticalScroll(classes="form-fields"):
                for field in self.fields:
                    with Horizontal(classes="field"):
                        marker = " ⇄" if isinstance(field, TranslatedField) else ""
                        yield Label(Content(field.label + marker), classes="field-label")
                        with Vertical(classes="field-body"):
                            yield field.make()
                            yield Static(
                                id=f"{field.widget_id}-error", classes="field-error", markup=False
                            )
                            if field.help:
                                yield Static(plain(field.help), classes="field-help")
            yield Static(id="form-errors", markup=False)
            with Horizontal(classes="form-buttons"):
                yield Button("Save  ctrl+s", variant="primary", id="form-save", compact=True)
                yield Button("Cancel  esc", id="form-cancel", compact=True)
        yield Footer(compact=True)

    @property
    def has_translations(self) -> bool:
        return any(isinstance(f, TranslatedField) for f in self.fields)

    def on_mount(self) -> None:
        for field in self.fields:
            self._show_errors(field)
        target = self.field(self.focus_name) if self.focus_name else None
        if target is None:  # the first text to type in, else the first field
            typed = [f for f in self.fields if isinstance(f.widget, (Input, TextArea))]
            target = typed[0] if typed else (self.fields[0] if self.fields else None)
        widget = target.widget if target is not None else None
        if widget is not None:
            widget.focus()
            self.call_after_refresh(widget.scroll_visible, animate=False)

    def field(self, name: str | None) -> Field | None:
        for field in self.fields:
            if field.name == name or field.name.rsplit(".", 1)[-1] == name:
                return field
        return None

    def _show_errors(self, field: Field) -> list[str]:
        errors = field.errors()
        box = self.query_one(f"#{field.widget_id}-error", Static)
        box.update(plain("✗ " + "; ".join(errors)) if errors else "")
        box.display = bool(errors)
        return errors

    @on(Input.Changed)
    def _changed(self, event: Input.Changed) -> None:
        for field in self.fields:
            if field.widget is event.input:
                self._show_errors(field)

    @on(Select.Changed, "#form-lang")
    def _language(self, event: Select.Changed) -> None:
        if isinstance(event.value, str):
            self.switch_language(event.value)

    def switch_language(self, lang: str) -> None:
        self.lang = lang
        for field in self.fields:
            field.set_language(lang)

    def action_next_language(self) -> None:
        if len(self.languages) < 2:
            return
        nxt = self.languages[(self.languages.index(self.lang) + 1) % len(self.languages)]
        self.query_one("#form-lang", Select).value = nxt

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "next_language":
            return self.has_translations and len(self.languages) > 1
        return True

    @on(Button.Pressed, "#form-save")
    def _save_pressed(self) -> None:
        self.action_save()

    @on(Button.Pressed, "#form-cancel")
    def action_cancel(self) -> None:
        self.dismiss(None)

    @guarded
    def action_save(self) -> None:
        bad = [(f, errs) for f in self.fields if (errs := self._show_errors(f))]
        extra = self.check()
        if bad or extra:
            # the first clause of each error; the whole text is under the field
            lines = [f"{f.label}: {errs[0].split('; ')[0]}" for f, errs in bad] + extra
            text = "Cannot save — fix first:\n" + "\n".join(f"• {line}" for line in lines)
            self.query_one("#form-errors", Static).update(plain(text, multiline=True))
            self.query_one("#form-errors").add_class("shown")
            if bad and bad[0][0].widget is not None:
                bad[0][0].widget.focus()
            self.app.bell()
            return
        self.dismiss(self.result())

    def check(self) -> list[str]:
        """Problems involving several fields (none by default)."""
        return []

    def result(self) -> R:
        raise NotImplementedError

    def values(self, target: str = "") -> dict[str, Any]:
        """Changed values of the fields of ``target`` (model field name -> value)."""
        return {
            f.name.rsplit(".", 1)[-1]: f.value()
            for f in self.fields
            if f.target == target and f.changed
        }
