"""Where consent-tui keeps its files (platformdirs); the one seam tests patch.

Tests point ``XDG_CONFIG_HOME`` / ``XDG_STATE_HOME`` / ``XDG_DATA_HOME`` /
``XDG_CACHE_HOME`` (or these functions) at a temporary folder.
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


def data_dir() -> Path:
    """Data the user installs: the known-cookie database."""
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def known_dir() -> Path:
    """The installed Open Cookie Database copy and its ``source.json`` (see docs/known.md)."""
    return data_dir() / "known"


def cache_dir() -> Path:
    """Files consent-tui can always rebuild (deleting them is safe)."""
    return Path(platformdirs.user_cache_dir(APP, appauthor=False))


def known_cache() -> Path:
    """The compact, validated JSON form of the known-cookie index."""
    return cache_dir() / "known-index.json"
