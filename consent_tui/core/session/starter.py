"""What a new catalogue starts from, and where the bundled examples live.

The starter is a small catalogue that validates: one first-party service with
one session cookie, so every view of the editor has something to show and the
user edits instead of typing structure from memory. The samples ship inside
the package (``consent_tui/samples``, see ``pyproject.toml``); in a source
checkout they are read from ``sample_policies/``.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

EXAMPLE = "opendatasoft.toml"

_TEMPLATE = """\
# Cookie catalogue of {site}.
# Edit it with `consent-tui {name}`; check it with `consent-tui validate {name}`.
format_version = 1

[policy]
title = "Cookie policy"
site_name = "{site}"
site_url = "https://www.example.com"
controller = "Example Ltd"
contact = "mailto:privacy@example.com"
languages = ["en"]
updated = {today}
intro = "This policy lists the cookies and similar technologies this website uses."

# ---------------------------------------------------------------- categories

[categories.necessary]
title = "Strictly necessary"
description = "Needed for the site to work; they cannot be turned off."
consent = false

# ------------------------------------------------------------------ purposes

[purposes.session]
title = "Session"
description = "To recognise you from one page to the next"
legal_basis = "legitimate_interests"

# ------------------------------------------------------------------ services

[services.website]
provider = "Example Ltd"
function = "Website session"
category = "necessary"
purposes = ["session"]
party = "first"

[[services.website.cookies]]
name = "sessionid"
type = "http_cookie"
duration = "session"
description = "Identifies your visit while you browse the site."
"""


def new_catalogue_text(path: Path, *, today: dt.date | None = None) -> str:
    """The starter catalogue for a new file at ``path``."""
    site = path.stem.replace("_", " ").replace("-", " ").strip() or "my website"
    site = "".join(ch for ch in site if ch.isprintable() and ch not in '"\\')
    name = path.name if path.name.isprintable() else "FILE"
    return _TEMPLATE.format(site=site, name=name, today=(today or dt.date.today()).isoformat())


def samples_dir() -> Path | None:
    """The folder of bundled sample catalogues, or ``None`` if it is missing."""
    package = Path(__file__).resolve().parents[2]
    for candidate in (package / "samples", package.parent / "sample_policies"):
        if candidate.is_dir() and any(candidate.glob("*.toml")):
            return candidate
    return None


def bundled_samples() -> list[Path]:
    """The bundled sample catalogues, the example first."""
    folder = samples_dir()
    if folder is None:
        return []
    return sorted(folder.glob("*.toml"), key=lambda p: (p.name != EXAMPLE, p.name))


def example() -> Path | None:
    """The bundled example (the Opendatasoft portal's catalogue)."""
    folder = samples_dir()
    if folder is None or not (folder / EXAMPLE).is_file():
        return None
    return folder / EXAMPLE
