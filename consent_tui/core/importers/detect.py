"""What kind of source a text is: a page, Markdown, CSV/TSV, or a banner configuration.

``--from`` decides when given (``table`` lets the content choose between a
page, Markdown and CSV). Otherwise the extension, the fetched content type,
then the content: an HTML tag, a Markdown table's delimiter row, a Klaro or
vanilla-cookieconsent configuration's tell-tale keys, else CSV.
"""

from __future__ import annotations

import re
from typing import Final

from consent_tui.core.importers.errors import SourceError
from consent_tui.core.importers.reading import Source

KINDS: Final = ("table", "csv", "klaro", "cookieconsent")
_BY_EXTENSION: Final = {
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".md": "markdown",
    ".markdown": "markdown",
    ".csv": "csv",
    ".tsv": "tsv",
    ".tab": "tsv",
}
_BY_TYPE: Final = {
    "text/html": "html",
    "application/xhtml+xml": "html",
    "text/markdown": "markdown",
    "text/csv": "csv",
    "text/tab-separated-values": "tsv",
}
_HTML = re.compile(r"<(?:!doctype|html|table|body|div|h[1-6]|p|section)\b", re.IGNORECASE)
_MD_DELIMITER = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$", re.MULTILINE)
_KLARO = re.compile(r"\bklaroConfig\b|\bklaro\b.{0,40}\bsetup\b", re.DOTALL)
_COOKIECONSENT = re.compile(
    r"\bCookieConsent\b|\bpreferencesModal\b|\bautoClear\b|\bcookieconsent\b|\bconsentModal\b"
)
_JSON_KLARO = re.compile(r'["\']?services["\']?\s*:\s*\[')
_JSON_CC = re.compile(r'["\']?categories["\']?\s*:\s*\{')


def kind(source: Source, forced: str | None) -> str:
    """``html``, ``markdown``, ``csv``, ``tsv``, ``klaro`` or ``cookieconsent``."""
    if forced in ("klaro", "cookieconsent"):
        return forced
    if forced == "csv":
        return "tsv" if source.extension in (".tsv", ".tab") else "csv"
    found = _config(source)
    if found is not None and forced is None:
        return found
    by_name = _BY_EXTENSION.get(source.extension) or _BY_TYPE.get(source.content_type)
    if by_name is not None:
        return by_name
    text = source.text[:65536]
    if _HTML.search(text):
        return "html"
    if _MD_DELIMITER.search(text):
        return "markdown"
    if forced == "table" or "," in text or ";" in text or "\t" in text:
        return "csv"
    raise SourceError(
        "is neither a page with a table, Markdown, CSV, nor a Klaro or "
        "vanilla-cookieconsent configuration",
        path=source.name,
    )


def _config(source: Source) -> str | None:
    """``klaro`` or ``cookieconsent`` for a JavaScript or JSON configuration."""
    text = source.text[:1_000_000]
    stripped = text.lstrip()
    javascript = source.extension in (".js", ".mjs", ".cjs", ".json") or source.content_type in (
        "application/javascript",
        "text/javascript",
        "application/json",
    )
    if not javascript and not stripped.startswith(("{", "//", "/*", "var ", "const ", "let ")):
        return None
    if stripped.startswith("{"):  # JSON, or an object literal: its keys tell
        if _JSON_CC.search(text) and ("language" in text or "guiOptions" in text):
            return "cookieconsent"
        if _JSON_KLARO.search(text):
            return "klaro"
    if _KLARO.search(text):
        return "klaro"
    if _COOKIECONSENT.search(text):
        return "cookieconsent"
    if javascript:
        raise SourceError(
            "is JavaScript or JSON, but neither a Klaro (klaroConfig) nor a "
            "vanilla-cookieconsent (CookieConsent.run) configuration",
            path=source.name,
        )
    return None
