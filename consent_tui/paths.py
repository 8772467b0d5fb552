"""Where consent-tui keeps its files (platformdirs); the one seam tests patch.

Tests point ``XDG_CONFIG_HOME`` / ``XDG_STATE_HOME`` (or these functions) at a
temporary folder.
"""

from __future__ import annotations

from pathlib import Path

import platformdirs

APP = "consent-tui"


def config_dir() -> Path:
    """User configuration: ``config.toml`` (keys, theme) and ``templates/``."""
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def config_file() -> Path:
    return config_dir() / "config.toml"


def templates_dir() -> Path:
    """User templates that override the bundled export templates."""
    return config_dir() / "templates"


def state_dir() -> Path:
    """State the app keeps between runs: recent files, recovery copies."""
    return Path(platformdirs.user_state_dir(APP, appauthor=False))


def recovery_dir() -> Path:
    return state_dir() / "recovery"


def recent_file() -> Path:
    return state_dir() / "recent.json"


def crash_log() -> Path:
    """Where the editor writes the details of an unexpected error."""
    return state_dir() / "crash.log"
