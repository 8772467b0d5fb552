"""The installed copy in words: where from, how big, and the quirks its reader counted."""

from __future__ import annotations

from typing import Any

from consent_tui.core.known.installation import SourceInfo

SHOWN_UNPARSED = 5


def _n(value: Any) -> str:
    return f"{value:,}" if isinstance(value, int) else "?"


def _counts(items: dict[str, Any], limit: int) -> str:
    shown = [f"{text or '(empty)'!r} ×{count}" for text, count in list(items.items())[:limit]]
    if len(items) > limit:
        shown.append(f"and {len(items) - limit} more")
    return ", ".join(shown)


def describe(info: SourceInfo, title: str) -> str:
    """``title`` ("Installed the Open Cookie Database"), the size, then one line per fact."""
    report = info.report
    rows = "rows" if info.kind == "csv" else "records"
    lines = [
        f"{title}: {_n(info.entries)} entries of {_n(info.platforms)} platforms ({info.licence}).",
        f"  source      {info.source}",
        f"  retrieved   {info.retrieved}"
        + (f" (last modified {info.last_modified})" if info.last_modified else ""),
        f"  file        {info.file} ({info.kind.upper()}, {_n(info.rows)} {rows})",
    ]
    unparsed: dict[str, Any] = report.get("retention_unparsed") or {}
    if "retention_spellings" in report:
        count = sum(v for v in unparsed.values() if isinstance(v, int))
        line = (
            f"  retention   {_n(report['retention_spellings'])} spellings: "
            f"{_n(report.get('retention_parsed'))} read as durations"
        )
        if unparsed:
            shown = _counts(unparsed, SHOWN_UNPARSED)
            line += f", {len(unparsed)} not ({_n(count)} {rows}): {shown}"
        lines.append(line)
    off_list: dict[str, Any] = report.get("off_list_categories") or {}
    if off_list:
        lines.append(f"  categories  outside the database's list: {_counts(off_list, 10)}")
    if "no_domain" in report:
        lines.append(
            f"  domains     {_n(report['no_domain'])} {rows} without one; "
            f'{_n(report.get("third_party_domains"))} say "(3rd party)"'
        )
    if report.get("shared_names"):
        lines.append(
            f"  names       {_n(report['shared_names'])} listed by more than one entry "
            "(told apart by domain where one is known); "
            f"{_n(report.get('star_names'))} written with '*'"
        )
    warnings: dict[str, Any] = report.get("warnings") or {}
    total = sum(v for v in warnings.values() if isinstance(v, int))
    kinds = ", ".join(f"{k} ×{v}" for k, v in warnings.items())
    lines.append(f"  warnings    {_n(total)} ({kinds})" if total else "  warnings    none")
    lines.append(f"  attribution {info.attribution}")
    return "\n".join(lines) + "\n"
