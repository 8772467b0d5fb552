"""``*`` patterns suggested for groups of observed names.

Names that share a stem ending at a separator (``.``, ``_``, ``-``, ``:``,
``|``) and differ after it are one generated family: ``_pk_id.1.a2c4`` and
``_pk_id.7.f00d`` give ``_pk_id.*``. Each name joins the longest stem it
shares with another name, so ``_pk_ses.1.a2c4`` stays out of the ``_pk_id.``
family. A lone name whose tail is clearly generated (6 or more digits, or 8 or
more letters and digits mixed) gets a pattern too (``_ga_4XQ2B7NN2K`` ->
``_ga_*``).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Iterable
from typing import Final

SEPARATORS: Final = "._-:|"
_GENERATED = re.compile(r"[0-9]{6,}|(?=[A-Za-z0-9]*[0-9])(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{8,}")
_MIN_STEM = 3  # at least this long, separator included ("_g_" is too short to mean much)


def _stems(name: str) -> list[str]:
    """Every prefix of ``name`` ending at a separator, with text after it, longest last."""
    out = []
    for i, ch in enumerate(name[:-1]):
        if ch in SEPARATORS and i + 1 >= _MIN_STEM and name[: i + 1].strip(SEPARATORS):
            out.append(name[: i + 1])
    return out


def suggest_patterns(names: Iterable[str]) -> dict[str, str]:
    """For each name that belongs to a family, the pattern covering the family."""
    unique = sorted(set(names))
    counts: Counter[str] = Counter()
    stems = {name: _stems(name) for name in unique}
    for found in stems.values():
        counts.update(found)
    families: dict[str, list[str]] = defaultdict(list)
    out: dict[str, str] = {}
    for name in unique:
        shared = [s for s in stems[name] if counts[s] >= 2]
        if shared:
            families[shared[-1]].append(name)
        elif stems[name]:
            stem = stems[name][-1]
            if _GENERATED.fullmatch(name[len(stem) :]):
                out[name] = stem + "*"
    for stem, members in families.items():
        if len(members) >= 2:
            for name in members:
                out[name] = stem + "*"
        elif _GENERATED.fullmatch(members[0][len(stem) :]):
            out[members[0]] = stem + "*"
    return out
