"""Synthetic catalogues of any size for the benchmarks (and the large-file tests).

``python -m benchmarks.generate 10000 > big.toml`` writes a valid catalogue with
that many cookies, spread over services of ten cookies, in English and French.
With ``--problems`` the same catalogue is left half translated, as large real
catalogues are: every cookie's description, every service's function and every
other service's location is in English only, so validating 10,000 cookies reports
about 11,500 warnings (``missing-translation``) besides the few hundred of the
plain catalogue: 11,869 problems in all.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

CATEGORIES = (
    ("necessary", False),
    ("preferences", True),
    ("statistics", True),
    ("marketing", True),
)
DURATIONS = ("session", "30 minutes", "1 day", "2 weeks", "6 months", "13 months", "1 year")
TYPES = ("http_cookie", "http_cookie", "http_cookie", "local_storage", "session_storage")


def generate(cookies: int, per_service: int = 10, *, problems: bool = False) -> str:
    """A catalogue with ``cookies`` cookies, as TOML text (comments included).

    ``problems``: leave every cookie description, service function and every other
    service location untranslated (English only), one ``missing-translation`` each.
    """
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
            (
                f'function = {{ en = "Function {s}" }}'
                if problems
                else f'function = {{ en = "Function {s}", fr = "Fonction {s}" }}'
            ),
            (
                'location = { en = "site-wide" }'
                if problems and s % 2 == 0
                else 'location = { en = "site-wide", fr = "tout le site" }'
            ),
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
                (
                    f'description = {{ en = "Cookie number {n}." }}'
                    if problems
                    else f'description = {{ en = "Cookie number {n}.", fr = "Cookie numéro {n}." }}'
                ),
                "",
            ]
        made += min(per_service, cookies - made)
    return "\n".join(out)


def _count(text: str) -> int:
    try:
        value = int(text.replace("_", "").replace(",", ""))
    except ValueError:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from None
    if value < 0:
        raise argparse.ArgumentTypeError(f"cannot be negative: {value}")
    return value


def _positive(text: str) -> int:
    value = _count(text)
    if value < 1:
        raise argparse.ArgumentTypeError("at least one cookie per service")
    return value


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m benchmarks.generate",
        description="Write a valid synthetic catalogue (English and French) of any size: "
        "four categories, four purposes, and services of --per-service cookies each.",
    )
    parser.add_argument(
        "cookies",
        nargs="?",
        type=_count,
        default=10_000,
        help="how many cookies (default 10000; 10_000 and 10,000 are read too)",
    )
    parser.add_argument(
        "--per-service",
        type=_positive,
        default=10,
        metavar="N",
        help="cookies per service (default 10)",
    )
    parser.add_argument(
        "--problems",
        action="store_true",
        help="many problems: cookie descriptions, service functions and locations in English "
        "only (about 11,500 warnings at 10,000 cookies)",
    )
    parser.add_argument(
        "-o", "--output", type=Path, metavar="FILE", help="write to FILE (default: standard output)"
    )
    args = parser.parse_args(argv)
    text = generate(args.cookies, args.per_service, problems=args.problems)
    if args.output is None:
        sys.stdout.write(text)
        return 0
    try:
        args.output.write_text(text, encoding="utf-8")
    except OSError as exc:
        parser.exit(2, f"{parser.prog}: cannot write {args.output}: {exc.strerror or exc}\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
