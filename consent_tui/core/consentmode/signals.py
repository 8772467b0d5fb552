"""Google consent mode signals read back from a Google request's ``gcs`` and ``gcd`` parameters.

Google tags report the consent state they ran under in each request:

- ``gcs=G1xy``: ``x`` is ``ad_storage``, ``y`` is ``analytics_storage``;
  ``1`` granted, ``0`` denied, ``-`` not set.
- ``gcd=11t1t1t1t5``: after a one-character version, one pair per type
  (``ad_storage``, ``analytics_storage``, ``ad_user_data``,
  ``ad_personalization``), whose second character encodes the default and the
  update: its index in ``0-9a-zA-Z-_`` holds the default in bits 2-3 and the
  update in bits 0-1, ``1`` meaning not set, ``2`` denied, ``3`` granted
  (``l`` neither set, ``p`` denied by default, ``r`` denied then granted, ``t``
  granted by default, ``q`` denied twice …). What follows the pairs is ignored.

Pure functions over strings, for ``audit``: nothing here reads a file.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final, Literal
from urllib.parse import parse_qs, urlsplit

State = Literal["granted", "denied"]

GCS_TYPES: Final = ("ad_storage", "analytics_storage")
GCD_TYPES: Final = ("ad_storage", "analytics_storage", "ad_user_data", "ad_personalization")
_ALPHABET: Final = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ-_"
_GCS_STATES: Final[dict[str, State | None]] = {"1": "granted", "0": "denied", "-": None}
_GCD_STATES: Final[dict[int, State | None]] = {1: None, 2: "denied", 3: "granted"}


@dataclass(frozen=True, slots=True)
class TypeSignal:
    """What a request says about one consent type: its default and its update."""

    default: State | None = None
    update: State | None = None

    @property
    def state(self) -> State | None:
        """The state the tag ran under: the update when there was one, else the default."""
        return self.update or self.default


def parse_gcs(value: str) -> dict[str, State | None] | None:
    """``G1xy`` -> ``{"ad_storage": x, "analytics_storage": y}``; ``None`` if not that form."""
    text = value.strip()
    if len(text) != 4 or not text.startswith("G1"):
        return None
    out: dict[str, State | None] = {}
    for name, char in zip(GCS_TYPES, text[2:], strict=True):
        if char not in _GCS_STATES:
            return None
        out[name] = _GCS_STATES[char]
    return out


def parse_gcd(value: str) -> dict[str, TypeSignal] | None:
    """The four types' defaults and updates in a ``gcd`` value; ``None`` if it is malformed."""
    text = value.strip()
    if len(text) < 1 + 2 * len(GCD_TYPES):
        return None
    out: dict[str, TypeSignal] = {}
    for index, name in enumerate(GCD_TYPES):
        code = _ALPHABET.find(text[2 + 2 * index])
        if code < 0:
            return None
        default, update = (code >> 2) & 3, code & 3
        if default not in _GCD_STATES or update not in _GCD_STATES:
            return None
        out[name] = TypeSignal(_GCD_STATES[default], _GCD_STATES[update])
    return out


def signals(params: Mapping[str, str]) -> dict[str, TypeSignal]:
    """What a request's parameters say per type: ``gcd`` first, ``gcs`` for what it lacks.

    A type neither parameter states is absent; an unreadable parameter counts
    as absent too.
    """
    out: dict[str, TypeSignal] = {}
    gcd = parse_gcd(params.get("gcd", ""))
    for name, signal in (gcd or {}).items():
        if signal.state is not None:
            out[name] = signal
    gcs = parse_gcs(params.get("gcs", ""))
    for name, state in (gcs or {}).items():
        if name not in out and state is not None:
            out[name] = TypeSignal(update=state)
    return out


def signals_in_url(url: str) -> dict[str, TypeSignal]:
    """:func:`signals` of a request URL's query (the first value of each parameter)."""
    try:
        query = urlsplit(url).query
    except ValueError:
        return {}
    params = {key: values[0] for key, values in parse_qs(query).items() if values}
    return signals(params)


def granted_types(params: Mapping[str, str]) -> tuple[str, ...]:
    """The consent types the request says were granted when it was sent."""
    return tuple(name for name, s in signals(params).items() if s.state == "granted")
