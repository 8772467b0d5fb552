"""The user's config file (``consent-tui locate config``): key remaps and the theme.

```toml
theme = "nord"

[keys]            # binding id = keys (comma-separated alternatives)
"view.edit" = "e,f2"
undo = "ctrl+u"
```

Reading never fails: a broken file is reported and ignored. The theme is
written back with tomlkit, so the user's comments and layout stay as they were.
"""

from __future__ import annotations

import errno
from dataclasses import dataclass, field
from pathlib import Path

from consent_tui import paths
from consent_tui.core.errors import CatalogueError
from consent_tui.core.fileio import MIB, FileError, read_limited
from consent_tui.core.store import parse_toml

MAX_CONFIG_BYTES = MIB  # a config file is a few lines; anything larger is not one


@dataclass
class Config:
    """What the config file asks for, and what was wrong with it."""

    keys: dict[str, str] = field(default_factory=dict)
    theme: str | None = None
    problems: list[str] = field(default_factory=list)


def load(path: Path | None = None) -> Config:
    path = path or paths.config_file()
    config = Config()
    try:
        text = read_limited(path, MAX_CONFIG_BYTES).decode("utf-8")
    except FileError as exc:
        if exc.errno != errno.ENOENT:
            config.problems.append(f"{path}: cannot read: {exc.reason}")
        return config
    except UnicodeDecodeError as exc:
        config.problems.append(f"{path}: cannot read: not UTF-8 (byte {exc.start})")
        return config
    try:
        data = parse_toml(text, str(path))  # line and column; no RecursionError on deep nesting
    except CatalogueError as exc:
        config.problems.append(str(exc))
        return config
    theme = data.get("theme")
    if isinstance(theme, str):
        config.theme = theme
    elif theme is not None:
        config.problems.append(f"{path}: theme must be a string")
    keys = data.get("keys", {})
    if not isinstance(keys, dict):
        config.problems.append(f'{path}: [keys] must be a table of binding id = "keys"')
        keys = {}
    for binding_id, value in keys.items():
        if isinstance(value, str) and value.strip():
            config.keys[binding_id] = value.replace(" ", "")
        else:
            config.problems.append(f'{path}: keys.{binding_id} must be a string such as "ctrl+e"')
    return config


def save_theme(theme: str, path: Path | None = None) -> str | None:
    """Remember ``theme``; returns a problem description, or ``None`` when written."""
    import tomlkit  # only when the theme changes: slow to import

    path = path or paths.config_file()
    try:
        text = read_limited(path, MAX_CONFIG_BYTES).decode("utf-8") if path.exists() else ""
        document = tomlkit.parse(text)
    except Exception as exc:  # a broken file is left alone
        return f"{path}: not changed, it cannot be read: {exc}"
    if document.get("theme") == theme:
        return None
    document["theme"] = theme
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        tmp.write_text(tomlkit.dumps(document), encoding="utf-8")
        tmp.replace(path)
    except OSError as exc:
        return f"{path}: cannot write: {exc}"
    return None
