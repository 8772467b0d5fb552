"""Binding ids users can remap in the config file, and a check for typos.

The app hands in its own class (this module does not import the app, which uses it).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from textual.binding import Binding


def binding_classes() -> list[type]:
    """Every class of the editor below the app that declares bindings."""
    from consent_tui.ui.dialogs.confirm import ConfirmDelete
    from consent_tui.ui.dialogs.export import ExportScreen
    from consent_tui.ui.dialogs.form import EntityForm
    from consent_tui.ui.dialogs.help import HelpScreen
    from consent_tui.ui.screens.editor import EditorScreen
    from consent_tui.ui.views.preview import PreviewView
    from consent_tui.ui.views.table_view import TableView
    from consent_tui.ui.widgets.grid import Grid
    from consent_tui.ui.widgets.line_view import LineView

    return [
        EditorScreen,
        TableView,
        Grid,
        PreviewView,
        LineView,
        EntityForm,
        ConfirmDelete,
        HelpScreen,
        ExportScreen,
    ]


def known_ids(classes: Iterable[type] | None = None) -> dict[str, Binding]:
    """Binding id -> binding, over the editor's classes (and their bases)."""
    found: dict[str, Binding] = {}
    for cls in classes if classes is not None else binding_classes():
        for base in cls.__mro__:
            for binding in base.__dict__.get("BINDINGS", []):
                if isinstance(binding, Binding) and binding.id:
                    found.setdefault(binding.id, binding)
    return found


def unknown_binding_ids(keymap: Mapping[str, str], app: type) -> list[str]:
    """The ids in ``keymap`` that no binding of ``app`` (the app's class) or its views has."""
    known = known_ids([app, *binding_classes()])
    return sorted(k for k in keymap if k not in known)
