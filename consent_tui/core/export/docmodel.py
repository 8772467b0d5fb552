"""The policy document as plain data: what every document format renders.

Built by :func:`consent_tui.core.export.document.build` from a catalogue and a
language; holds text only (already localised, with fallbacks resolved), never
markup. Templates reach these objects as ``doc``.
"""

from __future__ import annotations

from dataclasses import dataclass


class Foreign(str):
    """A text in another language than the document's; ``lang`` says which.

    What a fallback gives (a catalogue text missing in the document's language,
    or built-in texts of a language that has none); the HTML export marks it
    with ``lang``. Any other text of the document is in ``PolicyDocument.lang``.
    """

    lang: str

    def __new__(cls, text: str, lang: str) -> Foreign:
        self = super().__new__(cls, text)
        self.lang = lang
        return self


def lang_of(text: object) -> str | None:
    """The language of a :class:`Foreign` text; ``None`` for the document's language."""
    return text.lang if isinstance(text, Foreign) else None


def like(text: str, source: str) -> str:
    """``text`` (made from ``source``) in the language of ``source``."""
    return Foreign(text, source.lang) if isinstance(source, Foreign) and text else text


@dataclass(frozen=True, slots=True)
class Span:
    """A run of text: plain, a code name (``code``), or a link (``url`` is safe to link).

    ``lang`` is set when the text is not in the document's language.
    """

    text: str
    code: bool = False
    url: str | None = None
    lang: str | None = None

    @classmethod
    def of(cls, text: str, code: bool = False, url: str | None = None) -> Span:
        """A span whose ``lang`` is that of ``text`` (see :class:`Foreign`)."""
        return cls(text, code, url, lang_of(text))


@dataclass(frozen=True, slots=True)
class Item:
    """One line of a cell (a cookie, a purpose...) made of spans."""

    spans: tuple[Span, ...]

    @property
    def text(self) -> str:
        return "".join(span.text for span in self.spans)


@dataclass(frozen=True, slots=True)
class Cell:
    """A table cell: zero or more items, shown one per line.

    ``span`` is the number of rows the cell covers (HTML ``rowspan``); 0 for a
    cell covered by one above it, which HTML leaves out and the other formats
    show empty.
    """

    items: tuple[Item, ...] = ()
    span: int = 1

    @property
    def text(self) -> str:
        return "\n".join(item.text for item in self.items)


@dataclass(frozen=True, slots=True)
class Column:
    """A column: its id and header text; ``label`` names it when the header is empty."""

    id: str
    header: str
    label: str = ""


@dataclass(frozen=True, slots=True)
class Row:
    """One service, or one cookie of it; ``first`` on the first row of each service."""

    service_id: str
    cells: tuple[Cell, ...]
    first: bool = True


@dataclass(frozen=True, slots=True)
class Table:
    """A table; ``header_row`` false: written without its header row.

    ``spans`` says that some cells cover several rows; ``classic`` that the table
    is the plain kind (a caption, a header row with text in every header cell,
    no spanning cell), which the HTML template writes in its original markup.
    """

    caption: str
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    header_row: bool = True
    spans: bool = False

    @property
    def classic(self) -> bool:
        headers = all(column.header for column in self.columns)
        return bool(self.caption) and self.header_row and headers and not self.spans


@dataclass(frozen=True, slots=True)
class Section:
    """A standard section: heading, paragraphs, and optional detail lines (label: value)."""

    id: str
    title: str
    paragraphs: tuple[str, ...]
    details: tuple[Item, ...] = ()


@dataclass(frozen=True, slots=True)
class CategorySection:
    """A group of the document (a category, by default) with its description and table.

    ``title`` is its heading, empty for none (the one table of a document not
    grouped); the table's rows are services or cookies, as the layout says.
    """

    id: str
    title: str
    paragraphs: tuple[str, ...]
    consent: str | None  # the sentence saying whether consent is asked
    consent_required: bool | None
    table: Table
    empty_note: str | None  # shown instead of the table when no service is in it
    cookie_count: int


@dataclass(frozen=True, slots=True)
class ChangeEntry:
    """One ``[[policy.changelog]]`` entry: its date in words and as ISO, its text."""

    date: str
    date_iso: str
    paragraphs: tuple[str, ...]


@dataclass(frozen=True, slots=True)
class ChangesSection:
    """ "Changes to this policy": the changelog entries, newest first."""

    id: str
    title: str
    entries: tuple[ChangeEntry, ...]


@dataclass(frozen=True, slots=True)
class PolicyDocument:
    """The whole document in one language."""

    lang: str
    title: str
    intro: tuple[str, ...]
    before: tuple[Section, ...]  # what a cookie is, kinds of cookies
    cookies: Section | None  # "cookies used on <site>", introducing the tables
    categories: tuple[CategorySection, ...]
    after: tuple[Section, ...]  # consent management, browser settings, controller
    site_name: str | None
    site_url: str | None  # safe to link, or None
    updated: str | None  # localised date
    updated_iso: str | None
    labels: dict[str, str]  # localised words for templates ("last_updated", ...)
    notes: tuple[str, ...]  # fallbacks to report on stderr
    changes: ChangesSection | None = None  # the changelog, when the catalogue has one
    tables_only: bool = False  # only the groups' headings, descriptions and tables

    @property
    def sections(self) -> tuple[Section, ...]:
        """Every standard section, in order (the tables come after ``cookies``)."""
        return (*self.before, *((self.cookies,) if self.cookies else ()), *self.after)


def paragraphs(text: str) -> tuple[str, ...]:
    """Split on blank lines; single line breaks inside a paragraph become spaces.

    Each paragraph keeps the language of ``text`` (see :class:`Foreign`).
    """
    blocks = (" ".join(line.strip() for line in block.split("\n")) for block in text.split("\n\n"))
    return tuple(like(block.strip(), text) for block in blocks if block.strip())
