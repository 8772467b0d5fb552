"""Value checks of single fields, as a form asks them: what is wrong, or ``None``.

Each check accepts exactly what validation accepts for that field (the same
predicates: :func:`~consent_tui.core.values.url_problem`,
:func:`~consent_tui.core.reference.codes.is_country` …), so that a form never
saves a value ``validate`` then reports as an error. :func:`check_for` gives
the check of a field's type.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Iterable, Mapping
from typing import Final

from consent_tui.core.durations import UNIT_SECONDS, Duration, DurationError, parse_duration
from consent_tui.core.fields.spec import Field
from consent_tui.core.reference import codes, langtags
from consent_tui.core.values import is_host, region_problem, url_problem

Check = Callable[[str], "str | None"]

# An id: the key of a category, purpose or service table.
ID_PATTERN: Final = re.compile(r"[a-z0-9][a-z0-9_-]*")
MAILTO: Final = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")
DAY_SECONDS: Final = UNIT_SECONDS["day"]


def split_list(value: str) -> list[str]:
    """The items of a comma-separated list, without blanks."""
    return [item.strip() for item in value.split(",") if item.strip()]


def id_problem(value: str) -> str | None:
    if ID_PATTERN.fullmatch(value):
        return None
    return "use lower-case letters, digits, '-' and '_', starting with a letter or a digit"


def duration_problem(value: str) -> str | None:
    try:
        parse_duration(value)
    except DurationError as exc:
        return str(exc)
    return None


def lifetime_problem(duration: Duration, text: str) -> str | None:
    """Why a banner cannot keep a choice for ``duration``, or ``None`` when it can."""
    seconds = duration.seconds
    if duration.kind != "fixed":
        return f'is "{duration.kind}"; the choice must be kept for a fixed time'
    if not seconds:
        return "is zero; the visitor would be asked on every page"
    if seconds < DAY_SECONDS:
        return (
            f"is {_quote(text)}, less than one day; Klaro and vanilla-cookieconsent keep "
            "a choice for whole days, so a banner cannot store it for less"
        )
    return None


def _quote(text: str, limit: int = 60) -> str:
    quoted = f'"{text}"'
    return quoted if len(quoted) <= limit else quoted[: limit - 1] + "…"


def consent_lifetime_problem(value: str) -> str | None:
    try:
        duration = parse_duration(value)
    except DurationError as exc:
        return str(exc)
    why = lifetime_problem(duration, value)
    return None if why is None else f"the lifetime {why}"


def url_form_problem(value: str) -> str | None:
    if url_problem(value) is None:
        return None
    return "an address starting with https:// (e.g. https://example.com/privacy)"


def contact_problem(value: str) -> str | None:
    if value[:7].lower() == "mailto:":
        address = value[7:].split("?")[0]
        if MAILTO.fullmatch(address):
            return None
        return "an e-mail address after mailto: (mailto:privacy@example.com)"
    if url_problem(value) is None:
        return None
    return "a mailto: address (mailto:privacy@example.com) or a web address (https://…)"


def country_problem(value: str) -> str | None:
    if codes.is_country(value):
        return None
    guess = codes.suggest_country(value)
    known = f" ({guess} for {codes.countries()[guess]}?)" if guess else ""
    return f"a two-letter ISO 3166 country code in capitals, e.g. FR or US{known}"


def domain_problem(value: str) -> str | None:
    if "://" in value or "/" in value:
        return "a host name only, without https:// or a path (e.g. .example.com)"
    host = value.lower().removeprefix(".")
    if host.endswith("."):
        return "a host name without a final dot (browsers take example.com. for another host)"
    if not is_host(host):
        return "a host name such as example.com or .example.com"
    return None


def path_problem(value: str) -> str | None:
    if value.startswith("/") and not any(c.isspace() or c == ";" for c in value):
        return None
    return "a path starting with /, without spaces or ;"


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


def region_list_problem(value: str) -> str | None:
    for code in split_list(value):
        why = region_problem(code)
        if why is not None:
            return f"{code!r}: {why}"
    return None


def _int(field: Field) -> Check:
    low = field.low if field.low is not None else 0

    def check(value: str) -> str | None:
        if value.isascii() and value.isdigit() and int(value) >= low:
            return None
        return "a whole number (0, 1, 2 …)" if low == 0 else f"a whole number from {low}"

    return check


def _ints(field: Field) -> Check:
    low = field.low if field.low is not None else 0
    high = field.high

    def check(value: str) -> str | None:
        seen: set[int] = set()
        for item in split_list(value):
            number = int(item) if item.isascii() and item.isdigit() else None
            if number is None or number < low or (high is not None and number > high):
                upto = f" to {high}" if high is not None else " or more"
                return f"{item!r}: use whole numbers from {low}{upto}, separated by commas"
            if number in seen:
                return f"{item!r} is listed twice"
            seen.add(number)
        return None

    return check


def _enums(field: Field, also: Iterable[str] = ()) -> Check:
    allowed = [str(v) for v in field.values] + [a for a in also if a not in field.values]

    def check(value: str) -> str | None:
        for item in split_list(value):
            if item not in allowed:
                return f"{item!r} is not one of {', '.join(allowed)}"
        return None

    return check


def _plain(check: Check) -> Callable[[Field], Check]:
    return lambda _field: check


CHECKS: Final[Mapping[str, Callable[[Field], Check]]] = {
    "id": _plain(id_problem),
    "duration": _plain(duration_problem),
    "lifetime": _plain(consent_lifetime_problem),
    "url": _plain(url_form_problem),
    "contact": _plain(contact_problem),
    "country": _plain(country_problem),
    "domain": _plain(domain_problem),
    "path": _plain(path_problem),
    "date": _plain(date_problem),
    "languages": _plain(language_list_problem),
    "regions": _plain(region_list_problem),
    "int": _int,
    "ints": _ints,
    "enums": _enums,
}


def check_for(field: Field, also: Iterable[str] = ()) -> Check | None:
    """The value check of ``field``'s type, if it has one.

    ``also``: more values an ``enums`` field takes here (the ids of ``field.also``).
    """
    if field.type == "enums":
        return _enums(field, also)
    make = CHECKS.get(field.type)
    return make(field) if make is not None else None
