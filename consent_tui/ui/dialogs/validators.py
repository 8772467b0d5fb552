"""Input validators for the forms: each explains, at the field, what is wrong."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable

from textual.validation import ValidationResult, Validator

from consent_tui.core.durations import DurationError, parse_duration
from consent_tui.core.reference import langtags
from consent_tui.core.store import id_problem


class Check(Validator):
    """A validator from a function returning the problem, or ``None`` when fine."""

    def __init__(self, check: Callable[[str], str | None]) -> None:
        super().__init__()
        self._check = check

    def validate(self, value: str) -> ValidationResult:
        if not value.strip():
            return self.success()
        problem = self._check(value.strip())
        return self.success() if problem is None else self.failure(problem)


def id_check(taken: Iterable[str], current: str | None) -> Check:
    used = frozenset(taken)
    return Check(lambda value: id_problem(value, used, current))


def duration_problem(value: str) -> str | None:
    try:
        parse_duration(value)
    except DurationError as exc:
        return str(exc)
    return None


def url_problem(value: str) -> str | None:
    if not re.fullmatch(r"https?://[^\s/?#]+\.[^\s/?#]+(?:[/?#]\S*)?", value):
        return "an address starting with https:// (e.g. https://example.com/privacy)"
    return None


def contact_problem(value: str) -> str | None:
    if value.startswith(("http://", "https://")):
        return url_problem(value)
    address = value.removeprefix("mailto:")
    if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", address):
        return None
    return "an e-mail address (mailto:privacy@example.com) or a web address"


def country_problem(value: str) -> str | None:
    if re.fullmatch(r"[A-Z]{2}", value):
        return None
    return "a two-letter ISO 3166 country code in capitals, e.g. FR or US"


def domain_problem(value: str) -> str | None:
    if "://" in value or "/" in value:
        return "a host name only, without https:// or a path (e.g. .example.com)"
    if not re.fullmatch(r"\.?(?:\*\.)?[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?", value):
        return "a host name such as example.com or .example.com"
    return None


def path_problem(value: str) -> str | None:
    return None if value.startswith("/") and " " not in value else "a path starting with /"


def date_problem(value: str) -> str | None:
    try:
        dt.date.fromisoformat(value)
    except ValueError:
        return "a date written YYYY-MM-DD, e.g. 2026-11-28"
    return None if re.fullmatch(r"\d{4}-\d{2}-\d{2}", value) else "a date written YYYY-MM-DD"


def language_list_problem(value: str) -> str | None:
    for code in split_list(value):
        if not langtags.is_valid(code):
            hint = langtags.hint(code) or "use en, fr, pt-BR, zh-Hant …, separated by commas"
            return f"{code!r} is not a language tag (BCP 47): {hint}"
    return None


def int_list_problem(low: int, high: int) -> Callable[[str], str | None]:
    def check(value: str) -> str | None:
        for item in split_list(value):
            if not item.isdigit() or not low <= int(item) <= high:
                return f"{item!r}: use whole numbers from {low} to {high}, separated by commas"
        return None

    return check


def int_problem(value: str) -> str | None:
    return None if value.isdigit() else "a whole number (0, 1, 2 …)"


def name_list_problem(value: str) -> str | None:
    for item in split_list(value):
        if not re.fullmatch(r"[A-Za-z0-9_-]+", item):
            return f"{item!r} is not a column name (letters, digits, _ and -)"
    return None


def split_list(value: str) -> list[str]:
    return [item.strip() for item in value.split(",") if item.strip()]
