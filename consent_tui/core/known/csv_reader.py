"""The Open Cookie Database CSV: a header naming its ten columns, then one row per entry.

Columns are found by their header names (in any order; extra ones ignored). A
missing column or broken quoting makes the file unusable (:class:`KnownDataError`,
with the line); a row with the wrong number of fields is skipped with a counted
warning.
"""

from __future__ import annotations

import csv
import io

from consent_tui.core.known.entry import KnownEntry
from consent_tui.core.known.errors import KnownDataError
from consent_tui.core.known.normalise import FIELDS, Normaliser
from consent_tui.core.known.report import ReadReport

HEADER = ",".join(column for column, _key in FIELDS.values())


def read_csv(text: str, name: str) -> tuple[list[KnownEntry], ReadReport]:
    """Entries and report of a CSV text (decoded, see :mod:`.files`)."""
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        header = next(reader, [])
    except csv.Error as exc:
        raise _quoting(exc, 1, name) from None
    columns = _columns([h.strip().removeprefix("\ufeff") for h in header], name)
    width = len(header)
    normaliser = Normaliser()
    start = reader.line_num + 1
    while True:
        try:
            row = next(reader, None)
        except csv.Error as exc:
            raise _quoting(exc, start, name) from None
        if row is None:
            break
        where = f"line {start}"
        start = reader.line_num + 1
        if not row or (len(row) == 1 and not row[0].strip()):
            continue  # a blank line
        if len(row) != width:
            normaliser.skip(
                where, "field-count", f"{len(row)} fields where the header has {width}: skipped"
            )
            continue
        normaliser.add(where, {key: row[i] for key, i in columns.items()})
    return normaliser.finish()


def _columns(header: list[str], name: str) -> dict[str, int]:
    """Our field name -> the index of its column; the file refused when one is missing."""
    index = {column: i for i, column in reversed(list(enumerate(header)))}
    found = {key: index[column] for key, (column, _j) in FIELDS.items() if column in index}
    if not found:
        shown = ",".join(header)[:80]
        raise KnownDataError(
            f"not an Open Cookie Database CSV: the first line is {shown!r}, not its header "
            f"({HEADER})",
            path=name,
            line=1,
        )
    missing = [column for key, (column, _j) in FIELDS.items() if key not in found]
    if missing:
        raise KnownDataError(
            "the header lacks the column"
            + ("s " if len(missing) > 1 else " ")
            + ", ".join(f"{m!r}" for m in missing),
            path=name,
            line=1,
        )
    return found


def _quoting(exc: csv.Error, start: int, name: str) -> KnownDataError:
    text = str(exc)
    if "end of data" in text or "EOF" in text:
        message = "a quoted field opened in this row is never closed (is the file cut short?)"
    elif "field larger than field limit" in text:
        message = "a field is far too long for a cookie database"
    else:
        message = f"broken quoting ({text})"
    return KnownDataError(message, path=name, line=start)
