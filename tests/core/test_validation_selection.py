"""``validate(..., only=…)``: the kept rules' problems, exactly, without running the others.

``validate --ignore`` and ``export``'s check for errors pass the rule ids they
report; a rule family none of whose rules is wanted is not run at all, which
is only right if no family reports a rule that is not in its plan.
"""

from __future__ import annotations

import pytest

from benchmarks.generate import generate
from consent_tui.core import validation
from consent_tui.core.rules import PLAN, RULES, all_rules, known
from consent_tui.core.rules.base import Context
from consent_tui.core.store import load_text
from consent_tui.core.validation import error_rules, source_map, validate
from tests.conftest import ROOT, sample_paths
from tests.core.validation_support import compose


def _corpus() -> list[tuple[str, str]]:
    texts = [(p.name, p.read_text(encoding="utf-8")) for p in sample_paths()]
    for name in ("problems.toml", "warnings.toml"):
        texts.append((name, (ROOT / "tests" / "data" / "validate" / name).read_text("utf-8")))
    texts.append(("hostile.toml", (ROOT / "tests/golden/banners/hostile.toml").read_text("utf-8")))
    texts.append(("generated", generate(80, problems=True)))
    for rule in all_rules():
        if rule.bad and rule.family != "files" and rule not in known.DATABASE_RULES:
            texts.append((f"bad {rule.id}", compose(rule.bad)))
    return texts


CORPUS = _corpus()


def test_the_corpus_reports_most_rules() -> None:
    """The checks below see nearly every rule at work (but database and baseline rules)."""
    seen = {p.rule for _, text in CORPUS for p in validate(load_text(text))}
    outside = {"files", "baseline"}  # a file that cannot be read; a comparison with another one
    expected = {
        r.id for r in all_rules() if r.family not in outside and r not in known.DATABASE_RULES
    }
    assert expected - seen == set()


@pytest.mark.parametrize(("name", "text"), CORPUS, ids=[n for n, _ in CORPUS])
def test_no_family_reports_a_rule_outside_its_plan(name: str, text: str) -> None:
    catalogue = load_text(text)
    for check, reported in PLAN:
        ctx = Context(catalogue)
        check(ctx)
        assert {p.rule for p in ctx.problems(None)} <= reported, check.__module__


@pytest.mark.parametrize(("name", "text"), CORPUS, ids=[n for n, _ in CORPUS])
def test_only_keeps_exactly_the_problems_of_those_rules(name: str, text: str) -> None:
    catalogue = load_text(text)
    everything = validate(catalogue, source_map(text))
    for only in (
        error_rules(),
        frozenset(RULES) - {"missing-translation"},
        frozenset({"missing-translation"}),
        frozenset(),
    ):
        kept = validate(catalogue, source_map(text), only=only)
        assert kept == [p for p in everything if p.rule in only]


def test_a_family_with_no_wanted_rule_is_not_run(monkeypatch: pytest.MonkeyPatch) -> None:
    ran: list[str] = []

    def recording(check, reported):  # type: ignore[no-untyped-def]
        def run(ctx: Context) -> None:
            ran.append(check.__module__.rpartition(".")[2])
            check(ctx)

        return run, reported

    monkeypatch.setattr(validation, "PLAN", tuple(recording(c, r) for c, r in PLAN))
    catalogue = load_text(generate(20, problems=True))
    problems = validate(catalogue, only=error_rules())
    assert problems == []
    assert not {"translations", "consent", "unknown"} & set(ran)
    assert "required" in ran and "references" in ran
    ran.clear()
    validate(catalogue, only=frozenset(RULES) - {"missing-translation", "undeclared-language"})
    assert "translations" not in ran
    ran.clear()
    validate(catalogue)
    assert len(ran) == len(PLAN)


def test_error_rules_are_the_errors() -> None:
    assert error_rules() == {r.id for r in all_rules() if r.severity == "error"}
    assert "missing-translation" not in error_rules()
