"""Form fields: each makes its widget, shows the model value and reads it back.

A field hands back the *original* object when the user did not change it, so
an untouched value (even one holding control characters, shown escaped) is
never rewritten. Text shown in widgets goes through :func:`visible`.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from textual.content import Content
from textual.validation import Validator
from textual.widget import Widget
from textual.widgets import Input, Select, SelectionList, TextArea

from consent_tui.core.model import Text
from consent_tui.ui.dialogs.validators import split_list
from consent_tui.ui.text import visible


class Field:
    """A labelled value of the entity being edited (``target`` names a sub-table)."""

    def __init__(
        self, name: str, label: str, original: Any, *, help: str = "", target: str = ""
    ) -> None:
        self.name = name
        self.label = label
        self.original = original
        self.help = help
        self.target = target
        self.widget: Widget | None = None

    @property
    def widget_id(self) -> str:
        return "field-" + self.name.replace(".", "-")

    def make(self) -> Widget:
        raise NotImplementedError

    def value(self) -> Any:
        """The edited model value (the original object when unchanged)."""
        raise NotImplementedError

    def errors(self) -> list[str]:
        return []

    def set_language(self, lang: str) -> None:
        """Show the translation in ``lang`` (translated fields only)."""

    @property
    def changed(self) -> bool:
        value = self.value()
        return value is not self.original and value != self.original


class TextField(Field):
    """One line of text; empty means the key is left out of the file."""

    def __init__(
        self,
        name: str,
        label: str,
        original: Any,
        *,
        validators: Sequence[Validator] = (),
        required: bool = False,
        placeholder: str = "",
        help: str = "",
        target: str = "",
    ) -> None:
        super().__init__(name, label, original, help=help, target=target)
        self.validators = list(validators)
        self.required = required
        self.placeholder = placeholder
        self.shown = "" if original is None else visible(self.to_text(original))

    def to_text(self, value: Any) -> str:
        return str(value)

    def from_text(self, text: str) -> Any:
        return text

    def make(self) -> Widget:
        self.widget = Input(
            self.shown,
            placeholder=self.placeholder,
            validators=self.validators,
            compact=True,
            id=self.widget_id,
            valid_empty=not self.required,
        )
        return self.widget

    @property
    def input(self) -> Input:
        assert isinstance(self.widget, Input)
        return self.widget

    def value(self) -> Any:
        raw = self.input.value
        if raw == self.shown:
            return self.original
        text = raw.strip()
        return self.from_text(text) if text else None

    def errors(self) -> list[str]:
        if self.required and not self.input.value.strip():
            return ["required"]
        if (
            self.input.value == self.shown
            and self.original is not None
            and self.shown != str(self.to_text(self.original))
        ):
            return []  # escaped control characters, left as they are
        result = self.input.validate(self.input.value)
        return list(result.failure_descriptions) if result is not None else []


class ListField(TextField):
    """Comma-separated items (languages, columns, TCF purpose numbers)."""

    def __init__(self, *args: Any, numbers: bool = False, **kwargs: Any) -> None:
        self.numbers = numbers
        super().__init__(*args, **kwargs)

    def to_text(self, value: Any) -> str:
        return ", ".join(str(v) for v in value)

    def from_text(self, text: str) -> Any:
        items = split_list(text)
        return tuple(int(i) for i in items) if self.numbers else tuple(items)


class IntField(TextField):
    def from_text(self, text: str) -> Any:
        return int(text)


class ChoiceField(Field):
    """One of a few values (or none when ``blank`` names what none means)."""

    def __init__(
        self,
        name: str,
        label: str,
        original: Any,
        options: Sequence[tuple[str, Any]],
        *,
        blank: str | None = "(not set)",
        help: str = "",
        target: str = "",
    ) -> None:
        super().__init__(name, label, original, help=help, target=target)
        self.options = list(options)
        if original is not None and original not in [v for _l, v in self.options]:
            self.options.append((f"{original} (not defined)", original))
        self.blank = blank

    def make(self) -> Widget:
        options = [(Content(visible(label)), value) for label, value in self.options]
        value = self.original if self.original is not None else Select.NULL
        self.widget = Select(
            options,
            value=value,
            allow_blank=self.blank is not None,
            prompt=self.blank or "",
            compact=True,
            id=self.widget_id,
        )
        return self.widget

    def value(self) -> Any:
        assert isinstance(self.widget, Select)
        chosen = self.widget.value
        return None if chosen is Select.NULL else chosen


class MultiField(Field):
    """Several ids chosen from a list (a service's purposes); keeps the file's order."""

    def __init__(
        self,
        name: str,
        label: str,
        original: tuple[str, ...] | None,
        options: Sequence[tuple[str, str]],
        *,
        help: str = "",
    ) -> None:
        super().__init__(name, label, original, help=help)
        self.options = list(options)
        known = {v for _l, v in self.options}
        for value in original or ():
            if value not in known:
                self.options.append((f"{value} (not defined)", value))

    def make(self) -> Widget:
        chosen = set(self.original or ())
        self.widget = SelectionList[str](
            *[(Content(visible(label)), value, value in chosen) for label, value in self.options],
            id=self.widget_id,
        )
        return self.widget

    def value(self) -> Any:
        assert isinstance(self.widget, SelectionList)
        selected = set(self.widget.selected)
        before = tuple(self.original or ())
        if selected == set(before):
            return self.original
        kept = [v for v in before if v in selected]
        added = [v for _l, v in self.options if v in selected and v not in before]
        return tuple(kept + added)


class TranslatedField(Field):
    """A text in every language of the catalogue, one shown at a time."""

    def __init__(
        self,
        name: str,
        label: str,
        original: Text | None,
        *,
        lang: str,
        default: str,
        single: bool,
        long: bool = False,
        help: str = "",
        target: str = "",
    ) -> None:
        super().__init__(name, label, original, help=help, target=target)
        self.long = long
        self.lang = lang
        self.default = default
        self.single = single  # the catalogue has one language: write plain strings
        values = dict(original.values) if original is not None else {}
        self.shown = {code: visible(text, multiline=long) for code, text in values.items()}
        self.edits = dict(self.shown)

    def make(self) -> Widget:
        text = self.edits.get(self.lang, "")
        if self.long:
            self.widget = TextArea(
                text,
                id=self.widget_id,
                soft_wrap=True,
                compact=True,
                show_line_numbers=False,
                tab_behavior="focus",
            )
        else:
            self.widget = Input(text, compact=True, id=self.widget_id)
        self._placeholder()
        return self.widget

    def _current(self) -> str:
        if isinstance(self.widget, TextArea):
            return self.widget.text
        assert isinstance(self.widget, Input)
        return self.widget.value

    def _placeholder(self) -> None:
        hint = "" if self.lang == self.default else self.shown.get(self.default, "")
        hint = f"{self.default}: {hint}" if hint else f"(no {self.lang} text)"
        if isinstance(self.widget, (TextArea, Input)):
            self.widget.placeholder = hint.replace("\n", " ")

    def set_language(self, lang: str) -> None:
        self.edits[self.lang] = self._current()
        self.lang = lang
        text = self.edits.get(lang, "")
        if isinstance(self.widget, TextArea):
            self.widget.load_text(text)
        elif isinstance(self.widget, Input):
            self.widget.value = text
        self._placeholder()

    def value(self) -> Any:
        self.edits[self.lang] = self._current()
        result = self.original
        for code, text in self.edits.items():
            if text == self.shown.get(code, ""):
                continue
            new = text.strip() or None
            if result is None:
                if new is None:
                    continue
                result = Text({code: new}, plain=self.single and code == self.default)
            else:
                result = result.with_value(code, new)
        if result is not None and not result.values:
            return None
        return result
