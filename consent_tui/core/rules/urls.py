"""URLs, cookie domains and cookie paths are well formed."""

from __future__ import annotations

import re
from typing import Final
from urllib.parse import urlsplit

from consent_tui.core.rules.base import (
    Context,
    Loc,
    Rule,
    cookie_loc,
    is_blank,
    policy_loc,
    quote,
    service_loc,
)
from consent_tui.core.values import is_host, url_problem

FAMILY = "urls"

INVALID_URL = Rule(
    "invalid-url",
    "error",
    FAMILY,
    "`site_url` or a `privacy_policy` is not an absolute http(s) URL, or `contact` is neither "
    "such a URL nor a `mailto:` address.",
    "These links are printed in the policy and the banner; a relative or malformed link leads "
    "visitors nowhere.",
    'Write the full address with its scheme: "https://www.example.org/privacy" or '
    '"mailto:privacy@example.org".',
    source="RFC 3986 (URI syntax); RFC 6068 (mailto)",
    bad="""\
[policy]
site_url = "www.example.org"
contact = "privacy@example.org"
""",
    good="""\
[policy]
site_url = "https://www.example.org"
contact = "mailto:privacy@example.org"
""",
)
INSECURE_URL = Rule(
    "insecure-url",
    "warning",
    FAMILY,
    "A URL of the policy or a privacy policy uses plain `http://`.",
    "Browsers flag plain-HTTP pages as not secure, and the page can be altered on the way; a "
    "privacy notice should be served over HTTPS.",
    "Use the https:// address.",
    bad="""\
[policy]
site_url = "http://www.example.org"
""",
    good="""\
[policy]
site_url = "https://www.example.org"
""",
)
INVALID_DOMAIN = Rule(
    "invalid-domain",
    "error",
    FAMILY,
    "A cookie's `domain` is not a host name (such as `.example.org` or `www.example.org`), or "
    "ends with a dot.",
    "A cookie's Domain attribute is a bare host name: a URL, a path, a port or a wildcard "
    "there describes a cookie no browser can hold. A final dot (`www.example.org.`) names, "
    "for browsers, another host than the site's, whose cookies are kept apart.",
    "Write only the host name; a leading dot (`.example.org`) means the domain and its subdomains.",
    source="RFC 6265 section 5.2.3 (the Domain attribute)",
    bad="""\
[[services.site.cookies]]
name = "session"
duration = "session"
domain = "https://www.example.org/"
""",
    good="""\
[[services.site.cookies]]
name = "session"
duration = "session"
domain = "www.example.org"
""",
)
INVALID_PATH = Rule(
    "invalid-cookie-path",
    "error",
    FAMILY,
    "A cookie's `path` does not start with `/`, or holds spaces or `;`.",
    "Browsers ignore a Path attribute that does not start with `/` and use the page's "
    "folder instead, so the cookie would not be where the policy says.",
    'Write the path from the root of the site, such as "/" or "/account".',
    source="RFC 6265 section 5.2.4 (the Path attribute)",
    bad="""\
[[services.site.cookies]]
name = "session"
duration = "session"
path = "account"
""",
    good="""\
[[services.site.cookies]]
name = "session"
duration = "session"
path = "/account"
""",
)

RULES: Final = (INVALID_URL, INSECURE_URL, INVALID_DOMAIN, INVALID_PATH)


def _mailto_problem(value: str) -> str | None:
    address = value[len("mailto:") :].split("?")[0]
    if re.fullmatch(r"[^@\s]+@[^@\s]+\.[^@\s]+", address) is None:
        return "is not a mailto: address (mailto:name@example.org)"
    return None


def _url_hint(field: str, value: str) -> str | None:
    text = value.strip()
    if "@" in text and ":" not in text and field == "contact":
        return f'write `contact = "mailto:{text}"`'
    if "://" not in text and "." in text and not any(c.isspace() for c in text):
        return f'write `{field} = "https://{text.lstrip("/")}"`'
    return None


def _url(ctx: Context, loc: Loc, field: str, value: str | None, mailto: bool = False) -> None:
    if value is None or is_blank(value):
        return
    if mailto and value.lower().startswith("mailto:"):
        why = _mailto_problem(value)
    else:
        why = url_problem(value)
        if why is not None and mailto:
            why = why + "; contact must be an http(s) URL or a mailto: address"
    if why is not None:
        ctx.report(
            INVALID_URL,
            loc,
            f"{field} of {loc.label} ({quote(value)}) {why}",
            field=field,
            hint=_url_hint(field, value),
        )
    elif value[:7].lower() == "http://":
        ctx.report(
            INSECURE_URL,
            loc,
            f"{field} of {loc.label} uses plain http://",
            field=field,
            hint=f'write `{field} = "https://{value[7:]}"` if the site serves it',
        )


def _domain_hint(value: str) -> str | None:
    text = value.strip()
    if "://" in text:
        try:
            host = urlsplit(text).hostname
        except ValueError:
            host = None
        return f'write `domain = "{host}"`' if host else None
    if text.startswith("*."):
        return f'write `domain = "{text[1:]}"`: a leading dot covers the subdomains'
    head = re.split(r"[/:]", text, maxsplit=1)[0]
    if head != text and is_host(head.lstrip(".")):
        return f'write `domain = "{head}"`'
    return None


def _domain(ctx: Context, loc: Loc, domain: str) -> None:
    host = domain.strip().lower().removeprefix(".")
    if is_host(host) and domain == domain.strip():
        if not host.endswith("."):
            return
        bare = domain.rstrip(".")
        ctx.report(
            INVALID_DOMAIN,
            loc,
            f"domain of {loc.label} ({quote(domain)}) ends with a dot: browsers take "
            f"{quote(host)} for another host than {quote(host.rstrip('.'))}, and do not match "
            "the two",
            field="domain",
            hint=f"write `domain = {quote(bare)}`",
        )
        return
    ctx.report(
        INVALID_DOMAIN,
        loc,
        f"domain of {loc.label} ({quote(domain)}) is not a host name",
        field="domain",
        hint=_domain_hint(domain),
    )


def check(ctx: Context) -> None:
    cat = ctx.catalogue
    policy = cat.policy
    loc = policy_loc()
    _url(ctx, loc, "site_url", policy.site_url)
    _url(ctx, loc, "contact", policy.contact, mailto=True)
    for si, (sid, service) in enumerate(cat.services.items()):
        if service.privacy_policy is not None:
            _url(ctx, service_loc(si, sid), "privacy_policy", service.privacy_policy)
        for ci, cookie in enumerate(service.cookies):
            domain, path = cookie.domain, cookie.path
            if domain is not None and not is_blank(domain):
                _domain(ctx, cookie_loc(si, sid, ci, cookie.name), domain)
            if (
                path is not None
                and not is_blank(path)
                and (not path.startswith("/") or any(c.isspace() or c == ";" for c in path))
            ):
                loc = cookie_loc(si, sid, ci, cookie.name)
                ctx.report(
                    INVALID_PATH,
                    loc,
                    f"path of {loc.label} ({quote(path)}) must start with / and hold no "
                    "spaces or ;",
                    field="path",
                    hint=f'write `path = "/{path.strip().lstrip("/")}"`'
                    if not path.startswith("/")
                    else None,
                )
