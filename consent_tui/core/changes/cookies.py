"""Which cookie of the old catalogue is which cookie of the new one.

Cookies have no id. Within a service they are lined up, in this order:

1. the same cookie, every field alike (a reordered array is no change);
2. the same name, type, domain and path; then the same name and type;
3. a likely rename, between the cookies left over: the same name with another
   type, a pattern matching the other's name (``_ga_ABC123`` → ``_ga_*``), both
   names alike (a typo: 80 % of their characters), or every other field the
   same with a description (a name changed and nothing else). Each pair is
   taken best first; services with more than :data:`MAX_LEFT` pairs left to
   weigh skip this step (their left-overs are added and removed cookies).

Cookies left over in one service and found in another (the same fields, else the
same name and type) moved between services.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Hashable, Sequence
from difflib import SequenceMatcher
from functools import lru_cache
from typing import Final

from consent_tui.core.changes.canon import canon, entity_key
from consent_tui.core.model import Cookie

MAX_LEFT: Final = 40_000  # pairs of left-over cookies weighed in one service, at most
ALIKE: Final = 0.8  # share of characters two names need in common to be one renamed
_FIELDS: Final = ("type", "domain", "path", "duration", "duration_note", "refresh", "description")

Pairs = list[tuple[int, int]]


def full_key(cookie: Cookie) -> Hashable:
    return entity_key(cookie, type=cookie.storage_type)


def name_key(cookie: Cookie) -> Hashable:
    return (cookie.name, cookie.storage_type)


def place_key(cookie: Cookie) -> Hashable:
    return (cookie.name, cookie.storage_type, cookie.domain, cookie.path)


def line_up(old: Sequence[Cookie], new: Sequence[Cookie]) -> tuple[Pairs, list[int], list[int]]:
    """Pairs ``(old index, new index)``, and the old and new indices left unpaired."""
    if old == new:
        return [(i, i) for i in range(len(old))], [], []
    pairs: Pairs = []
    left_old, left_new = list(range(len(old))), list(range(len(new)))
    for key in (full_key, place_key, name_key):
        found, left_old, left_new = by_key(old, new, left_old, left_new, key)
        pairs += found
        if not left_old or not left_new:
            break
    if left_old and left_new and len(left_old) * len(left_new) <= MAX_LEFT:
        found = renames(old, new, left_old, left_new)
        pairs += found
        taken_old, taken_new = {i for i, _ in found}, {j for _, j in found}
        left_old = [i for i in left_old if i not in taken_old]
        left_new = [j for j in left_new if j not in taken_new]
    return sorted(pairs, key=lambda p: p[1]), left_old, left_new


def by_key(
    old: Sequence[Cookie],
    new: Sequence[Cookie],
    left_old: list[int],
    left_new: list[int],
    make: Callable[[Cookie], Hashable],
) -> tuple[Pairs, list[int], list[int]]:
    """Pairs of equal keys, in order among equal ones; what is left on both sides."""
    waiting: dict[Hashable, list[int]] = {}
    for j in left_new:
        waiting.setdefault(make(new[j]), []).append(j)
    pairs: Pairs = []
    rest_old: list[int] = []
    for i in left_old:
        queue = waiting.get(make(old[i]))
        if queue:
            pairs.append((i, queue.pop(0)))
        else:
            rest_old.append(i)
    taken = {j for _, j in pairs}
    return pairs, rest_old, [j for j in left_new if j not in taken]


def renames(
    old: Sequence[Cookie], new: Sequence[Cookie], left_old: list[int], left_new: list[int]
) -> Pairs:
    """Likely renames among the left-overs, best first."""
    scored = []
    for i in left_old:
        for j in left_new:
            score = likeness(old[i], new[j])
            if score > 0:
                scored.append((-score, i, j))
    scored.sort()
    pairs: Pairs = []
    used_old: set[int] = set()
    used_new: set[int] = set()
    for _, i, j in scored:
        if i not in used_old and j not in used_new:
            pairs.append((i, j))
            used_old.add(i)
            used_new.add(j)
    return pairs


def likeness(a: Cookie, b: Cookie) -> float:
    """How surely ``b`` is ``a`` renamed (0: not at all); the fields alike break ties."""
    same_fields = sum(1 for f in _FIELDS if canon(getattr(a, f)) == canon(getattr(b, f)))
    x, y = a.name or "", b.name or ""
    if x == y:
        tier = 4.0
    elif _matches(x, y) or _matches(y, x):
        tier = 3.0
    else:
        ratio = SequenceMatcher(None, x, y, autojunk=False).ratio()
        if ratio >= ALIKE:
            tier = 2.0 + ratio - 1
        elif same_fields == len(_FIELDS) and a.description is not None and a.extra == b.extra:
            tier = 1.0  # only the name changed, and there is a description to tell it by
        else:
            return 0.0
    return tier + same_fields / 100


def _matches(pattern: str, name: str) -> bool:
    """``pattern`` (``*`` for any characters) matches ``name``."""
    return "*" in pattern and _regex(pattern).fullmatch(name) is not None


@lru_cache(maxsize=1024)
def _regex(pattern: str) -> re.Pattern[str]:
    return re.compile(".*".join(re.escape(part) for part in pattern.split("*")), re.DOTALL)
