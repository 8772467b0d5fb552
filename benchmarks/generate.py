"""Synthetic catalogues of any size for the benchmarks (and the large-file tests).

``python -m benchmarks.generate 10000 > big.toml`` writes a valid catalogue with
that many cookies, spread over services of ten cookies, in English and French.
"""

from __future__ import annotations

import sys

CATEGORIES = (
    ("necessary", False),
    ("preferences", True),
    ("statistics", True),
    ("marketing", True),
)
DURATIONS = ("session", "30 minutes", "1 day", "2 weeks", "6 months", "13 months", "1 year")
TYPES = ("http_cookie", "http_cookie", "http_cookie", "local_storage", "session_storage")


def generate(cookies: int, per_service: int = 10) -> str:
    """A catalogue with ``cookies`` cookies, as TOML text (comments included)."""
    out = [
        "# Synthetic catalogue for benchmarks",
        "format_version = 1",
        "",
        "[policy]",
        'title = { en = "Cookies policy", fr = "Politique relative aux cookies" }',
        'site_name = "Benchmark"',
        'site_url = "https://bench.example.org"',
        'controller = "Benchmark Ltd"',
        'contact = "mailto:privacy@bench.example.org"',
        'languages = ["en", "fr"]',
        "updated = 2026-11-28",
        "",
    ]
    for cat, consent in CATEGORIES:
        out += [
            f"[categories.{cat}]",
            f'title = {{ en = "{cat.title()}", fr = "{cat.title()} (fr)" }}',
            f'description = {{ en = "The {cat} cookies.", fr = "Les cookies {cat}." }}',
            f"consent = {'true' if consent else 'false'}",
            "",
        ]
    for cat, _consent in CATEGORIES:
        basis = "legitimate_interests" if cat == "necessary" else "consent"
        out += [
            f"[purposes.{cat}-purpose]",
            f'title = {{ en = "{cat.title()} purpose", fr = "Finalité {cat}" }}',
            f'description = {{ en = "Used for {cat}.", fr = "Utilisé pour {cat}." }}',
            f'legal_basis = "{basis}"',
            "",
        ]
    services = max(1, (cookies + per_service - 1) // per_service)
    made = 0
    for s in range(services):
        cat, _ = CATEGORIES[s % len(CATEGORIES)]
        third = s % 3 == 0
        out += [
            f"[services.service-{s:05d}]",
            f'provider = "Provider {s}"',
            f'function = {{ en = "Function {s}", fr = "Fonction {s}" }}',
            'location = { en = "site-wide", fr = "tout le site" }',
            f'category = "{cat}"',
            f'purposes = ["{cat}-purpose"]',
            f'party = "{"third" if third else "first"}"',
        ]
        if third:
            out.append(f'privacy_policy = "https://provider{s}.example.com/privacy"')
        out += ['country = "FR"', ""]
        for c in range(min(per_service, cookies - made)):
            n = made + c
            out += [
                f"[[services.service-{s:05d}.cookies]]",
                f'name = "cookie_{n:06d}{"_*" if n % 7 == 0 else ""}"',
                f'type = "{TYPES[n % len(TYPES)]}"',
                f'duration = "{DURATIONS[n % len(DURATIONS)]}"  # lifetime',
                f'description = {{ en = "Cookie number {n}.", fr = "Cookie numéro {n}." }}',
                "",
            ]
        made += min(per_service, cookies - made)
    return "\n".join(out)


if __name__ == "__main__":
    sys.stdout.write(generate(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000))
