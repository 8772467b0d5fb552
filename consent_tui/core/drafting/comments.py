"""The comments of a drafted catalogue: where each entry came from, and what to review.

Every text from the evidence or the database is escaped (:func:`printable`):
a name or URL holding a line break cannot end its comment and write TOML. URLs
lose their query and fragment, which may hold tokens.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING, Final
from urllib.parse import urlsplit

from consent_tui.core.audit.words import kind_word, seconds_text
from consent_tui.core.evidence import FORMAT_NAMES, EvidenceFile
from consent_tui.core.known.entry import PROJECT_URL
from consent_tui.core.values import printable

if TYPE_CHECKING:
    from consent_tui.core.drafting.naming import Declaration
    from consent_tui.core.drafting.site import Site
    from consent_tui.core.known import KnownEntry, SourceInfo

DATABASE_TEXT: Final = (
    "description: the Open Cookie Database's text (in English), a starting point to rewrite."
)
_MAX_NAMES: Final = 5
_STATES: Final = {
    "before-consent": "before consent",
    "after-reject": "after refusing",
    "after-accept": "after accepting",
    "unknown": "consent state not given",
}


def _url(url: str) -> str:
    """A URL without its query and fragment (they may hold tokens)."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return printable(url.split("?", 1)[0].split("#", 1)[0])
    cut = "?…" if parts.query else ""
    return printable(parts._replace(query="", fragment="").geturl() + cut)


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


def header(site: Site, files: Sequence[EvidenceFile], source: SourceInfo | None) -> tuple[str, ...]:
    also = " and the Open Cookie Database" if source is not None else ""
    out = [
        f"Cookie catalogue of {printable(site.host)}, drafted by `consent-tui init` from what "
        f"a browser recorded{also}. Nobody has checked it yet: `consent-tui validate` lists "
        "what to review (needs-review), and the editor (`consent-tui FILE`) is the place to "
        "do it. The comments say where each entry came from.",
        "Evidence read:",
    ]
    for f in files:
        what = FORMAT_NAMES.get(f.format, f.format)
        items = _plural(len(f.observations), "item")
        out.append(f"  {printable(f.path)}: {what}, {_STATES[f.state]}, {items}")
    if source is not None:
        out.append(
            f"Known cookies: the Open Cookie Database ({printable(source.licence)}, "
            f"{PROJECT_URL}), copy {printable(source.file.name)} retrieved "
            f"{printable(source.retrieved[:10])}. Its texts are in English; those kept here "
            "are marked as its own."
        )
    else:
        out.append(
            "No known-cookie database was installed, so no cookie is identified: "
            "`consent-tui known update` installs the Open Cookie Database, and "
            "`consent-tui init --force` then drafts again."
        )
    return tuple(out)


def policy(site: Site) -> str:
    text = (
        f"The site's name and controller are guesses from its address (from "
        f"{printable(site.source)}): write the controller's legal name and address, add a "
        "`contact`, then delete `review = true`."
    )
    if site.others:
        names = ", ".join(printable(o) for o in site.others)
        text += f" The evidence was also recorded on {names}: only this site is drafted."
    return text


def categories(database: bool) -> str:
    text = "The four standard categories; retitle them or add your own as the site needs."
    if database:
        text += (
            " The Open Cookie Database's categories go to them by these ids: Functional and "
            "Security to `necessary`, Personalization to `preferences`, Analytics to "
            "`statistics`, Marketing to `marketing` (docs/known.md)."
        )
    return text


def purposes() -> str:
    return "One purpose per category: write the site's own reasons, and check each legal basis."


def unreviewed(site: str, own: str, database: bool) -> str:
    why = (
        "the Open Cookie Database does not know (or lists for several platforms)"
        if database
        else "no known-cookie database identified"
    )
    if site != own:
        return (
            f"Unreviewed: what {printable(site)}, another site, stores and {why}. Move each "
            "cookie to the service that sets it, then delete this service; its provider is "
            "the site's name, a guess. In `marketing` until then."
        )
    return (
        f"Unreviewed: what the site's own domain stores and {why}. Find out what sets each "
        "one and why, and move it to that service (or make this one that service: "
        "provider, function, category, purposes, then delete `review = true`). In "
        "`marketing` until then, so that none is presented as needing no consent."
    )


def known_service(platform: str, entries: Sequence[KnownEntry], category: str) -> str:
    kinds = ", ".join(dict.fromkeys(printable(e.category) for e in entries))
    return f"{printable(platform)}: from the Open Cookie Database ({kinds}, in `{category}`)."


def party(third: bool, sites: Sequence[str], listed: Sequence[str]) -> str:
    if third and sites:
        where = ", ".join(printable(s) for s in sites)
        return f'party = "third": its cookies are set on {where}, not on the site\'s own domain.'
    if third:
        names = ", ".join(printable(n) for n in dict.fromkeys(listed))
        return f'party = "third": the Open Cookie Database lists {names} as third-party.'
    return (
        'party = "first": its cookies are on the site\'s own domain; make it "third" if the '
        "provider also uses the data for its own purposes."
    )


def guessed_policy(url: str) -> str:
    return (
        f"review: privacy_policy is a guess ({printable(url)}, the home page of the site its "
        "cookies come from): link the provider's privacy notice."
    )


def unmapped(known_category: str) -> str:
    return (
        f'review: the database\'s category "{printable(known_category)}" matches none of the '
        "catalogue's; the service is in `marketing` until you choose."
    )


def no_duration_review(name: str) -> str:
    return f"review: the lifetime of {printable(name)} is not known (see its comment)."


def quoted(text: str) -> str:
    return f'The Open Cookie Database describes it (in English): "{printable(text)}"'


def _seen(d: Declaration) -> str:
    item = d.first
    o = item.first
    if len(d.names) > 1:
        shown = ", ".join(printable(n) for n in d.names[:_MAX_NAMES])
        more = ", …" if len(d.names) > _MAX_NAMES else ""
        text = f"{printable(d.name)}: covers the {len(d.names)} names seen ({shown}{more}); "
        text += f"{printable(item.name)} seen in {printable(o.file)} ({printable(o.where)})"
    else:
        text = f"{printable(d.name)}: seen in {printable(o.file)} ({printable(o.where)})"
        if d.name != item.name:
            text = f"{printable(d.name)}: {printable(item.name)} seen in {printable(o.file)}"
            text += f" ({printable(o.where)})"
    if o.url:
        verb = {"request-cookie": "sent to", "storage": "on"}.get(o.origin, "set by")
        text += f", {verb} {_url(o.url)}"
    if d.kind != "http_cookie":
        text += f" ({kind_word(d.kind)})"
    early = [_STATES[s] for s in ("before-consent", "after-reject") if s in d.states]
    if early:
        text += "; also seen " + " and ".join(early)
    count = sum(i.count for i in d.items)
    files = {f for i in d.items for f in i.files}
    if count > 1:
        text += f"; {count:,} times" + (f" in {len(files)} files" if len(files) > 1 else "")
    return text + "."


def _known(d: Declaration) -> str | None:
    if d.known is not None:
        e = d.known.entry
        how = " (by prefix)" if d.known.by_prefix else ""
        ident = f"entry {printable(e.id)}" if e.id else "an entry without id"
        return f"Open Cookie Database: {ident}, {printable(e.platform)} {printable(e.name)}{how}."
    if d.candidates:
        listed = ", ".join(
            f"{printable(e.platform)} ({printable(e.id) or 'no id'})" for e in d.candidates
        )
        return (
            f"Open Cookie Database: several platforms list this name, {listed}; its domain "
            "does not tell which one this is."
        )
    return None


def _duration(d: Declaration, source: str, duration: str) -> str:
    lived = d.lifetime
    if d.kind in ("local_storage", "indexed_db", "session_storage") and source == "evidence":
        return f"duration: {duration}, as {kind_word(d.kind)}s are kept."
    if source == "database":
        retention = printable(d.known.entry.retention) if d.known else ""
        text = f'duration: the database\'s retention, "{retention}"'
        if lived is not None:
            text += f"; it lived up to {seconds_text(lived)} in the evidence"
        return text + "."
    if source == "evidence":
        seen = "a session cookie" if d.session and lived is None else None
        seen = seen or (f"it lived up to {seconds_text(lived)}" if lived else "as seen")
        text = f"duration: from the evidence, {seen}"
        if d.known and d.known.entry.retention:
            text += f'; the database says "{printable(d.known.entry.retention)}"'
        return text + "."
    return (
        f'duration: neither the evidence nor the database shows it: "{duration}" until '
        "you check it."
    )


def cookie(d: Declaration, source: str, duration: str, site: Site) -> tuple[str, ...]:
    del site
    lines = [_seen(d)]
    known = _known(d)
    if known is not None:
        lines.append(known)
    lines.append(_duration(d, source, duration))
    return tuple(lines)


def nothing_seen(files: Sequence[EvidenceFile]) -> str:
    text = "the evidence holds no cookie or storage item a catalogue could declare"
    empty = [f.path for f in files if f.format == "har" and not f.has_cookie_data]
    if empty:
        text += (
            f" ({printable(empty[0])} holds no cookie data: Chrome and Edge leave cookies out "
            "of a HAR unless it is exported with sensitive data, see docs/audit.md)"
        )
    return text
