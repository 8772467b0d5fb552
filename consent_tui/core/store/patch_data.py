"""Plain TOML data helpers for the store: equality with NaN, nesting, differences."""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

from consent_tui.core.store.tomlscan import Path


def same(left: Any, right: Any) -> bool:
    """Deep equality where NaN equals NaN and values of different types differ (1 != 1.0)."""
    if isinstance(left, float) and isinstance(right, float):
        return left == right or (math.isnan(left) and math.isnan(right))
    if isinstance(left, Mapping) and isinstance(right, Mapping):
        return left.keys() == right.keys() and all(same(left[k], right[k]) for k in left)
    if isinstance(left, list | tuple) and isinstance(right, list | tuple):
        return len(left) == len(right) and all(same(a, b) for a, b in zip(left, right, strict=True))
    if type(left) is not type(right):
        return False
    return bool(left == right)


def nest(path: Path, value: Any) -> Any:
    """``value`` wrapped in tables (and one-element arrays for indices) along ``path``."""
    for part in reversed(path):
        value = [value] if isinstance(part, int) else {part: value}
    return value


def dotted(path: Path) -> str:
    out = ""
    for part in path:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else str(part))
    return out or "(top level)"


def difference(expected: Any, actual: Any, path: Path = ()) -> str | None:
    """Where and how ``actual`` differs from ``expected``, or ``None`` when the same."""
    if isinstance(expected, Mapping) and isinstance(actual, Mapping):
        for key in expected:
            if key not in actual:
                return f"{dotted((*path, key))} is missing"
            found = difference(expected[key], actual[key], (*path, key))
            if found:
                return found
        for key in actual:
            if key not in expected:
                return f"{dotted((*path, key))} appeared"
        return None
    if isinstance(expected, list) and isinstance(actual, list):
        if len(expected) != len(actual):
            return f"{dotted(path)} has {len(actual)} items instead of {len(expected)}"
        for i, (a, b) in enumerate(zip(expected, actual, strict=True)):
            found = difference(a, b, (*path, i))
            if found:
                return found
        return None
    if same(expected, actual):
        return None
    return f"{dotted(path)} reads back as {actual!r} instead of {expected!r}"
