"""What an import tells its user: what it read, what it made, what it guessed, what to review."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field

from consent_tui.core.rules.problem import Problem

MAX_LISTED = 12


@dataclass
class Summary:
    """The summary of one import; :meth:`lines` is its text."""

    sources: list[str]
    kind: str  # "tables", "klaro", "cookieconsent"
    languages: tuple[str, ...]
    categories: int
    services: int
    cookies: int
    tables_found: int = 0
    tables_read: int = 0
    skipped: list[str] = field(default_factory=list)
    guesses: list[str] = field(default_factory=list)
    reviews: int = 0
    remarks: list[str] = field(default_factory=list)
    differences: list[str] = field(default_factory=list)
    problems: list[Problem] = field(default_factory=list)

    @property
    def counts(self) -> Counter[str]:
        return Counter(p.severity for p in self.problems)

    def lines(self, output: str) -> list[str]:
        """The summary as lines of text; ``output`` names the written catalogue."""
        shown = "standard output" if output == "-" else output
        out = [f"imported {', '.join(self.sources)} into {shown}"]
        if self.kind == "tables":
            read = f"{self.tables_read} cookie table{'s' if self.tables_read != 1 else ''} read"
            if self.tables_found != self.tables_read:
                word = "of" if self.tables_found > self.tables_read else "from"
                read += f" ({word} {_n(self.tables_found, 'table')})"
            out.append(f"  tables: {read}")
            out += [f"    skipped: {line}" for line in self.skipped[:MAX_LISTED]]
        else:
            out.append(f"  configuration: {self.kind}")
        out.append(
            f"  catalogue: {_n(self.categories, 'category', 'categories')}, "
            f"{_n(self.services, 'service')}, {_n(self.cookies, 'cookie')}; "
            f"language{'s' if len(self.languages) > 1 else ''} {', '.join(self.languages)}"
        )
        if self.guesses:
            out.append(f'  guessed ({len(self.guesses)}; marked "review:" in the file):')
            out += _listed(self.guesses)
        if self.reviews:
            out.append(f'  to review: {self.reviews} places marked "review:" in {shown}')
        if self.remarks:
            out.append("  notes:")
            out += _listed(self.remarks)
        if self.kind == "tables":
            if self.differences:
                out.append("  the export does not reproduce every cell:")
                out += _listed(self.differences)
            else:
                out.append("  the export reproduces every table cell for cell")
        counts = self.counts
        if self.problems:
            out.append(
                f"  validation: {_n(counts['error'], 'error')}, {_n(counts['warning'], 'warning')}"
                + (
                    f"; fix the errors before `consent-tui export {output}` (or use --force)"
                    if counts["error"]
                    else ""
                )
            )
            listed = [p for p in self.problems if p.severity != "info"]
            for problem in listed[:MAX_LISTED]:
                place = f"{output}:{problem.line}:{problem.col}" if problem.line else output
                out.append(f"    {place}: {problem.severity}[{problem.rule}]: {problem.message}")
            if len(listed) > MAX_LISTED:
                out.append(
                    f"    … and {len(listed) - MAX_LISTED} more: consent-tui validate {output}"
                )
        else:
            out.append("  validation: no problems")
        return out


def _n(count: int, word: str, plural: str | None = None) -> str:
    return f"{count} {word if count == 1 else plural or word + 's'}"


def _listed(items: list[str]) -> list[str]:
    out = [f"    - {item}" for item in items[:MAX_LISTED]]
    if len(items) > MAX_LISTED:
        out.append(f"    - … and {len(items) - MAX_LISTED} more")
    return out
