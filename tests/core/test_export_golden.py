"""Every document format x every sample x its languages (English, French), compared byte for byte.

Rewrite the golden files with ``UPDATE_GOLDEN=1 uv run pytest tests/core/test_export_golden.py``
and read ``git diff tests/golden/export`` before committing them.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from consent_tui.core.export import registry
from consent_tui.core.export.registry import ExportOptions
from consent_tui.core.store import load
from tests.conftest import ROOT, sample_paths

GOLDEN = ROOT / "tests" / "golden" / "export"
LANGS = ("en", "fr")
# (format, file-name tag, options)
VARIANTS = [
    ("markdown", "", {}),
    ("html", "", {}),
    ("html", ".fragment", {"fragment": True}),
    ("text", "", {}),
    ("text", ".w120", {"width": 120}),
    ("csv", "", {}),
]


def check_golden(path: Path, text: str) -> None:
    """Compare ``text`` with the golden file, or rewrite it when UPDATE_GOLDEN=1."""
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8"))
        return
    assert path.exists(), f"{path} is missing: run with UPDATE_GOLDEN=1 and review the diff"
    expected = path.read_bytes().decode("utf-8")
    assert text == expected, f"{path.name} differs from the export (UPDATE_GOLDEN=1 rewrites it)"


def _languages(sample: Path) -> tuple[str, ...]:
    """The languages of the sample among English and French (minimal.toml: English only)."""
    declared = load(sample).catalogue.languages
    return tuple(lang for lang in LANGS if lang in declared)


def _cases() -> list[tuple[Path, str, str, str, dict[str, object]]]:
    return [
        (sample, fmt, tag, lang, options)
        for sample in sample_paths()
        for fmt, tag, options in VARIANTS
        for lang in _languages(sample)
    ]


@pytest.mark.parametrize(
    ("sample", "fmt", "tag", "lang", "options"),
    _cases(),
    ids=lambda v: v.stem if isinstance(v, Path) else (v if isinstance(v, str) else None),
)
def test_document_formats(
    sample: Path, fmt: str, tag: str, lang: str, options: dict[str, object]
) -> None:
    exporter = registry.get(fmt)
    result = exporter.render(load(sample).catalogue, ExportOptions(lang=lang, **options))  # type: ignore[arg-type]
    name = f"{sample.stem}{tag}.{lang}.{exporter.extension}"
    check_golden(GOLDEN / name, result.text)


@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: p.stem)
def test_json(sample: Path) -> None:
    result = registry.get("json").render(load(sample).catalogue, ExportOptions())
    check_golden(GOLDEN / f"{sample.stem}.json", result.text)


@pytest.mark.parametrize("sample", sample_paths(), ids=lambda p: p.stem)
def test_json_ignores_language(sample: Path) -> None:
    """One JSON export holds every language, whatever --lang says."""
    catalogue = load(sample).catalogue
    json = registry.get("json")
    assert json.render(catalogue, ExportOptions(lang="fr")) == json.render(
        catalogue, ExportOptions()
    )


def test_every_sample_has_goldens_and_no_stale_ones() -> None:
    """A golden file per case, and none left over from a removed sample or variant."""
    expected = {f"{s.stem}.json" for s in sample_paths()}
    for sample, fmt, tag, lang, _ in _cases():
        expected.add(f"{sample.stem}{tag}.{lang}.{registry.get(fmt).extension}")
    present = {p.name for p in GOLDEN.glob("*.*") if p.is_file()}
    assert present == expected
