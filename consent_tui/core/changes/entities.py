"""Changes of the single tables and of the categories and purposes services refer to."""

from __future__ import annotations

from consent_tui.core.changes.canon import same
from consent_tui.core.changes.record import code, shown
from consent_tui.core.changes.scope import Recorder, Scope
from consent_tui.core.model import (
    DEFAULT_CONSENT_LIFETIME,
    Banner,
    Catalogue,
    Category,
    ChangelogEntry,
    DocumentSettings,
    Policy,
    Purpose,
)

CATALOGUE = Scope("catalogue", None, "the catalogue", path=(), old_path=())
POLICY = Scope("policy", None, "[policy]", path=("policy",), old_path=("policy",))
BANNER = Scope("banner", None, "[banner]", path=("banner",), old_path=("banner",))


def needs_consent(catalogue: Catalogue, category: str | None) -> bool:
    """Services of ``category`` are set only with consent (as the banners treat them)."""
    found = catalogue.categories.get(category or "")
    return found is None or found.consent is not False


def catalogue_top(rec: Recorder, old: Catalogue, new: Catalogue) -> None:
    rec.value(CATALOGUE, "format_version", old.format_version, new.format_version)
    rec.extra(CATALOGUE, old.extra, new.extra)


def policy(rec: Recorder, old: Policy, new: Policy) -> None:
    if old == new:
        return
    scope = POLICY
    for name in ("site_name", "site_url", "controller", "contact"):
        rec.value(scope, name, getattr(old, name), getattr(new, name))
    was, now = old.effective_languages, new.effective_languages
    if was[:1] != now[:1] or set(was) != set(now):  # the default, then the others in any order
        rec.value(scope, "languages", old.languages, new.languages)
    rec.value(scope, "updated", old.updated, new.updated)
    rec.text(scope, "title", old.title, new.title)
    rec.text(scope, "intro", old.intro, new.intro)
    document(rec, scope.within("document", "document."), old.document, new.document)
    changelog(rec, old.changelog, new.changelog)
    rec.extra(scope, old.extra, new.extra)


def document(
    rec: Recorder, scope: Scope, old: DocumentSettings | None, new: DocumentSettings | None
) -> None:
    was, now = old or DocumentSettings(), new or DocumentSettings()
    rec.value(scope, "columns", was.columns, now.columns)
    for key in [*now.sections, *(k for k in was.sections if k not in now.sections)]:
        rec.text(
            scope,
            f"sections.{key}",
            was.sections.get(key),
            now.sections.get(key),
            key=(
                "sections",
                key,
            ),
        )
    rec.extra(scope, was.extra, now.extra)


def changelog(
    rec: Recorder, old: tuple[ChangelogEntry, ...], new: tuple[ChangelogEntry, ...]
) -> None:
    """Entries lined up by date (in order among those of one date), texts compared."""
    if old == new:
        return
    waiting: dict[object, list[int]] = {}
    for i, entry in enumerate(old):
        waiting.setdefault(entry.date, []).append(i)
    paired: set[int] = set()
    for j, entry in enumerate(new):
        queue = waiting.get(entry.date)
        at = queue.pop(0) if queue else None
        scope = Scope(
            "policy",
            None,
            "[policy]",
            subject=f"changelog entry {_date(entry)}",
            path=("policy", "changelog", j),
            old_path=("policy", "changelog", at) if at is not None else None,
        )
        if at is None:
            rec.add(
                scope,
                "changelog-changed",
                "added",
                "added" + (f": {shown(_first(entry))}" if entry.text else ""),
                field="changelog",
                new=entry.text,
                key=(),
            )
            continue
        paired.add(at)
        rec.text(scope, "text", old[at].text, entry.text, rule="changelog-changed")
        rec.extra(scope, old[at].extra, entry.extra)
    for i, entry in enumerate(old):
        if i not in paired:
            scope = Scope(
                "policy",
                None,
                "[policy]",
                subject=f"changelog entry {_date(entry)}",
                path=None,
                old_path=("policy", "changelog", i),
            )
            rec.add(scope, "changelog-changed", "removed", "removed", field="changelog")


def _date(entry: ChangelogEntry) -> str:
    return entry.date.isoformat() if entry.date is not None else "(undated)"


def _first(entry: ChangelogEntry) -> str:
    return next(iter(entry.text.values.values()), "") if entry.text else ""


def banner(rec: Recorder, old: Banner | None, new: Banner | None) -> None:
    if old == new:
        return
    was, now = old or Banner(), new or Banner()
    scope = BANNER
    if not same(was.consent_lifetime, now.consent_lifetime):
        rec.duration(
            scope,
            "consent_lifetime",
            was.consent_lifetime or DEFAULT_CONSENT_LIFETIME,
            now.consent_lifetime or DEFAULT_CONSENT_LIFETIME,
            longer="consent-lifetime-longer",
            shorter="consent-lifetime-shorter",
        )
    rec.value(scope, "revision", was.revision, now.revision, rule="revision-changed")
    rec.text(scope, "policy_url", was.policy_url, now.policy_url, rule="field-changed")
    rec.extra(scope, was.extra, now.extra)


# -- categories and purposes


def category_scope(cid: str, old_id: str | None, *, gone: bool = False) -> Scope:
    return Scope(
        "category",
        cid,
        f"category {code(cid)}",
        old_id=old_id if old_id != cid else None,
        path=None if gone else ("categories", cid),
        old_path=("categories", old_id) if old_id is not None else None,
    )


def category(rec: Recorder, scope: Scope, old: Category, new: Category) -> None:
    rec.text(scope, "title", old.title, new.title)
    rec.text(scope, "description", old.description, new.description)
    before, after = old.consent is not False, new.consent is not False
    if not before and after:
        detail = f"consent {shown(old.consent)} → {shown(new.consent)}: now needs consent"
        rec.add(
            scope,
            "category-needs-consent",
            "changed",
            detail,
            field="consent",
            old=old.consent,
            new=new.consent,
            key=("consent",),
        )
    elif before and not after:
        detail = f"consent {shown(old.consent)} → false: no longer needs consent"
        rec.add(
            scope,
            "category-consent-dropped",
            "changed",
            detail,
            field="consent",
            old=old.consent,
            new=new.consent,
            key=("consent",),
        )
    else:
        rec.value(scope, "consent", old.consent, new.consent)
    rec.extra(scope, old.extra, new.extra)


def purpose_scope(pid: str, old_id: str | None, *, gone: bool = False) -> Scope:
    return Scope(
        "purpose",
        pid,
        f"purpose {code(pid)}",
        old_id=old_id if old_id != pid else None,
        path=None if gone else ("purposes", pid),
        old_path=("purposes", old_id) if old_id is not None else None,
    )


def purpose(rec: Recorder, scope: Scope, old: Purpose, new: Purpose) -> None:
    rec.text(scope, "title", old.title, new.title)
    rec.text(scope, "description", old.description, new.description)
    if old.legal_basis != new.legal_basis:
        to_consent = new.legal_basis == "consent"
        rule = "legal-basis-consent" if to_consent else "legal-basis-changed"
        rec.value(scope, "legal_basis", old.legal_basis, new.legal_basis, rule=rule)
    was, now = set(old.tcf_purposes or ()), set(new.tcf_purposes or ())
    added, removed = sorted(now - was), sorted(was - now)
    for numbers, rule, verb in (
        (added, "tcf-purpose-added", "now maps to"),
        (removed, "tcf-purpose-removed", "no longer maps to"),
    ):
        if numbers:
            which = ", ".join(str(n) for n in numbers)
            rec.add(
                scope,
                rule,
                "changed",
                f"{verb} TCF purpose{'s' if len(numbers) > 1 else ''} {which}",
                field="tcf_purposes",
                old=old.tcf_purposes,
                new=new.tcf_purposes,
                key=("tcf_purposes",),
            )
    rec.extra(scope, old.extra, new.extra)
