"""Catalogue + language -> :class:`PolicyDocument`, the format-neutral document.

Standard texts come from the catalogue's ``[policy.document] sections`` when it
overrides them, else from the built-in texts of the language; catalogue texts
missing in the language fall back to the default language, with a note.
"""

from __future__ import annotations

from consent_tui.core.export.cells import CellBuilder, host_of
from consent_tui.core.export.changelog import changes_section
from consent_tui.core.export.docmodel import (
    CategorySection,
    Column,
    Item,
    PolicyDocument,
    Row,
    Section,
    Span,
    Table,
    like,
    paragraphs,
)
from consent_tui.core.export.escape import clean, contact_link, safe_url
from consent_tui.core.export.lifetime import consent_lifetime
from consent_tui.core.export.texts import AFTER_TABLES, BEFORE_TABLES, fill
from consent_tui.core.export.words import Words, export_language
from consent_tui.core.model import Catalogue, Category, Service

OTHER = "__other__"  # id of the section for services without a known category


class _Builder:
    def __init__(self, catalogue: Catalogue, lang: str | None) -> None:
        self.catalogue = catalogue
        notes: list[str] = []
        self.words = Words(catalogue, export_language(catalogue, lang, notes))
        self.words.notes[:0] = notes
        policy = catalogue.policy
        self.site_url = clean(policy.site_url) if policy.site_url else None
        self.host = host_of(self.site_url)
        site = clean(policy.site_name or "") or self.host or self.words.label("this_site")
        controller = clean(policy.controller or "") or clean(policy.site_name or "")
        lifetime = consent_lifetime(catalogue)  # the same as the banners'
        if lifetime.note:
            self.words.notes.append(lifetime.note)
        self.values = {
            "site": site,
            "site_url": self.site_url or site,
            "controller": controller or self.words.label("the_controller"),
            "consent_lifetime": self.words.duration(lifetime.duration),
        }
        self.cells = CellBuilder(self.words, self.host)

    def standard(self, key: str) -> str:
        """A standard text: the catalogue's override, else the built-in one."""
        override = self.catalogue.document.sections.get(key)
        if override is not None:
            text = self.words.text(override, f"policy.document.sections.{key}")
        else:
            text = self.words.section(key)
        return like(fill(text, self.values), text)

    def section(self, sid: str) -> Section | None:
        body = paragraphs(self.standard(sid))
        if not body:
            return None
        details: tuple[Item, ...] = ()
        if sid == "controller_contact":
            details = self.contact_details()
        return Section(sid, self.standard(f"{sid}_title"), body, details)

    def contact_details(self) -> tuple[Item, ...]:
        policy = self.catalogue.policy
        colon = self.words.label("colon")
        items = []
        if policy.contact:
            text, url = contact_link(clean(policy.contact))
            label = self.words.label("contact")
            items.append(Item((Span.of(like(label + colon, label)), Span(text, url=url))))
        if self.site_url:
            url = safe_url(self.site_url)
            label = self.words.label("website")
            items.append(Item((Span.of(like(label + colon, label)), Span(self.site_url, url=url))))
        return tuple(items)

    def table(self, title: str, services: list[Service]) -> Table:
        columns = self.catalogue.document.effective_columns
        header = tuple(Column(c, self.words.column(c)) for c in columns)
        rows = tuple(Row(s.id, tuple(self.cells.cell(c, s) for c in columns)) for s in services)
        cookies = sum(len(s.cookies) for s in services)
        template = self.words.label("table_caption")
        caption = (
            template.replace("{category}", title)
            .replace("{services}", self.words.count("services", len(services)))
            .replace("{cookies}", self.words.count("cookies", cookies))
        )
        return Table(like(caption, template), header, rows)

    def category(self, category: Category | None, services: list[Service]) -> CategorySection:
        label = self.words.label
        body: tuple[str, ...]
        if category is None:
            cid, title, body, consent = OTHER, label("other_title"), (), None
        else:
            cid = category.id
            where = f"categories.{cid}"
            title = self.words.text(category.title, f"{where}.title") or clean(cid)
            body = paragraphs(self.words.text(category.description, f"{where}.description"))
            consent = category.consent
        sentence = None
        if consent is not None:
            sentence = label("consent_required" if consent else "consent_not_required")
        return CategorySection(
            id=cid,
            title=title,
            paragraphs=body,
            consent=sentence,
            consent_required=consent,
            table=self.table(title, services),
            empty_note=None if services else label("no_services"),
            cookie_count=sum(len(s.cookies) for s in services),
        )

    def categories(self) -> tuple[CategorySection, ...]:
        groups: dict[str, list[Service]] = {cid: [] for cid in self.catalogue.categories}
        others: list[Service] = []
        for service in self.catalogue.services.values():
            group = groups.get(service.category or "")
            (group if group is not None else others).append(service)
        out = [self.category(c, groups[c.id]) for c in self.catalogue.categories.values()]
        if others:
            out.append(self.category(None, others))
        return tuple(out)

    def build(self) -> PolicyDocument:
        policy = self.catalogue.policy
        title = self.words.text(policy.title, "policy.title") if policy.title else ""
        intro = self.words.text(policy.intro, "policy.intro") if policy.intro else ""
        updated = policy.updated or policy.last_changed  # set, else the newest change
        before = (self.section(s) for s in BEFORE_TABLES)
        after = (self.section(s) for s in AFTER_TABLES)
        categories = self.categories()
        changes = changes_section(self.catalogue, self.words, self.standard)
        return PolicyDocument(
            lang=self.words.lang,
            title=like(fill(title, self.values), title) or self.standard("title"),
            intro=paragraphs(like(fill(intro, self.values), intro) or self.standard("intro")),
            before=tuple(s for s in before if s is not None),
            cookies=self.section("cookies_used"),
            categories=categories,
            after=tuple(s for s in after if s is not None),
            site_name=clean(policy.site_name) if policy.site_name else None,
            site_url=safe_url(self.site_url),
            updated=self.words.date(updated.day, updated.month, updated.year) if updated else None,
            updated_iso=updated.isoformat() if updated else None,
            labels=dict(self.words.labels),
            notes=tuple(dict.fromkeys(self.words.notes)),
            changes=changes,
        )


def build(catalogue: Catalogue, lang: str | None = None) -> PolicyDocument:
    """The policy document of ``catalogue`` in ``lang`` (its default language when None).

    A language the catalogue does not declare gives the default language, with a
    note: ``doc.lang`` is always the language the document is written in.
    """
    return _Builder(catalogue, lang).build()
