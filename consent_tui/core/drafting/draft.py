"""A first catalogue from evidence: the site, the standard parts, a service per platform.

:func:`draft` reads nothing itself: it takes the evidence files already read
and, optionally, the known-cookie index. Every known cookie goes to a service
named after its platform (split by category when a platform's cookies are of
several), in the catalogue category its database category maps to; every
other one to an Unreviewed service of the site it was seen on (the site's own
``unreviewed``, ``unreviewed-<site>`` for another site), in ``marketing``,
marked ``review = true``. What is guessed marks its service (or the policy)
``review = true`` too, and says so in a comment (:mod:`.comments`).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from consent_tui.core.audit.declare import duration_for, pick_duration
from consent_tui.core.drafting import comments as c
from consent_tui.core.drafting import standard
from consent_tui.core.drafting.errors import DraftError
from consent_tui.core.drafting.items import collect
from consent_tui.core.drafting.naming import Declaration, Identifier
from consent_tui.core.drafting.site import Site, find_site
from consent_tui.core.evidence import EvidenceFile
from consent_tui.core.known.entry import host
from consent_tui.core.matching.domains import registrable
from consent_tui.core.model import Catalogue, Cookie, Policy, Service, Text
from consent_tui.core.store import fresh_id
from consent_tui.core.values import slug

if TYPE_CHECKING:
    from consent_tui.core.known import KnownEntry, KnownIndex, SourceInfo

Path = tuple[str | int, ...]
PLACEHOLDER_DURATION = "persistent"


@dataclass(frozen=True, slots=True)
class Counts:
    """What the draft holds: services, cookie tables, how many known, to review, guessed."""

    services: int
    cookies: int
    known: int
    unreviewed: int
    review: int  # tables marked review = true (the policy counted)


@dataclass(frozen=True, slots=True)
class Draft:
    """The drafted catalogue, the comments to write above its tables and keys, and its facts.

    ``comments`` maps a key path (``("services", "hotjar")``, ``("services",
    "hotjar", "cookies", 0)``, or a key's: ``(…, 0, "description")``; ``()``
    for the file's header) to paragraphs.
    """

    catalogue: Catalogue
    site: Site
    comments: Mapping[Path, tuple[str, ...]]
    files: tuple[EvidenceFile, ...]
    database: SourceInfo | None
    counts: Counts
    skipped: tuple[tuple[str, str], ...] = ()


@dataclass
class _Service:
    key: tuple[str, ...]
    platform: str | None
    category: str
    site: str | None = None  # for an Unreviewed service: the site its cookies are on
    declarations: list[Declaration] = field(default_factory=list)
    review: list[str] = field(default_factory=list)


def draft(
    files: Sequence[EvidenceFile],
    *,
    site: str | None = None,
    lang: str = "en",
    index: KnownIndex | None = None,
) -> Draft:
    """The catalogue drafted from ``files`` (see the module notes); :class:`DraftError` if none."""
    if lang not in standard.LANGUAGES:
        raise DraftError(
            f"--lang {lang!r}: the standard texts exist in {', '.join(standard.LANGUAGES)}; "
            "draft in one of them, then add languages in the editor"
        )
    found = find_site(files, site)
    collected = collect(files)
    if not collected.items:
        raise DraftError(c.nothing_seen(files))
    base = Catalogue(
        policy=Policy(
            site_name=found.name,
            site_url=found.url,
            controller=found.name,
            languages=(lang,),
            review=True,
        ),
        categories=standard.categories(lang),
        purposes=standard.purposes(lang),
    )
    mapping = None
    if index is not None:
        from consent_tui.core.known import category_mapping

        mapping = category_mapping(base)
    declarations = Identifier(index, base, mapping).declarations(collected.items)
    builder = _Builder(found, lang, index is not None)
    services = builder.services(declarations)
    catalogue = Catalogue(
        policy=base.policy,
        categories=base.categories,
        purposes=base.purposes,
        services=services,
    )
    comments = builder.comments
    comments[()] = c.header(found, files, index.source if index else None)
    comments[("policy",)] = (c.policy(found),)
    comments[("categories",)] = (c.categories(index is not None),)
    comments[("purposes",)] = (c.purposes(),)
    known = sum(1 for d in declarations if d.known is not None)
    counts = Counts(
        len(services),
        len(declarations),
        known,
        len(declarations) - known,
        1 + sum(1 for s in services.values() if s.review),
    )
    return Draft(
        catalogue,
        found,
        comments,
        tuple(files),
        index.source if index else None,
        counts,
        tuple(collected.skipped),
    )


class _Builder:
    """Declarations into services, with the comments that say where each value came from."""

    def __init__(self, site: Site, lang: str, database: bool) -> None:
        self.site, self.lang, self.database = site, lang, database
        self.comments: dict[Path, tuple[str, ...]] = {}

    def services(self, declarations: Sequence[Declaration]) -> dict[str, Service]:
        groups: dict[tuple[str, ...], _Service] = {}
        for d in declarations:
            if d.known is not None:
                category = d.known.suggestion.category
                key: tuple[str, ...] = ("known", d.known.entry.platform, category or "")
                group = groups.get(key)
                if group is None:
                    group = groups[key] = _Service(
                        key, d.known.entry.platform, category or standard.UNREVIEWED_CATEGORY
                    )
                    if category is None:
                        group.review.append(c.unmapped(d.known.entry.category))
            else:
                key = ("unknown", d.site)
                group = groups.get(key)
                if group is None:
                    group = groups[key] = _Service(
                        key, None, standard.UNREVIEWED_CATEGORY, site=d.site
                    )
            group.declarations.append(d)
        order = [s.category for s in standard.STANDARD]
        ordered = sorted(
            groups.values(),
            key=lambda g: (
                g.platform is None,
                g.site != self.site.registrable,
                order.index(g.category) if g.platform else 0,
                (g.platform or g.site or "").casefold(),
                g.platform or g.site or "",
            ),
        )
        out: dict[str, Service] = {}
        platforms = Counter(g.platform for g in ordered if g.platform)
        for g in ordered:
            sid = fresh_id(out, self._id(g, platforms[g.platform or ""] > 1))
            out[sid] = self._service(sid, g)
        return out

    def _id(self, g: _Service, split: bool) -> str:
        if g.platform is None:
            own = g.site == self.site.registrable
            return "unreviewed" if own else f"unreviewed-{slug(g.site or '')}"
        base = slug(g.platform)
        return f"{base}-{g.category}" if split else base

    def _service(self, sid: str, g: _Service) -> Service:
        lang = self.lang
        decls = sorted(g.declarations, key=lambda d: (d.name.casefold(), d.name, d.kind))
        own = self.site.registrable
        third_sites = [d.site for d in decls if d.site != own]
        cookies = tuple(self._cookie(sid, i, d, g) for i, d in enumerate(decls))
        std = standard.BY_CATEGORY[g.category]
        if g.platform is None:
            third = g.site != own
            provider = self.site.name if not third else g.site or ""
            function = standard.UNIDENTIFIED[lang]
            policy = f"https://{g.site}/" if third else None
            if third:
                g.review.append(c.guessed_policy(policy or ""))
            paragraphs = [c.unreviewed(g.site or "", own, self.database), *g.review]
            review = True
        else:
            entries = [d.known.entry for d in decls if d.known is not None]
            suggestions = [d.known.suggestion for d in decls if d.known is not None]
            # A database "(3rd party)" counts when it names the domain (a privacy link can
            # then be guessed from it); the evidence's other sites always count.
            listed = [e for e in entries if e.third_party and _entry_site(e)]
            listed_third = [e.name for e in listed]
            third = bool(third_sites or listed)
            provider = suggestions[0].provider or g.platform
            function = std.purpose_titles[lang]
            policy = next((s.privacy_policy for s in suggestions if s.privacy_policy), None)
            if third and policy is None:
                guess = third_sites[0] if third_sites else _entry_site(listed[0])
                policy = f"https://{guess}/"
                g.review.append(c.guessed_policy(policy))
            paragraphs = [
                c.known_service(g.platform, entries, g.category),
                c.party(third, sorted(set(third_sites)), listed_third),
                *g.review,
            ]
            review = bool(g.review)
        self.comments[("services", sid)] = tuple(paragraphs)
        return Service(
            sid,
            provider=provider,
            function=Text.of(function, lang),
            category=g.category,
            purposes=(std.purpose,),
            party="third" if third else "first",
            privacy_policy=policy,
            cookies=cookies,
            review=True if review else None,
        )

    def _cookie(self, sid: str, index: int, d: Declaration, g: _Service) -> Cookie:
        path: Path = ("services", sid, "cookies", index)
        suggestion = d.known.suggestion if d.known else None
        known_duration = suggestion.duration if suggestion else None
        if suggestion is not None:
            duration, source = pick_duration(d.lifetime, d.session, d.kind, known_duration)
        else:
            duration = duration_for(d.lifetime, d.session, d.kind)
            source = "evidence" if duration is not None else "none"
        if duration is None:
            duration = PLACEHOLDER_DURATION
            if g.platform is not None:
                g.review.append(c.no_duration_review(d.name))
        self.comments[path] = c.cookie(d, source, duration, self.site)
        description = suggestion.description if suggestion else None
        text = None
        if description and self.lang == "en":
            self.comments[(*path, "description")] = (c.DATABASE_TEXT,)
            text = Text.of(description, "en")
        elif description:  # not the catalogue's language: a comment, never a value
            self.comments[path] = (*self.comments[path], c.quoted(description))
        refresh = suggestion.refresh if suggestion and source == "database" else None
        return Cookie(
            name=d.name,
            type=None if d.kind == "http_cookie" else d.kind,
            domain=None if d.site == self.site.registrable else d.domain(),
            duration=duration,
            refresh=refresh,
            description=text,
        )


def _entry_site(entry: KnownEntry) -> str | None:
    """The registrable domain of the first domain the entry names, if any."""
    for domain in entry.domains:
        name = host(domain)
        if name:
            return registrable(name)
    return None
