"""The same cookie declared twice, or patterns that overlap, on the same domain.

Cookies are grouped by storage kind and domain. Exact names meet in a dict;
patterns (``*`` stands for any text) are indexed by their literal prefix and
suffix, so a name is compared only with the patterns that could match it and
the check stays linear in the number of cookies.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Final, NamedTuple
from urllib.parse import urlsplit

from consent_tui.core.rules.base import Context, Loc, Rule, cookie_loc, is_blank

FAMILY = "duplicates"

DUPLICATE_COOKIE = Rule(
    "duplicate-cookie",
    "error",
    FAMILY,
    "The same cookie name is declared twice for the same kind of storage and domain.",
    "Visitors see the cookie twice, possibly with different durations or purposes, and the "
    "banner cannot tell which service's consent governs it.",
    "Keep one declaration; if two services really share the cookie, declare it in the service "
    "that sets it.",
    bad="""\
[[services.stats.cookies]]
name = "session"
duration = "session"
""",
    good="""\
[[services.stats.cookies]]
name = "_stats"
duration = "13 months"
""",
)
OVERLAPPING_PATTERN = Rule(
    "overlapping-cookie-pattern",
    "warning",
    FAMILY,
    "A cookie pattern (with `*`) matches a name, or overlaps a pattern, declared elsewhere "
    "on the same domain.",
    "One cookie would be described twice, and a banner that deletes cookies by pattern could "
    "remove a cookie another category still needs.",
    "Make the pattern narrower (a longer literal part), or remove the cookie it already covers.",
    bad="""\
[[services.stats.cookies]]
name = "_stats"
duration = "13 months"

[[services.stats.cookies]]
name = "_st*"
duration = "1 day"
""",
    good="""\
[[services.stats.cookies]]
name = "_stats"
duration = "13 months"

[[services.stats.cookies]]
name = "_stats_day_*"
duration = "1 day"
""",
)
BROAD_PATTERN = Rule(
    "too-broad-pattern",
    "warning",
    FAMILY,
    "A cookie pattern has no literal text at all (`*`), so it matches every cookie.",
    "A pattern that matches everything says nothing to visitors and makes a banner delete "
    "every cookie of the domain, including strictly necessary ones.",
    "List the cookies by name, or give the pattern its fixed part (`_ga_*`).",
    bad="""\
[[services.stats.cookies]]
name = "*"
duration = "13 months"
""",
    good="""\
[[services.stats.cookies]]
name = "_stats_*"
duration = "13 months"
""",
)

RULES: Final = (DUPLICATE_COOKIE, OVERLAPPING_PATTERN, BROAD_PATTERN)


class _Entry(NamedTuple):
    seq: int
    si: int
    sid: str
    ci: int
    name: str

    def loc(self) -> Loc:
        return cookie_loc(self.si, self.sid, self.ci, self.name)

    def where(self) -> str:
        return f"`{self.name}` of service `{self.sid}`"


@dataclass(slots=True)
class _Group:
    names: dict[str, _Entry] = field(default_factory=dict)
    literals: list[_Entry] = field(default_factory=list)
    patterns: list[_Entry] = field(default_factory=list)


def _storage(kind: str | None) -> str:
    return "cookie" if kind is None or kind == "http_cookie" else kind


def _host(domain: str | None, site: str) -> str:
    if domain is None or is_blank(domain):
        return site
    return domain.strip().lower().lstrip(".")


def _site_host(url: str | None) -> str:
    try:
        return (urlsplit(url).hostname or "") if url else ""
    except ValueError:
        return ""


def check(ctx: Context) -> None:
    site = _site_host(ctx.catalogue.policy.site_url)
    groups: dict[tuple[str, str], _Group] = {}
    by_raw: dict[tuple[str | None, str | None], tuple[str, _Group]] = {}  # (type, domain)
    make = tuple.__new__  # builds an _Entry without NamedTuple's Python-level __new__
    seq = 0
    for si, (sid, service) in enumerate(ctx.catalogue.services.items()):
        for ci, cookie in enumerate(service.cookies):
            name = cookie.name
            if not name or name.isspace():
                continue
            raw = (cookie.type, cookie.domain)
            found = by_raw.get(raw)
            if found is None:
                key = (_storage(raw[0]), _host(raw[1], site))
                group = groups.get(key)
                if group is None:
                    group = groups[key] = _Group()
                found = by_raw[raw] = (key[1], group)
            host, group = found
            entry: _Entry = make(_Entry, (seq, si, sid, ci, name))
            seq += 1
            first = group.names.get(name)
            if first is not None:
                loc = entry.loc()
                ctx.report(
                    DUPLICATE_COOKIE,
                    loc,
                    f"{loc.label} is already declared as {first.where()}"
                    + (f" (domain {host})" if host else ""),
                    field="name",
                )
                continue
            group.names[name] = entry
            if "*" in name:
                group.patterns.append(entry)
                if not name.replace("*", ""):
                    loc = entry.loc()
                    ctx.report(BROAD_PATTERN, loc, f"{loc.label} matches every name", field="name")
            else:
                group.literals.append(entry)
    for group in groups.values():
        if group.patterns:
            _overlaps(ctx, group)


_Report = Callable[[_Entry, _Entry, str], None]


class _Pattern(NamedTuple):
    entry: _Entry
    prefix: str
    suffix: str
    middles: tuple[str, ...]

    def matches(self, name: str) -> bool:
        """Whether the literal ``name`` matches (prefix and suffix already checked)."""
        pos, end = len(self.prefix), len(name) - len(self.suffix)
        for part in self.middles:
            found = name.find(part, pos, end)
            if found < 0:
                return False
            pos = found + len(part)
        return pos <= end


def _split(entry: _Entry) -> _Pattern:
    parts = entry.name.split("*")
    return _Pattern(entry, parts[0], parts[-1], tuple(p for p in parts[1:-1] if p))


def _overlaps(ctx: Context, group: _Group) -> None:
    patterns = [_split(e) for e in group.patterns]
    # Only prefixes and suffixes as long as some pattern's can tell patterns apart.
    p_lens = sorted({len(p.prefix) for p in patterns})
    s_lens = sorted({len(p.suffix) for p in patterns})
    by_ends: dict[tuple[str, str], list[_Pattern]] = {}
    for p in patterns:
        by_ends.setdefault((p.prefix, p.suffix), []).append(p)
    reported: set[int] = set()

    def report(later: _Entry, earlier: _Entry, verb: str) -> None:
        if later.seq in reported:
            return
        reported.add(later.seq)
        loc = later.loc()
        ctx.report(OVERLAPPING_PATTERN, loc, f"{loc.label} {verb} {earlier.where()}", field="name")

    for lit in group.literals:
        name, size = lit.name, len(lit.name)
        for k in p_lens:
            if k > size:
                break
            head = name[:k]
            for j in s_lens:
                if k + j > size:
                    break
                for p in by_ends.get((head, name[size - j :]), ()):
                    if p.middles and not p.matches(name):
                        continue
                    if p.entry.seq < lit.seq:
                        report(lit, p.entry, "is also matched by the pattern")
                    else:
                        report(p.entry, lit, "also matches")
    _pattern_pairs(patterns, p_lens, s_lens, report)


def _pattern_pairs(
    patterns: list[_Pattern], p_lens: list[int], s_lens: list[int], report: _Report
) -> None:
    """Report each pattern that overlaps an earlier one.

    Two patterns overlap when one prefix starts the other and one suffix ends the
    other. Four dicts answer the four combinations; keys are cut only at the
    lengths some pattern has, so each insertion and query costs a few lookups.
    """
    exact: dict[tuple[str, str], _Entry] = {}  # (prefix, suffix)
    longer_p: dict[tuple[str, str], _Entry] = {}  # (start of prefix, suffix)
    longer_s: dict[tuple[str, str], _Entry] = {}  # (prefix, end of suffix)
    longer_both: dict[tuple[str, str], _Entry] = {}  # (start of prefix, end of suffix)
    for p in patterns:  # in file order: everything indexed is earlier
        pre, suf = p.prefix, p.suffix
        found: list[_Entry] = []
        for k in p_lens:
            if k > len(pre):
                break
            head = pre[:k]
            for j in s_lens:
                if j > len(suf):
                    break
                hit = exact.get((head, suf[len(suf) - j :]))
                if hit is not None:
                    found.append(hit)
            hit = longer_s.get((head, suf))
            if hit is not None:
                found.append(hit)
        for j in s_lens:
            if j > len(suf):
                break
            hit = longer_p.get((pre, suf[len(suf) - j :]))
            if hit is not None:
                found.append(hit)
        hit = longer_both.get((pre, suf))
        if hit is not None:
            found.append(hit)
        if found:
            report(p.entry, min(found), "overlaps the pattern")
        exact.setdefault((pre, suf), p.entry)
        for k in p_lens:
            if k > len(pre):
                break
            longer_p.setdefault((pre[:k], suf), p.entry)
            for j in s_lens:
                if j > len(suf):
                    break
                longer_both.setdefault((pre[:k], suf[len(suf) - j :]), p.entry)
        for j in s_lens:
            if j > len(suf):
                break
            longer_s.setdefault((pre, suf[len(suf) - j :]), p.entry)
