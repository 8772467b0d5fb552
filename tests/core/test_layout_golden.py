"""The layout samples (tests/data/layouts, and the per-cookie German sample) in every
document format and each of their languages, compared byte for byte.

Each sample writes a page in the shape real sites publish (see the comment at its top).
Rewrite the golden files with ``UPDATE_GOLDEN=1 uv run pytest tests/core/test_layout_golden.py``
and read ``git diff tests/golden/layouts`` before committing them.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from consent_tui.core.export import registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.store import load
from tests.conftest import ROOT
from tests.core.test_export_golden import check_golden

LAYOUTS = ROOT / "tests" / "data" / "layouts"
GOLDEN = ROOT / "tests" / "golden" / "layouts"
SAMPLES = [*sorted(LAYOUTS.glob("*.toml")), ROOT / "sample_policies" / "fahrradladen.toml"]
VARIANTS = [
    ("markdown", "", {}),
    ("html", "", {}),
    ("html", ".fragment", {"fragment": True}),
    ("text", "", {}),
    ("markdown", ".tables-only", {"tables_only": True}),
]


def _cases() -> list[tuple[Path, str, str, str, dict[str, object]]]:
    return [
        (sample, fmt, tag, lang, options)
        for sample in SAMPLES
        for lang in load(sample).catalogue.languages
        for fmt, tag, options in VARIANTS
    ]


@pytest.mark.parametrize(
    ("sample", "fmt", "tag", "lang", "options"),
    _cases(),
    ids=lambda v: v.stem if isinstance(v, Path) else (v if isinstance(v, str) else None),
)
def test_layout_exports(
    sample: Path, fmt: str, tag: str, lang: str, options: dict[str, object]
) -> None:
    exporter = registry.get(fmt)
    catalogue = load(sample).catalogue
    result = exporter.render(catalogue, ExportOptions(lang=lang, **options))  # type: ignore[arg-type]
    check_golden(GOLDEN / f"{sample.stem}{tag}.{lang}.{exporter.extension}", result.text)


def test_every_option_and_language_has_a_sample() -> None:
    """The samples cover the seven built-in languages and every layout value."""
    from consent_tui.core.model.layout import GROUPINGS, ROW_KINDS, SERVICE_CELLS

    catalogues = [load(path).catalogue for path in SAMPLES]
    langs = {lang for c in catalogues for lang in c.languages}
    assert {"en", "fr", "de", "es", "it", "nl", "pt"} <= langs
    layouts = [c.document.effective_layout for c in catalogues]
    tables = [t for layout in layouts for t in (layout.table, *(layout.tables or {}).values())]
    assert {layout.effective_group_by for layout in layouts} == set(GROUPINGS)
    assert {t.option("rows") for t in tables} == set(ROW_KINDS)
    assert {t.option("service_cells") for t in tables if t.rows == "cookie"} == set(SERVICE_CELLS)
    assert {t.option("names") for t in tables} == {"words", "as_written"}
    assert {t.option("durations") for t in tables} == {"words", "as_written"}
    assert {t.header_row for t in tables} >= {False}
    assert any(t.separator not in (None, "\n") for t in tables)
    assert all(
        any(getattr(t, key) is not None for t in tables)
        for key in ("heading", "caption", "intro", "descriptions", "consent_note", "headers")
    )
    assert any(layout.tables_only for layout in layouts)
    assert any(layout.own_columns for layout in layouts) and any(layout.words for layout in layouts)
