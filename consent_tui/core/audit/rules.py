"""The audit's findings: stable ids, severities and the reasons behind them (docs/audit.md)."""

from __future__ import annotations

from dataclasses import dataclass
from types import MappingProxyType
from typing import Final, Literal

Severity = Literal["error", "warning"]


@dataclass(frozen=True, slots=True)
class AuditRule:
    """One kind of finding, documented in docs/audit.md and in SARIF rule metadata."""

    id: str
    severity: Severity
    title: str  # the heading its findings are grouped under
    summary: str
    why: str
    fix: str


SET_BEFORE_CONSENT = AuditRule(
    "set-before-consent",
    "error",
    "Set before consent",
    "A cookie or storage item of a category that needs consent was stored before the visitor "
    "made a choice.",
    "ePrivacy art. 5(3) allows storing information on a visitor's device without consent only "
    "when it is strictly necessary; anything else must wait for the visitor's agreement.",
    "Load the service only after consent (the banner's callback), or, if it is strictly "
    "necessary, move it to a category that needs no consent.",
)
KEPT_AFTER_REFUSAL = AuditRule(
    "kept-after-refusal",
    "error",
    "Kept after refusal",
    "A cookie or storage item of a category that needs consent was stored, or still present, "
    "after the visitor refused.",
    "Refusing must be as effective as accepting (GDPR art. 7(3), EDPB guidelines 05/2020): a "
    "refused service must not store or keep anything on the device.",
    "Do not load the service when it is refused, and delete what it stored (the banner's "
    "auto-clear settings, or a callback).",
)
UNDECLARED = AuditRule(
    "undeclared",
    "error",
    "Undeclared",
    "A cookie or storage item the site stores is not in the catalogue.",
    "Visitors must be told of every item stored on their device, who sets it, why and for how "
    "long (ePrivacy art. 5(3), GDPR art. 13); a policy that misses one is not true.",
    "Declare it under the service that sets it (a `*` pattern covers generated names), or add "
    "it to [[audit.ignore]] with the reason it is not declared.",
)
LONGER_THAN_DECLARED = AuditRule(
    "lifetime-longer-than-declared",
    "error",
    "Lifetime longer than declared",
    "An observed cookie lives longer than the duration the catalogue declares, beyond the "
    "tolerance (2 %, at least 5 minutes).",
    "The lifetime is information visitors are owed (CJEU C-673/17 Planet49); a longer real "
    "lifetime makes the policy untrue, and may pass a regulator's limit (CNIL: 13 months).",
    "Shorten the cookie's lifetime where it is set, or declare the real duration.",
)
WRONG_DOMAIN = AuditRule(
    "wrong-domain",
    "error",
    "Wrong domain",
    "A declared cookie was observed on another site (registrable domain) than the one it is "
    "declared on (its `domain`, else the site's own domain).",
    "The domain tells visitors, and the banner's cookie deletion, where the cookie lives; on "
    "another site it is a different party's cookie.",
    "Give the cookie the `domain` it is really set on, or move it to the service that sets it.",
)
WRONG_PARTY = AuditRule(
    "wrong-party",
    "error",
    "Wrong party",
    'A cookie of a service declared `party = "first"` was observed on another site than the '
    "site's own (a third-party cookie).",
    "A cookie on another site's domain is read by that site: visitors are told it stays with "
    "the site when it does not.",
    'Declare the service `party = "third"` (with its privacy policy), or serve the cookie from '
    "the site's own domain.",
)
SESSION_MISMATCH = AuditRule(
    "session-persistent-mismatch",
    "error",
    "Session or persistent mismatch",
    'A cookie declared "session" outlives the browser session, or one declared with a '
    "lifetime ends with the session.",
    "Whether a cookie survives closing the browser is part of its lifetime, which visitors "
    "must be told.",
    'Declare the duration the browser really keeps it: "session", or its lifetime.',
)
DECLARED_NOT_SEEN = AuditRule(
    "declared-not-seen",
    "warning",
    "Declared but never seen",
    "A declared cookie or storage item appears in none of the recordings that could have shown it.",
    "It may be obsolete (the policy lists what the site no longer stores), or the pages that "
    "set it were not visited: worth a look, not an error.",
    "Record the pages that set it, or remove it from the catalogue if the site no longer uses it.",
)

RULES: Final = (
    SET_BEFORE_CONSENT,
    KEPT_AFTER_REFUSAL,
    UNDECLARED,
    LONGER_THAN_DECLARED,
    WRONG_DOMAIN,
    WRONG_PARTY,
    SESSION_MISMATCH,
    DECLARED_NOT_SEEN,
)
BY_ID: Final = MappingProxyType({rule.id: rule for rule in RULES})
ORDER: Final = MappingProxyType({rule.id: i for i, rule in enumerate(RULES)})
