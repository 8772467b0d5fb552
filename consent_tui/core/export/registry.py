"""The export formats, shared by the CLI and the editor.

Each format module defines an :class:`Exporter` and is listed in ``_MODULES``;
modules are imported on first use so that start-up stays fast.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from consent_tui.core.model import Catalogue


@dataclass(frozen=True, slots=True)
class ExportOptions:
    """What the user asked for besides the format."""

    lang: str | None = None  # None: the catalogue's default language
    width: int = 80  # text format
    fragment: bool = False  # html: a fragment to embed, not a whole page
    tables_only: bool = False  # documents: headings and tables only (also a layout key)
    template: Path | None = None  # a user template overriding the bundled one
    templates_dir: Path | None = None  # the user's template folder (paths.templates_dir())


@dataclass(frozen=True, slots=True)
class ExportResult:
    """The exported text, and notes for stderr (e.g. translation fallbacks)."""

    text: str
    notes: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class Exporter:
    """A format: its name, file extension, and the function that renders it."""

    name: str
    extension: str  # without the dot: "md", "html", "js" ...
    description: str
    render: Callable[[Catalogue, ExportOptions], ExportResult]
    per_language: bool = True  # False: one output holds every language
    options: frozenset[str] = field(default_factory=frozenset)  # ExportOptions it reads


# format name -> module defining EXPORTER; order is the order shown to users.
_MODULES: dict[str, str] = {
    "markdown": "consent_tui.core.export.markdown",
    "html": "consent_tui.core.export.html",
    "text": "consent_tui.core.export.plaintext",
    "json": "consent_tui.core.export.jsonexport",
    "csv": "consent_tui.core.export.csvexport",
    "klaro": "consent_tui.core.export.klaro",
    "cookieconsent": "consent_tui.core.export.cookieconsent",
    "tcf-disclosures": "consent_tui.core.export.tcf",
    "consent-mode": "consent_tui.core.export.consent_snippet",
}


def names() -> list[str]:
    return list(_MODULES)


def get(name: str) -> Exporter:
    """The exporter for ``name``; ``KeyError`` when there is none."""
    module = importlib.import_module(_MODULES[name])
    exporter: Exporter = module.EXPORTER
    return exporter
