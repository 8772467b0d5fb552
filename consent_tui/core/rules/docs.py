"""Write ``docs/rules.md`` from the rule registry: ``python -m consent_tui.core.rules.docs``.

The registry is the one source of the rules' documentation; a test checks that
the committed ``docs/rules.md`` is what this module writes.
"""

from __future__ import annotations

import re
import sys

from consent_tui.core.rules import FAMILIES
from consent_tui.core.rules.base import Rule

# A TOML table name written bare in a rule's prose: shown as code in Markdown.
_TABLE = re.compile(r"(?<!\[)(\[\[?[^\]\s`]+\]\]?)(?!\])")


def _md(text: str) -> str:
    """Prose as Markdown: TOML table names as code, ``<`` escaped so it is not HTML."""
    out = []
    for i, part in enumerate(re.split(r"(`[^`]*`)", text)):  # leave code spans as they are
        if i % 2:
            out.append(part)
            continue
        for j, piece in enumerate(_TABLE.split(part)):
            out.append(f"`{piece}`" if j % 2 else piece.replace("<", "\\<"))
    return "".join(out)


_FAMILY_TITLES = {
    "required": "Required fields",
    "types": "Types",
    "values": "Allowed values",
    "document": "Document settings",
    "layout": "Document layout",
    "references": "References",
    "duplicates": "Duplicates",
    "urls": "URLs, domains and paths",
    "durations": "Durations",
    "lifetimes": "Lifetimes",
    "translations": "Translations",
    "transfers": "Third parties and transfers",
    "consent": "Consent logic",
    "known": "Known cookies",
    "unknown-keys": "Unknown keys",
    "banner": "Banner settings",
    "consent-mode": "Google consent mode",
    "changelog": "Changelog",
    "baseline": "Changes since a baseline",
    "audit": "Audit settings",
    "review": "Drafts to review",
    "files": "Files",
}

INTRO = """\
# Validation rules

`consent-tui validate FILE [FILE ...]` checks catalogues against the rules below; the
editor's problems panel shows the same problems. Each rule has a stable id, used in the
output (`policy.toml:12:1: error[missing-duration]: ...`), in `--ignore RULE`, and in
`consent-tui validate --explain RULE`, which prints the entry of this page.

Severities:

- **error**: the catalogue is incomplete or wrong; `validate` exits with status 1 and
  `export` refuses to run (unless `--force`).
- **warning**: likely a mistake, or short of what regulators expect; exits 1 with `--strict`.
- **info**: worth a look; never fails.

Exit status: 0 no errors; 1 problems found (errors, or warnings with `--strict`); 2 a file
cannot be read or is not a catalogue, or a usage error.

The examples are fragments of a catalogue: each one is merged into a complete, valid
catalogue (in the languages the example declares, English otherwise; `necessary` and
`analytics` categories, `security` and `analytics` purposes, `site` and `stats` services),
and the test suite checks that every *problem* example triggers its rule and every *fixed*
example validates with no problem at all. This page is generated from the
rule registry (`python -m consent_tui.core.rules.docs > docs/rules.md`).

This linter helps; it is not legal advice. The sources name where each expectation comes
from, so you can read it there.
"""


def _anchor(rule: Rule) -> str:
    return rule.id


def _summary_table() -> list[str]:
    lines = ["| Rule | Severity | What it checks |", "| --- | --- | --- |"]
    for family in FAMILIES:
        for rule in family.RULES:
            lines.append(
                f"| [`{rule.id}`](#{_anchor(rule)}) | {rule.severity} | {_md(rule.summary)} |"
            )
    return lines


def _entry(rule: Rule) -> list[str]:
    out = [
        f"### {rule.id}",
        "",
        f"**Severity:** {rule.severity}",
        "",
        f"**What:** {_md(rule.summary)}",
        "",
        f"**Why:** {_md(rule.why)}",
        "",
    ]
    if rule.source:
        out += [f"**Source:** {rule.source}", ""]
    out += [f"**How to fix:** {_md(rule.fix)}", ""]
    if rule.bad:
        out += ["Problem:", "", "```toml", rule.bad.rstrip("\n"), "```", ""]
    if rule.good:
        out += ["Fixed:", "", "```toml", rule.good.rstrip("\n"), "```", ""]
    return out


def render() -> str:
    """The whole of ``docs/rules.md``."""
    lines = [INTRO, "## All rules", "", *_summary_table(), ""]
    for family in FAMILIES:
        lines += [f"## {_FAMILY_TITLES[family.FAMILY]}", ""]
        for rule in family.RULES:
            lines += _entry(rule)
    return "\n".join(lines).rstrip("\n") + "\n"


if __name__ == "__main__":
    sys.stdout.write(render())
