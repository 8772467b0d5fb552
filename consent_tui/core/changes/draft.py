"""A changelog entry drafted from the changes, for the user to edit, and the revision bump.

The entry says in a visitor's words what the material changes and removals are,
one sentence each, in every declared language that has built-in sentences
(``CHANGELOG`` in :mod:`consent_tui.core.export.texts`), and closes with "Other
details … were updated" for the rest. A catalogue with none of those languages
gets the English sentences under its default language, to translate.
"""

from __future__ import annotations

import datetime as dt
from typing import Final

from consent_tui.core.changes.record import Change, Comparison
from consent_tui.core.durations import format_duration, supported_languages, try_parse
from consent_tui.core.model import (
    Banner,
    Catalogue,
    ChangelogEntry,
    Service,
    Text,
    replace,
    text_in,
)
from consent_tui.core.store import set_field

MOST: Final = 12  # sentences in one entry, before "other details"
# Change rule -> key of the sentence that tells it.
_SENTENCE: Final = {
    "service-added": "service-added",
    "service-added-without-consent": "service-added",
    "service-removed": "service-removed",
    "service-moved-to-consent": "service-moved",
    "service-moved": "service-moved",
    "cookie-added": "cookie-added",
    "cookie-added-without-consent": "cookie-added",
    "cookie-removed": "cookie-removed",
    "cookie-moved-to-consent": "cookie-moved",
    "purpose-added": "purpose-added",
    "purpose-removed": "purpose-removed",
    "service-purpose-added": "service-purpose-added",
    "service-purpose-added-without-consent": "service-purpose-added",
    "service-purpose-removed": "service-purpose-removed",
    "legal-basis-consent": "legal-basis-consent",
    "tcf-purpose-added": "tcf-purpose-added",
    "category-needs-consent": "category-needs-consent",
    "category-consent-dropped": "category-consent-dropped",
    "lifetime-longer": "lifetime",
    "lifetime-shorter": "lifetime",
    "lifetime-renewed": "lifetime-renewed",
    "third-party": "third-party",
    "transfer-country": "transfer-country",
    "consent-lifetime-longer": "consent-lifetime",
    "consent-lifetime-shorter": "consent-lifetime",
}


def bumped(catalogue: Catalogue, old_revision: int | None) -> Catalogue:
    """``catalogue`` with ``[banner] revision`` one above its own and ``old_revision``."""
    banner = catalogue.banner or Banner()
    revision = max(catalogue.banner_settings.revision or 0, old_revision or 0) + 1
    return replace(catalogue, banner=set_field(banner, "revision", revision))


def has_new_entry(old: Catalogue, new: Catalogue) -> bool:
    """``new``'s changelog has an entry dated after every entry of ``old``'s."""
    newest = old.policy.last_changed
    return any(
        e.date is not None and (newest is None or e.date > newest) for e in new.policy.changelog
    )


def with_entry(catalogue: Catalogue, entry: ChangelogEntry) -> Catalogue:
    """``catalogue`` with ``entry`` at the end of its changelog.

    A ``[policy] updated`` date older than the entry's moves to it, so that the
    document's "last updated" does not fall behind its newest change.
    """
    policy = replace(catalogue.policy, changelog=(*catalogue.policy.changelog, entry))
    if policy.updated is not None and entry.date is not None and policy.updated < entry.date:
        policy = replace(policy, updated=entry.date)
    return replace(catalogue, policy=policy)


def draft(
    comparison: Comparison, old: Catalogue, new: Catalogue, date: dt.date
) -> ChangelogEntry | None:
    """An entry telling the changes, dated ``date``; ``None`` when there is nothing to tell."""
    from consent_tui.core.export.texts import BUILTIN, builtin_language

    changes = [c for c in comparison.changes if c.rule != "changelog-changed"]
    if not changes:
        return None
    values: dict[str, str] = {}
    for lang in new.languages:
        module = BUILTIN.get(builtin_language(lang) or "")
        sentences = getattr(module, "CHANGELOG", None)
        if sentences is not None:
            values[lang] = _Writer(old, new, lang, builtin_language(lang) or "en", sentences).entry(
                changes
            )
    if not values:
        english = BUILTIN["en"].CHANGELOG
        values[new.default_language] = _Writer(old, new, new.default_language, "en", english).entry(
            changes
        )
    return ChangelogEntry(date, Text(values))


class _Writer:
    def __init__(
        self, old: Catalogue, new: Catalogue, lang: str, words: str, sentences: dict[str, str]
    ) -> None:
        self.old, self.new, self.lang, self.words = old, new, lang, words
        self.sentences = sentences

    def entry(self, changes: list[Change]) -> str:
        told: list[str] = []
        rest = 0
        for change in changes:
            key = _SENTENCE.get(change.rule)
            text = self.sentence(key, change) if key is not None else None
            if text is None or len(told) >= MOST:
                rest += 1
            elif text not in told:
                told.append(text)
        if rest:
            told.append(self.sentences["other"])
        return " ".join(told)

    def sentence(self, key: str, change: Change) -> str | None:
        template = self.sentences.get(key)
        if template is None:
            return None
        values = {
            "service": self.service(change),
            "cookie": self.cookie(change),
            "purpose": self.purpose(change),
            "category": self.category(change),
            "duration": self.duration(change.new) if isinstance(change.new, str) else "",
            "country": str(change.new or ""),
            "numbers": self.numbers(change),
        }
        return template.format_map(values)

    def _service(self, change: Change) -> tuple[Catalogue, Service | None]:
        sid = (change.id or "").split("/")[0] if change.kind != "removed" else None
        if sid and sid in self.new.services:
            return self.new, self.new.services[sid]
        old_id = (change.old_id or change.id or "").split("/")[0]
        return self.old, self.old.services.get(old_id)

    def text_of(self, text: Text | None, catalogue: Catalogue) -> str:
        """``text`` in the entry's language, else the default one, else any."""
        found = text_in(text, self.lang, catalogue.default_language)
        return found or (next(iter(text.values.values()), "") if text is not None else "")

    def service(self, change: Change) -> str:
        if change.entity not in ("service", "cookie"):
            return ""
        catalogue, service = self._service(change)
        if service is None:
            return (change.id or "").split("/")[0]
        function = self.text_of(service.function, catalogue)
        provider = service.provider or ""
        if provider and function and function != provider:
            return f"{provider} – {function}"
        return provider or function or service.id

    def cookie(self, change: Change) -> str:
        if change.entity != "cookie":
            return ""
        catalogue = self.new if change.kind != "removed" else self.old
        place = change.id if change.kind != "removed" else (change.old_id or change.id)
        sid, _, index = (place or "").rpartition("/")
        service = catalogue.services.get(sid)
        if service is None or not index.isdigit() or int(index) >= len(service.cookies):
            return ""
        return service.cookies[int(index)].name or ""

    def purpose(self, change: Change) -> str:
        pid = change.id if change.entity == "purpose" else None
        if change.rule.startswith("service-purpose"):
            pid = change.new or change.old
        for catalogue in (self.new, self.old):
            purpose = catalogue.purposes.get(pid or "")
            if purpose is not None:
                return self.text_of(purpose.title, catalogue) or purpose.id
        return pid or ""

    def category(self, change: Change) -> str:
        cid = change.id if change.entity == "category" else None
        if change.rule.startswith("service-moved") and isinstance(change.new, str):
            cid = change.new
        category = self.new.categories.get(cid or "")
        if category is None:
            return cid or ""
        return self.text_of(category.title, self.new) or category.id

    def duration(self, raw: str) -> str:
        parsed = try_parse(raw)
        if parsed is None:
            return raw
        words = self.words if self.words in supported_languages() else "en"
        return format_duration(parsed, words)

    def numbers(self, change: Change) -> str:
        if not isinstance(change.new, list):
            return ""
        was = set(change.old) if isinstance(change.old, list) else set()
        return ", ".join(str(n) for n in sorted(set(change.new) - was))
