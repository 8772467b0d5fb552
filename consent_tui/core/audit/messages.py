"""The words of each finding: what was seen, where, and what to do."""

from __future__ import annotations

from consent_tui.core.audit import rules as r
from consent_tui.core.audit.findings import Evidence, Finding
from consent_tui.core.audit.words import kind_word, plain, seconds_text, shown
from consent_tui.core.evidence import Observation
from consent_tui.core.matching.catalogue import Declared
from consent_tui.core.matching.domains import party
from consent_tui.core.matching.lifetimes import allowed_seconds, session_mismatch


def _what(d: Declared) -> str:
    return f"{kind_word(d.type)} {shown(d.name)} of service `{d.service_id}`"


def _where(o: Observation) -> str:
    return plain(o.domain if o.kind == "http_cookie" else (o.url or o.host))


def declared_finding(
    rule: r.AuditRule,
    d: Declared,
    o: Observation,
    count: int,
    files: tuple[str, ...],
    site: str | None,
) -> Finding:
    what = _what(d)
    category = f"`{d.service.category}`"
    hint: str | None = None
    declared_seconds = d.duration.seconds if d.duration is not None else None
    if rule is r.SET_BEFORE_CONSENT:
        message = f"{what} was stored before consent, but its category {category} needs consent"
    elif rule is r.KEPT_AFTER_REFUSAL:
        message = f"{what} is stored after consent was refused (category {category} needs consent)"
    elif rule is r.WRONG_DOMAIN:
        declared = plain(d.host or "")
        how = (
            "its declared domain" if d.domain_given else "the site's domain, as no domain is given"
        )
        message = f"{what} was seen on {_where(o)}, another site than {declared} ({how})"
        hint = f'declare `domain = "{plain(o.domain)}"`, or move it to the service that sets it'
    elif rule is r.WRONG_PARTY:
        message = (
            f"{what} is on {_where(o)}, another site than {plain(site or '')}, but the service "
            'says party = "first"'
        )
    elif rule is r.LONGER_THAN_DECLARED:
        lifetime = seconds_text(o.lifetime or 0)
        message = (
            f"{what} lives {lifetime}, longer than its declared {plain(d.cookie.duration or '')}"
        )
        if declared_seconds is not None:
            hint = (
                f"at most {seconds_text(allowed_seconds(declared_seconds))} fits the declared "
                "duration (2 % tolerance); shorten the cookie or declare its real lifetime"
            )
    else:  # SESSION_MISMATCH
        kind = session_mismatch(o.session, d.duration)
        duration = plain(d.cookie.duration or "")
        if kind == "persistent-declared-session":
            life = f": it lives {seconds_text(o.lifetime)}" if o.lifetime is not None else ""
            message = f'{what} is declared "session" but outlives the session{life}'
        else:
            message = f'{what} is declared "{duration}" but the browser drops it with the session'
    return Finding(
        rule.id,
        rule.severity,
        message,
        hint or _hint(rule.fix),
        service_id=d.service_id,
        cookie_index=d.cookie_index,
        declared_name=d.name,
        name=o.name,
        kind=o.kind,
        domain=o.domain,
        party=party(o.host, site),
        evidence=Evidence.of(o),
        occurrences=count,
        files=files,
        observed_lifetime=o.lifetime,
        observed_session=o.session,
        declared_lifetime=declared_seconds,
    )


def undeclared_finding(
    o: Observation,
    count: int,
    files: tuple[str, ...],
    site: str | None,
    pattern: str | None,
    family: int,
    others: list[Declared],
    elsewhere: Declared | None = None,
) -> Finding:
    side = party(o.host, site)
    where = f" on {_where(o)}" + (f" ({side} party)" if side else "")
    message = f"{kind_word(o.kind)} {shown(o.name)}{where} is not declared"
    if o.state in ("before-consent", "after-reject"):
        message += f" (seen {o.state.replace('-', ' ')})"
    if elsewhere is not None:
        hint = (
            f"{shown(elsewhere.name)} of service `{elsewhere.service_id}` is declared on "
            f"{plain(elsewhere.host or '')} and seen there; this one is another site's: "
            "declare it with its own domain"
        )
    elif others:
        first = others[0]
        hint = (
            f"the catalogue declares {shown(first.name)} as {kind_word(first.type)} "
            f"(service `{first.service_id}`), not as {kind_word(o.kind)}"
        )
    elif pattern and family > 1:
        hint = f"declare it; the pattern {shown(pattern)} covers the {family} names like it seen"
    elif pattern:
        hint = f"declare it; its name looks generated: the pattern {shown(pattern)} would cover it"
    else:
        hint = _hint(r.UNDECLARED.fix)
    return Finding(
        r.UNDECLARED.id,
        r.UNDECLARED.severity,
        message,
        hint,
        name=o.name,
        kind=o.kind,
        domain=o.domain,
        party=side,
        evidence=Evidence.of(o),
        occurrences=count,
        files=files,
        observed_lifetime=o.lifetime,
        observed_session=o.session,
        suggested_pattern=pattern,
    )


def not_seen_finding(d: Declared, recordings: int) -> Finding:
    which = "recording" if recordings == 1 else f"{recordings} recordings"
    message = (
        f"{_what(d)} is declared but was seen in none of the {which} that could show it"
        if recordings > 1
        else f"{_what(d)} is declared but was not seen in the recording that could show it"
    )
    return Finding(
        r.DECLARED_NOT_SEEN.id,
        r.DECLARED_NOT_SEEN.severity,
        message,
        "the page that sets it may not have been visited; if the site no longer uses it, "
        "remove it from the catalogue",
        service_id=d.service_id,
        cookie_index=d.cookie_index,
        declared_name=d.name,
        kind=d.type,
        declared_lifetime=d.duration.seconds if d.duration is not None else None,
    )


def _hint(fix: str) -> str:
    text = fix.removesuffix(".")
    return text[:1].lower() + text[1:]
