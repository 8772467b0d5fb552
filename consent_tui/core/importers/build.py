"""Table plans -> catalogue data: categories, purposes, services and cookies, with notes.

Each table is a category (its heading the title), or, for one table with a
*Category* column, each of its categories. Each group of rows is a service,
each name a cookie. What the page states is written as stated; what the
catalogue needs and the page does not state is guessed from the page and
marked for review (a service's function and purpose from its category, the
consent a category needs from its title's words, the party from the cookies'
domains), or left out for the person to fill in (the provider, a third party's
privacy policy). Where each entry came from goes into comments.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from typing import Any

from consent_tui.core.importers import vocabulary as vocab
from consent_tui.core.importers.columns import Column
from consent_tui.core.importers.ids import RESERVED, Ids, heading_parts, slug, text_value
from consent_tui.core.importers.lifetimes import read_lifetime
from consent_tui.core.importers.names import matching_name, split_names
from consent_tui.core.importers.notes import Notes
from consent_tui.core.importers.plan import COOKIE_ROLES, SERVICE_ROLES, TablePlan
from consent_tui.core.importers.tables import Link, SourceTable
from consent_tui.core.importers.values import domain_of, guess_party, privacy_link

Path = tuple[str | int, ...]
Data = dict[str, Any]


@dataclass
class Context:
    """What the tables of one import share: languages, ids, words, notes."""

    languages: tuple[str, ...]
    site_host: str | None
    group_by: str = "category"
    site_name: str | None = None
    notes: Notes = field(default_factory=Notes)
    categories: dict[str, Data] = field(default_factory=dict)
    purposes: dict[str, Data] = field(default_factory=dict)
    services: dict[str, Data] = field(default_factory=dict)
    category_ids: Ids = field(default_factory=Ids)
    service_ids: Ids = field(default_factory=Ids)
    own_ids: dict[tuple[str, str], str] = field(default_factory=dict)
    own_taken: Ids = field(default_factory=lambda: Ids(RESERVED))
    own_headers: dict[str, tuple[str, Any]] = field(default_factory=dict)  # id -> (of, header)
    words: dict[str, dict[str, Counter[str]]] = field(default_factory=dict)
    by_title: dict[str, str] = field(default_factory=dict)  # category title -> id (group none)

    @property
    def default(self) -> str:
        return self.languages[0]

    def text(self, values: dict[str, str]) -> Any:
        return text_value(values, self.languages)

    def own_id(self, plan: TablePlan, column: Column) -> str:
        """The id of the user column showing ``column``: one per header and level."""
        header = column.header or ""
        base = slug(header, f"column_{column.index + 1}", "_")
        if base in RESERVED:
            base = f"{base}_text"  # "Provider" shown as written: provider_text
        level = column.own_level(plan.per_cookie)
        key = (vocab.fold(header) or f"#{column.index}", level)
        found = self.own_ids.get(key)
        if found is None:
            found = self.own_ids[key] = self.own_taken.take(base, "_")
            headers = {plan.lang: header}
            headers.update((lang, _header_in(t, column.index)) for lang, t in plan.others.items())
            self.own_headers[found] = (level, self.text(headers) or found)
        return found

    def word(self, kind: str, texts: dict[str, str]) -> None:
        for lang, text in texts.items():
            if text:
                self.words.setdefault(kind, {}).setdefault(lang, Counter())[text] += 1


def _header_in(table: Any, index: int) -> str:
    from consent_tui.core.importers.columns import header_texts

    return header_texts(table)[index] or ""


def build_plan(plan: TablePlan, ctx: Context) -> list[str]:
    """Add the table's categories, purposes, services and cookies; the service ids, per run."""
    for column in plan.columns:
        column.as_written = column.as_written or _needs_own(plan, column, ctx)
        column.own = None
        if column.shown_as_own and not column.ignored:
            column.own = ctx.own_id(plan, column)
    if ctx.group_by != "none":
        plan.category = _table_category(plan, ctx)
    return [_service(plan, ctx, start, end) for start, end in plan.runs]


def _needs_own(plan: TablePlan, column: Column, ctx: Context) -> bool:
    """A field whose column cannot show its cells: shown as written, in a user column."""
    if column.role is None or column.role == "name":
        return False
    if column.role == "category" and ctx.group_by != "none":
        return True
    if column.level == "cookie" and column.role in SERVICE_ROLES:
        return column.role != "provider" or plan.per_cookie
    return column.level == "service" and column.role in COOKIE_ROLES and plan.per_cookie


def _table_category(plan: TablePlan, ctx: Context) -> str:
    table = plan.table
    headings = {plan.lang: table.heading or ""}
    headings.update((lang, t.heading or "") for lang, t in plan.others.items())
    titles = {lang: _title(text) for lang, text in headings.items()}
    if not titles[plan.lang]:
        titles = {lang: table.caption or "" for lang in titles}
    guessed = not titles[plan.lang]
    if guessed:
        from consent_tui.core.export.texts import texts_for

        titles = {lang: texts_for(lang).LABELS["all_title"] for lang in titles}
    cid = ctx.category_ids.take(slug(titles[plan.lang], "cookies"))
    _category(ctx, cid, titles, plan, table.intro)
    where = table.where + (f', heading "{table.heading}"' if table.heading else "")
    ctx.notes.comment(("categories", cid), f"{where}")
    if guessed:
        ctx.notes.review(("categories", cid), "title", "the table has no heading: named for review")
    return cid


def empty_table(table: SourceTable, notices: list[str], lang: str, ctx: Context) -> None:
    """A table that lists no cookies ("No cookies to show"): its category, without services."""
    plan = TablePlan(table, [], [], True, "repeat", [], None, lang)
    _table_category(plan, ctx)
    ctx.word("no_services", {lang: notices[0]})


def _title(heading: str) -> str:
    parts = heading_parts(heading)
    return parts[0] if parts else heading


def _category(
    ctx: Context, cid: str, titles: dict[str, str], plan: TablePlan, intro: tuple[str, ...]
) -> None:
    free = not vocab.needs_no_consent(titles[plan.lang])
    data: Data = {"title": ctx.text(titles)}
    descriptions = {plan.lang: "\n\n".join(intro)}
    descriptions.update((lang, "\n\n".join(t.intro)) for lang, t in plan.others.items())
    description = ctx.text(descriptions)
    if description is not None:
        data["description"] = description
    data["consent"] = free
    ctx.categories[cid] = data
    why = "its title says it is needed" if not free else "its title does not say it is needed"
    ctx.notes.review(("categories", cid), "consent", f"guessed: {why}")
    ctx.notes.guess(f"category {cid!r}: consent = {str(free).lower()} ({why})")
    purpose: Data = {"title": ctx.text(titles)}
    first = {lang: text.split("\n\n")[0] for lang, text in descriptions.items() if text}
    purpose["description"] = ctx.text(first) or ctx.text(titles)
    ctx.purposes[cid] = purpose
    ctx.notes.review(
        ("purposes", cid), "title", "one purpose per category, from its title: say why"
    )


def _row_category(plan: TablePlan, ctx: Context, row: int) -> str:
    column = plan.column("category")
    if column is None:
        return plan.category or "cookies"
    texts = plan.texts(row, column.index)
    title = texts[plan.lang]
    found = ctx.by_title.get(title)
    if found is None:
        found = ctx.by_title[title] = ctx.category_ids.take(slug(title, "other"))
        _category(ctx, found, texts if title else {plan.lang: "Other"}, plan, ())
        ctx.notes.comment(("categories", found), f"{plan.table.where}, column {column.header!r}")
    return found


def _service(plan: TablePlan, ctx: Context, start: int, end: int) -> str:
    """One group of rows as a service with its cookies; its id."""
    data: Data = {}
    key = plan.column("provider")
    provider = ""
    links: tuple[Link, ...] = ()
    if key is not None:
        slot = plan.cells[start][key.index]
        provider = slot.cell.lines[0] if slot.cell.lines else ""
        links = slot.cell.links
    elif start in plan.described:
        provider = plan.described[start]
    category = _row_category(plan, ctx, start)
    titles = ctx.categories[category]["title"]
    plain = category if category.endswith("cookies") else f"{category}-cookies"
    base = slug(provider, plain) if provider else plain
    if base in ctx.service_ids.used and provider:
        base = f"{base}-{category}"  # one provider in several categories: google-marketing
    sid = ctx.service_ids.take(base)
    path: Path = ("services", sid)
    if provider:
        data["provider"] = provider
        if key is None:
            ctx.notes.review(path, "provider", "named in the description: check it")
    else:
        ctx.notes.review(path, "provider", "the table names no provider: fill it in")
    data["function"] = titles
    ctx.notes.review(path, "function", "from the category's title: say what it does")
    data["category"] = category
    data["purposes"] = [category]
    cookies = _cookies(plan, ctx, start, end, path)
    policy = _privacy(plan, start, links, path, ctx, provider)
    party = _party(plan, ctx, start, cookies, path, provider, policy)
    if party is not None:
        data["party"] = party
    if policy is not None:
        data["privacy_policy"] = policy
    for column in plan.columns:
        if column.ignored:
            continue
        texts = plan.texts(start, column.index)
        if column.shown_as_own and column.own_level(plan.per_cookie) == "service":
            value = ctx.text(texts)
            if value is not None and column.own is not None:
                data[column.own] = value
        if column.level != "service" or column is key:
            continue
        if column.role == "description" and not column.as_written:
            value = ctx.text(texts)
            if value is not None:
                data["description"] = value
        elif column.role == "country" and texts[plan.lang].strip():
            data["country"] = texts[plan.lang].strip().upper()
    if cookies:
        data["cookies"] = cookies
    rows = f"row {start + 1}" if end - start == 1 else f"rows {start + 1}-{end}"
    ctx.notes.comment(path, f"{plan.table.where}, {rows}")
    ctx.services[sid] = data
    return sid


def _cookies(plan: TablePlan, ctx: Context, start: int, end: int, path: Path) -> list[Data]:
    name = plan.column("name")
    assert name is not None
    out: list[Data] = []
    for row in range(start, end):
        shown = plan.cells[row][name.index].cell.text
        names, _ = split_names(shown) if not plan.per_cookie else ([shown] if shown else [], [])
        if not names and not _cookie_cells(plan, row):
            continue
        for index, text in enumerate(names or [""]):
            cookie = _cookie(plan, ctx, row, text, index, len(names))
            where = (*path, "cookies", len(out))
            for key, why in cookie.pop("#review", {}).items():
                ctx.notes.review(where, key, why)
            ctx.notes.comment(where, f"row {row + 1}")
            if not text:
                ctx.notes.review(where, "name", "the row names no cookie: fill it in")
            out.append(cookie)
    return out


def _cookie_cells(plan: TablePlan, row: int) -> bool:
    return any(
        plan.cells[row][c.index].cell.text
        for c in plan.columns
        if c.level == "cookie" and c.role != "name" and not c.ignored
    )


def _piece(plan: TablePlan, text: str, index: int, count: int) -> str:
    """A cookie's part of a cell of a row per service ("1 year, 30 days" for two names)."""
    if count > 1 and plan.separator:
        pieces = [p.strip() for p in text.split(plan.separator)]
        if len(pieces) == count:
            return pieces[index]
    return text


def _cookie(plan: TablePlan, ctx: Context, row: int, shown: str, index: int, count: int) -> Data:
    data: Data = {}
    name = matching_name(shown) if shown else ""
    if name:
        data["name"] = name
    if shown and shown != name:
        data["display_name"] = shown
    for column in plan.columns:
        if column.level != "cookie" or column.ignored or column.role == "name":
            continue
        texts = {
            lang: _piece(plan, text, index, count)
            for lang, text in plan.texts(row, column.index).items()
        }
        _cookie_field(plan, ctx, column, texts, data)
        if column.shown_as_own and column.own is not None and plan.per_cookie:
            value = ctx.text(plan.texts(row, column.index))
            if value is not None:
                data[column.own] = value
    return data


def _cookie_field(
    plan: TablePlan, ctx: Context, column: Column, texts: dict[str, str], data: Data
) -> None:
    text = texts[plan.lang].strip()
    role = column.role
    if role == "duration" and text:
        lifetime = read_lifetime(text)
        for other in texts.values():
            lifetime = lifetime or read_lifetime(other)
        if lifetime is not None:
            data["duration"] = lifetime
        else:
            data["#review"] = {"duration": f"{text!r} is no lifetime consent-tui reads: add one"}
        data["duration_text"] = ctx.text(texts)
    elif role == "type" and text:
        kind = vocab.storage_type(text)
        if kind is not None:
            data["type"] = kind
            if not column.as_written:
                ctx.word(kind, texts)
    elif role == "domain" and text:
        domain = domain_of(text)
        if domain is not None:
            data["domain"] = domain
    elif role == "path" and text.startswith("/"):
        data["path"] = text
    elif role == "description" and not column.as_written:
        value = ctx.text(texts)
        if value is not None:
            data["description"] = value


def _party(
    plan: TablePlan,
    ctx: Context,
    row: int,
    cookies: list[Data],
    path: Path,
    provider: str,
    policy: str | None,
) -> str | None:
    column = plan.column("party")
    if column is not None:
        texts = plan.texts(row, column.index)
        found = vocab.party(texts[plan.lang])
        if found is not None:
            if not column.as_written:
                ctx.word(found, texts)
            return found
    domains = [c["domain"] for c in cookies if "domain" in c]
    guessed = guess_party(provider, policy, domains, ctx.site_host, ctx.site_name)
    if guessed is not None:
        ctx.notes.review(path, "party", f"guessed: {guessed[1]}")
        return guessed[0]
    ctx.notes.review(path, "party", "the table does not say: first or third party?")
    return None


def _privacy(
    plan: TablePlan,
    row: int,
    provider_links: tuple[Any, ...],
    path: Path,
    ctx: Context,
    provider: str,
) -> str | None:
    column = plan.column("privacy_policy")
    if column is not None:
        slot = plan.cells[row][column.index]
        found = privacy_link(slot.cell.links, slot.cell.text, any_link=True)
        if found:
            return found
    found = privacy_link(provider_links, "", any_link=False, name=provider)
    if found:
        ctx.notes.review(path, "privacy_policy", "the link in the provider's cell")
    return found
