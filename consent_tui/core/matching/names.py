"""Cookie names against exact names and ``*`` patterns, indexed for many of both.

A pattern's ``*`` stands for any text, empty included (docs/format.md):
``_ga_*`` matches ``_ga_4XQ2`` and ``_ga_``; names are compared case-sensitively,
as browsers do. :class:`NameIndex` holds exact names in a dict and patterns
by their literal prefix (or, for those starting with ``*``, by their suffix),
keyed by length, so a lookup costs a few dict probes per distinct prefix
length rather than a scan of every pattern.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Generic, TypeVar

T = TypeVar("T")


@dataclass(frozen=True, slots=True)
class Pattern:
    """A name pattern split at its ``*``: literal prefix, suffix and middle parts."""

    text: str
    prefix: str
    suffix: str
    middles: tuple[str, ...]

    @classmethod
    def of(cls, text: str) -> Pattern:
        parts = text.split("*")
        if len(parts) == 1:
            return cls(text, text, "", ())
        return cls(text, parts[0], parts[-1], tuple(p for p in parts[1:-1] if p))

    @property
    def literal(self) -> int:
        """How many characters are fixed: a longer one is a more specific pattern."""
        return len(self.prefix) + len(self.suffix) + sum(map(len, self.middles))

    def matches(self, name: str) -> bool:
        if "*" not in self.text:
            return name == self.text
        if len(name) < len(self.prefix) + len(self.suffix):
            return False
        if not (name.startswith(self.prefix) and name.endswith(self.suffix)):
            return False
        pos, end = len(self.prefix), len(name) - len(self.suffix)
        for part in self.middles:
            found = name.find(part, pos, end)
            if found < 0:
                return False
            pos = found + len(part)
        return True


def matches(pattern: str, name: str) -> bool:
    """Whether the catalogue name or pattern ``pattern`` covers the observed ``name``."""
    return Pattern.of(pattern).matches(name)


EXACT = 1 << 30  # the specificity of an exact name: above any pattern


class NameIndex(Generic[T]):
    """Items keyed by a catalogue name or pattern; :meth:`find` gives those covering a name."""

    def __init__(self, items: Iterable[tuple[str, T]] = ()) -> None:
        self._exact: dict[str, list[T]] = {}
        self._prefix: dict[int, dict[str, list[tuple[Pattern, T]]]] = {}
        self._suffix: dict[int, dict[str, list[tuple[Pattern, T]]]] = {}
        self._loose: list[tuple[Pattern, T]] = []  # no prefix and no suffix: "*", "*x*"
        self._prefix_lengths: list[int] = []
        self._suffix_lengths: list[int] = []
        for name, item in items:
            self.add(name, item)

    def add(self, name: str, item: T) -> None:
        if "*" not in name:
            self._exact.setdefault(name, []).append(item)
            return
        pattern = Pattern.of(name)
        if pattern.prefix:
            table, key, lengths = self._prefix, pattern.prefix, self._prefix_lengths
        elif pattern.suffix:
            table, key, lengths = self._suffix, pattern.suffix, self._suffix_lengths
        else:
            self._loose.append((pattern, item))
            return
        size = len(key)
        if size not in table:
            table[size] = {}
            lengths.append(size)
            lengths.sort()
        table[size].setdefault(key, []).append((pattern, item))

    def find(self, name: str) -> list[tuple[T, int]]:
        """``(item, specificity)`` of every name or pattern covering ``name``."""
        found = [(item, EXACT) for item in self._exact.get(name, ())]
        size = len(name)
        for length in self._prefix_lengths:
            if length > size:
                break
            for pattern, item in self._prefix[length].get(name[:length], ()):
                if pattern.matches(name):
                    found.append((item, pattern.literal))
        for length in self._suffix_lengths:
            if length > size:
                break
            for pattern, item in self._suffix[length].get(name[size - length :], ()):
                if pattern.matches(name):
                    found.append((item, pattern.literal))
        for pattern, item in self._loose:
            if pattern.matches(name):
                found.append((item, pattern.literal))
        return found

    def __bool__(self) -> bool:
        return bool(self._exact or self._prefix or self._suffix or self._loose)
