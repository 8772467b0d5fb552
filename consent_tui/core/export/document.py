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
    Item,
    PolicyDocument,
    Section,
    Span,
    like,
    paragraphs,
)
from consent_tui.core.export.escape import clean, contact_link, safe_url
from consent_tui.core.export.groups import OTHER, Group, groups
from consent_tui.core.export.lifetime import consent_lifetime
from consent_tui.core.export.tables import TableMaker, table_options
from consent_tui.core.export.texts import AFTER_TABLES, BEFORE_TABLES, fill
from consent_tui.core.export.words import Words, export_language
from consent_tui.core.model import Catalogue
from consent_tui.core.model.layout import ALL_TABLE

__all__ = ["OTHER", "build", "paragraphs"]


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
        layout = catalogue.document.effective_layout
        own = {k: c.of for k, c in (layout.own_columns or {}).items() if c.of}
        self.cells = CellBuilder(self.words, self.host, catalogue.services, own)
        self.tables = TableMaker(catalogue.document, self.words, self.cells)
        self.tables_only = bool(layout.tables_only)

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

    def group(self, group: Group) -> CategorySection:
        """A group's section: its heading, description, consent sentence and table."""
        label = self.words.label
        options = table_options(self.catalogue.document, group.table_id)
        table = self.tables.table(group, options)
        values = self.tables.values(group, options)
        where = f"policy.document.tables.{group.table_id}"
        default_heading = "" if group.id == ALL_TABLE else "{title}"
        title = self.tables.text(options.heading, default_heading, f"{where}.heading", values)
        body: tuple[str, ...] = ()
        if options.intro is not None:
            body = paragraphs(self.words.text(options.intro, f"{where}.intro"))
        elif options.option("descriptions") and group.description is not None:
            body = paragraphs(self.words.text(group.description, group.where))
        consent = group.consent
        show_consent = options.consent_note
        if show_consent is None:
            show_consent = not self.tables_only
        sentence = None
        if consent is not None and show_consent:
            sentence = label("consent_required" if consent else "consent_not_required")
        return CategorySection(
            id=group.id,
            title=title,
            paragraphs=body,
            consent=sentence,
            consent_required=consent,
            table=table,
            empty_note=None if group.services else label("no_services"),
            cookie_count=sum(len(s.cookies) for s in group.services),
        )

    def categories(self) -> tuple[CategorySection, ...]:
        by = self.catalogue.document.effective_layout.effective_group_by
        return tuple(self.group(g) for g in groups(self.catalogue, by, self.words))

    def build(self) -> PolicyDocument:
        policy = self.catalogue.policy
        title = self.words.text(policy.title, "policy.title") if policy.title else ""
        intro = self.words.text(policy.intro, "policy.intro") if policy.intro else ""
        updated = policy.updated or policy.last_changed  # set, else the newest change
        only = self.tables_only
        before = () if only else (self.section(s) for s in BEFORE_TABLES)
        after = () if only else (self.section(s) for s in AFTER_TABLES)
        categories = self.categories()
        changes = None if only else changes_section(self.catalogue, self.words, self.standard)
        if only:
            updated = None
        return PolicyDocument(
            lang=self.words.lang,
            title=like(fill(title, self.values), title) or self.standard("title"),
            intro=()
            if only
            else paragraphs(like(fill(intro, self.values), intro) or self.standard("intro")),
            before=tuple(s for s in before if s is not None),
            cookies=None if only else self.section("cookies_used"),
            categories=categories,
            after=tuple(s for s in after if s is not None),
            site_name=clean(policy.site_name) if policy.site_name else None,
            site_url=safe_url(self.site_url),
            updated=self.words.date(updated.day, updated.month, updated.year) if updated else None,
            updated_iso=updated.isoformat() if updated else None,
            labels=dict(self.words.labels),
            notes=tuple(dict.fromkeys(self.words.notes)),
            changes=changes,
            tables_only=only,
        )


def build(catalogue: Catalogue, lang: str | None = None) -> PolicyDocument:
    """The policy document of ``catalogue`` in ``lang`` (its default language when None).

    A language the catalogue does not declare gives the default language, with a
    note: ``doc.lang`` is always the language the document is written in.
    """
    return _Builder(catalogue, lang).build()
