"""The change rules: stable ids, one-line reasons, and docs/diff.md generated from them."""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

from consent_tui.core.changes import IMPACTS, RULES, all_rules, docs
from tests.conftest import ROOT

PAGE = ROOT / "docs" / "diff.md"


def test_ids_are_unique_kebab_case_and_classed() -> None:
    ids = [r.id for r in all_rules()]
    assert len(ids) == len(set(ids)) == len(RULES)
    for rule in all_rules():
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rule.id), rule.id
        assert rule.impact in IMPACTS
        assert rule.when.endswith(".") and rule.reason.endswith(".")
        assert "\n" not in rule.reason and len(rule.reason) <= 100, rule.id


def test_material_rules_come_first() -> None:
    impacts = [r.impact for r in all_rules()]
    assert impacts == sorted(impacts, key=IMPACTS.index)


def test_docs_diff_md_holds_the_generated_table() -> None:
    page = PAGE.read_text(encoding="utf-8")
    assert docs.block(page) == docs.render(), "run: python -m consent_tui.core.changes.docs --write"


def test_every_rule_is_a_table_row_of_four_cells() -> None:
    page = PAGE.read_text(encoding="utf-8")
    rows = [line for line in docs.render().splitlines() if line.startswith("| `")]
    assert len(rows) == len(RULES)
    for rule, row in zip(all_rules(), rows, strict=True):
        assert row.startswith(f"| `{rule.id}` |")
        assert len(re.findall(r"(?<!\\)\|", row)) == 5
    tables = [
        t for t in MarkdownIt("commonmark").enable("table").parse(page) if t.type == "table_open"
    ]
    assert len(tables) >= 4


def test_docs_name_every_output_key() -> None:
    page = PAGE.read_text(encoding="utf-8")
    for key in ("diff_version", "needs_revision", "revision_raised", "bumped", "changelog_entry",
                "old_line", "old_path", "impact", "reason"):  # fmt: skip
        assert f"`{key}`" in page, key
