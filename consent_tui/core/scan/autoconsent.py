"""DuckDuckGo's autoconsent (npm ``@duckduckgo/autoconsent``, MPL-2.0): where it is, what it holds.

The scan runs its ``dist/autoconsent.playwright.js`` in every frame of the page
and answers it through a binding (:mod:`.autoconsent_driver`); the rules come
from ``rules/rules.json`` beside it (the full rules: the compact ones leave
out the opt-in steps). Found, in order: ``--autoconsent PATH`` (the script or
the package folder), ``$CONSENT_TUI_AUTOCONSENT``, then
``./node_modules/@duckduckgo/autoconsent``.
"""

from __future__ import annotations

import json
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final

from consent_tui.core.fileio import MIB, FileError, read_limited
from consent_tui.core.scan.errors import SetupError

ENV: Final = "CONSENT_TUI_AUTOCONSENT"
PACKAGE: Final = Path("node_modules", "@duckduckgo", "autoconsent")
SCRIPT: Final = Path("dist", "autoconsent.playwright.js")
RULES: Final = Path("rules", "rules.json")
LIMIT: Final = 64 * MIB


@dataclass(frozen=True, slots=True)
class Autoconsent:
    """The content script's text, the rules (parsed), and the package's version."""

    script: str
    rules: list[Any]
    version: str | None
    path: str


def _package_of(path: Path) -> Path:
    """The package folder of a path naming the package or its playwright script."""
    if path.is_dir():
        return path
    return path.parent.parent if path.parent.name == "dist" else path.parent


def locate(explicit: str | None, cwd: Path | None = None) -> Path | None:
    """The script to use, or ``None`` when none is installed. A path given but absent is a
    :class:`SetupError`."""
    for given, what in ((explicit, "--autoconsent"), (os.environ.get(ENV), ENV)):
        if given:
            path = Path(given)
            script = path / SCRIPT if path.is_dir() else path
            if not script.is_file():
                raise SetupError(f"{what} {given}: no {SCRIPT.as_posix()} there")
            return script
    script = (cwd or Path.cwd()) / PACKAGE / SCRIPT
    return script if script.is_file() else None


def _read(path: Path, what: str) -> bytes:
    try:
        return read_limited(path, LIMIT)
    except FileError as exc:
        raise SetupError(f"{path}: cannot read autoconsent's {what}: {exc.reason}") from None


def load(script: Path) -> Autoconsent:
    """Read the script, its rules and version (:class:`SetupError` when they are not whole)."""
    package = _package_of(script)
    text = _read(script, "script").decode("utf-8", errors="replace")
    rules_path = package / RULES
    if not rules_path.is_file():
        raise SetupError(f"{rules_path}: autoconsent's rules are missing (reinstall the package)")
    try:
        rules = json.loads(_read(rules_path, "rules"))["autoconsent"]
    except (ValueError, KeyError, TypeError):
        raise SetupError(f"{rules_path}: autoconsent's rules cannot be read") from None
    if not isinstance(rules, list):
        raise SetupError(f"{rules_path}: autoconsent's rules cannot be read")
    version = None
    try:
        version = json.loads(_read(package / "package.json", "package.json")).get("version")
    except (SetupError, ValueError, AttributeError):
        version = None
    return Autoconsent(text, rules, version if isinstance(version, str) else None, str(script))
