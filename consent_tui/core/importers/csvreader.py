"""CSV or TSV file -> one table: the delimiter sniffed, quoted line breaks kept.

The first row is the header when it names columns (the header words of
:mod:`vocabulary`); otherwise every row is data and the columns are found by
what their cells hold. A spreadsheet's byte-order mark is dropped by the
reader of the file, blank rows are skipped.
"""

from __future__ import annotations

import csv
import io

from consent_tui.core.importers.errors import SourceError
from consent_tui.core.importers.tables import SourceCell, SourceTable, clean_lines

DELIMITERS = ",;\t|"


def delimiter(text: str, tab: bool) -> str:
    """The delimiter: sniffed from the first lines, tab for a ``.tsv`` the sniffer doubts."""
    sample = "\n".join(text.splitlines()[:50])
    try:
        return csv.Sniffer().sniff(sample, delimiters=DELIMITERS).delimiter
    except csv.Error:
        if tab or ("\t" in sample and "," not in sample):
            return "\t"
        return ";" if sample.count(";") > sample.count(",") else ","


def read_csv(text: str, source: str, *, tab: bool = False) -> list[SourceTable]:
    """The file as one table; the header row is decided later, by its words."""
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter(text, tab))
    rows: list[tuple[SourceCell, ...]] = []
    try:
        for record in reader:
            if not any(field.strip() for field in record):
                continue
            rows.append(tuple(SourceCell(clean_lines(field)) for field in record))
    except csv.Error as exc:
        raise SourceError(
            f"not readable as CSV: {exc}", path=source, line=reader.line_num
        ) from None
    if not rows:
        raise SourceError("the file holds no rows", path=source)
    width = max(len(row) for row in rows)
    rows = [(*row, *(SourceCell(),) * (width - len(row))) for row in rows]
    return [SourceTable(source=source, number=1, rows=tuple(rows), line=1)]
