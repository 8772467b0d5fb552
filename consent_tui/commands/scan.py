"""``consent-tui scan URL...``: record what a site stores before and after a consent choice."""

from __future__ import annotations

import argparse
import sys
import textwrap
from collections.abc import Mapping
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from consent_tui.core.evidence import ConsentState
    from consent_tui.core.scan import Options, Scan

EXIT_OK, EXIT_NOT_RECORDED, EXIT_FAILED = 0, 1, 2
CHOICES = ("none", "accept", "reject", "all")  # core.scan.CHOICES, without importing it

EPILOG = textwrap.dedent(
    """\
    consent states (--consent): none records before-consent only; accept adds after-accept,
    reject adds after-reject, all (the default) records the three, each in a fresh browser.

    output (-o): a folder (the default: the current one) gets before-consent.json,
    after-accept.json, after-reject.json; a FILE with one state is that file, with several
    FILE.before-consent.json ... (a .json ending is left out first); - prints one state.

    the banner: DuckDuckGo's autoconsent when found (--autoconsent PATH,
    CONSENT_TUI_AUTOCONSENT, or ./node_modules/@duckduckgo/autoconsent), else buttons
    found by their text in English, French, German, Spanish, Italian, Dutch, Portuguese.

    exit status:
      0  every state asked for was recorded and written
      1  a consent choice could not be made (no banner found): that state is not written
      2  a usage error, a URL that does not load, no Playwright or Chromium, a timeout

    example:
      consent-tui scan https://www.example.org/ -o scans/ --pages 20
      consent-tui audit cookies.toml scans/

    What is recorded, third-party cookies, the evidence format: docs/scan.md."""
)


def _seconds(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number of seconds") from None
    if not 0 < value < 1e7:
        raise argparse.ArgumentTypeError(f"{text!r} must be more than 0 seconds")
    return value


def _count(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number") from None
    if not 1 <= value <= 1000:
        raise argparse.ArgumentTypeError(f"{text!r} must be from 1 to 1000")
    return value


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.formatter_class = argparse.RawDescriptionHelpFormatter
    parser.description = (
        "Visit a site in headless Chromium and record the cookies and storage it sets:\n"
        "before any consent choice, then after accepting and after rejecting on its banner.\n"
        "Writes consent-tui evidence files that `consent-tui audit` reads."
    )
    parser.epilog = EPILOG
    parser.add_argument("urls", nargs="+", metavar="URL", help="pages to start from (one site)")
    parser.add_argument("-o", "--output", metavar="PATH", help="a folder, a file, or - (stdout)")
    parser.add_argument(
        "--pages",
        type=_count,
        default=10,
        metavar="N",
        help="visit at most N pages, following links (default: 10)",
    )
    parser.add_argument(
        "--consent",
        choices=CHOICES,
        default="all",
        help="the consent states to record (default: all)",
    )
    parser.add_argument(
        "--autoconsent",
        metavar="PATH",
        help="autoconsent's dist/autoconsent.playwright.js (or its package folder)",
    )
    parser.add_argument(
        "--no-autoconsent", action="store_true", help="find the banner's buttons by their text only"
    )
    parser.add_argument("--browser", metavar="PATH", help="the Chromium to drive")
    parser.add_argument(
        "--browser-arg",
        action="append",
        default=[],
        metavar="FLAG",
        help="an extra Chromium flag (repeatable)",
    )
    parser.add_argument(
        "--ignore-https-errors",
        action="store_true",
        help="accept invalid certificates (test sites)",
    )
    parser.add_argument(
        "--third-party-cookies",
        choices=("allow", "block"),
        default="allow",
        help="let the browser set third-party cookies (default: allow)",
    )
    for flag, default, what in (
        ("--page-timeout", 30.0, "seconds a page may take to load"),
        ("--banner-timeout", 10.0, "seconds to look for the banner"),
        ("--timeout", 600.0, "seconds the whole scan may take"),
        ("--wait", 1.0, "seconds to wait on each page for its scripts"),
    ):
        parser.add_argument(
            flag, type=_seconds, default=default, metavar="S", help=f"{what} (default: {default:g})"
        )


def _error(message: str) -> int:
    from consent_tui.core.values import printable

    print(f"consent-tui scan: error: {printable(message)}", file=sys.stderr)
    return EXIT_FAILED


def _say(message: str) -> None:
    from consent_tui.core.values import printable

    print(f"consent-tui scan: {printable(message)}", file=sys.stderr)


def _options(args: argparse.Namespace) -> Options:
    from consent_tui.core.scan import Options, check_urls

    return Options(
        urls=check_urls(args.urls),
        pages=args.pages,
        consent=args.consent,
        browser=args.browser,
        autoconsent=args.autoconsent,
        use_autoconsent=not args.no_autoconsent,
        browser_args=tuple(args.browser_arg),
        ignore_https_errors=args.ignore_https_errors,
        third_party=args.third_party_cookies,
        page_timeout=args.page_timeout,
        banner_timeout=args.banner_timeout,
        timeout=args.timeout,
        wait=args.wait,
    )


def run(args: argparse.Namespace) -> int:
    from consent_tui.commands import scan_output
    from consent_tui.core.scan import ScanError

    try:
        options = _options(args)
        targets = dict(scan_output.targets(args.output, options.states))
    except ScanError as exc:
        return _error(exc.message)
    try:
        result = _scan(options)
    except ScanError as exc:
        return _error(exc.message)
    return _write(result, targets)


def _scan(options: Options) -> Scan:
    from consent_tui.commands.scan_progress import ProgressLine
    from consent_tui.core.scan import scan

    line = ProgressLine()
    try:
        return scan(options, line)
    finally:
        line.clear()


def _banner_method(result: Scan) -> str:
    package = result.autoconsent
    if package is not None:
        return f"banner: autoconsent {package.version or '(no version)'} from {package.path}"
    if not result.options.use_autoconsent:
        return "banner: autoconsent is off (--no-autoconsent); its buttons are found by their text"
    return (
        "banner: autoconsent not found, its buttons are found by their text (npm install "
        "@duckduckgo/autoconsent here, or --autoconsent PATH, to use it)"
    )


def _write(result: Scan, targets: Mapping[ConsentState, str]) -> int:
    from consent_tui.commands import scan_output
    from consent_tui.core.evidence import own
    from consent_tui.core.scan import ScanError, evidence, summary

    status = EXIT_OK
    if any(s.banner is not None for s in result.states):
        _say(_banner_method(result))
    if result.states:
        mode = result.states[0].third_party
        _say(f"third-party cookies: {mode} (checked in the browser)")
        if mode != "allowed" and result.options.third_party == "allow":
            _say(
                "warning: this browser did not let third-party cookies be set: the evidence "
                "misses them (see docs/scan.md, third-party cookies)"
            )
    for state in result.states:
        for note in state.notes:
            _say(f"{state.state}: note: {note}")
        action = "accept" if state.state == "after-accept" else "reject"
        banner = f"{state.banner.describe(action)}; " if state.banner is not None else ""
        if not state.recorded:
            _say(f"{state.state}: {banner}not recorded")
            status = EXIT_NOT_RECORDED
            continue
        path = targets[state.state]
        try:
            scan_output.write(path, own.dumps(evidence(result, state)))
        except ScanError as exc:
            return _error(exc.message)
        where = "standard output" if path == scan_output.STDOUT else path
        _say(f"{state.state}: {banner}{summary(result, state)} → {where}")
    return status
