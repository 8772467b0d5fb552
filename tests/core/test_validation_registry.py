"""The rule registry: stable ids, documented rules, examples that do what they say."""

from __future__ import annotations

import re

import pytest

from consent_tui.core.rules import FAMILIES, RULES, all_rules, docs, known
from consent_tui.core.validation import SEVERITIES
from tests.conftest import ROOT
from tests.core.validation_support import check, compose, rules_of

# The known-cookie database rules need a database: tests/core/test_known_rules.py
# runs their examples against a fixture one.
EXAMPLES = [
    r for r in all_rules() if r.bad and r.family != "files" and r not in known.DATABASE_RULES
]


def test_ids_are_unique_kebab_case() -> None:
    ids = [r.id for r in all_rules()]
    assert len(ids) == len(set(ids)) == len(RULES)
    for rule_id in ids:
        assert re.fullmatch(r"[a-z0-9]+(?:-[a-z0-9]+)*", rule_id), rule_id


def test_every_rule_is_documented() -> None:
    for rule in all_rules():
        assert rule.severity in SEVERITIES
        assert rule.summary.endswith(".") and rule.why and rule.fix, rule.id
        if rule.family not in ("files", "baseline"):  # baseline: needs a second catalogue
            assert rule.bad and rule.good, f"{rule.id} has no example"


def test_every_family_has_a_check() -> None:
    for family in FAMILIES:
        assert family.RULES
        assert family.FAMILY == "files" or callable(family.check)


def test_regulatory_rules_name_their_source() -> None:
    sources = {r.id: r.source for r in all_rules()}
    assert "Planet49" in sources["missing-duration"]
    assert "2020-09" in sources["lifetime-over-13-months"]
    assert "2020-092" in sources["consent-lifetime-too-long"]
    assert "5(3)" in sources["missing-required-field"]
    assert "13(1)(f)" in sources["transfer-without-safeguard"]
    assert "44-49" in sources["transfer-without-safeguard"]
    assert "TCF" in sources["tcf-purpose-needs-consent"]


@pytest.mark.parametrize("rule", EXAMPLES, ids=lambda r: r.id)
def test_problem_example_triggers_its_rule(rule) -> None:  # type: ignore[no-untyped-def]
    assert rule.id in rules_of(check(compose(rule.bad)))


@pytest.mark.parametrize("rule", EXAMPLES, ids=lambda r: r.id)
def test_fixed_example_is_clean(rule) -> None:  # type: ignore[no-untyped-def]
    assert [(p.rule, p.message) for p in check(compose(rule.good))] == []


def test_docs_rules_md_is_generated_from_the_registry() -> None:
    committed = (ROOT / "docs" / "rules.md").read_text(encoding="utf-8")
    assert committed == docs.render(), "run: python -m consent_tui.core.rules.docs > docs/rules.md"


def test_docs_list_every_rule_with_its_severity() -> None:
    text = docs.render()
    for rule in all_rules():
        entry = text.split(f"### {rule.id}\n", 1)[1].split("### ", 1)[0]
        assert f"**Severity:** {rule.severity}" in entry
        assert "**Why:**" in entry and "**How to fix:**" in entry
