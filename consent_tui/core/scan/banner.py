"""What the scan learnt of the consent banner, for the evidence and the user."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Literal

Method = Literal["autoconsent", "text"]


@dataclass(frozen=True, slots=True)
class Banner:
    """The banner of one state: found or not, by which method, and whether the choice was made.

    ``cmp`` is autoconsent's name for the consent platform (``Klaro``,
    ``cookieconsent3``); ``button`` the text of the button the fallback clicked.
    ``tried`` lists the methods used, in order; ``detected`` the platforms
    autoconsent saw on the page even when it showed no banner.
    """

    found: bool = False
    clicked: bool = False
    method: Method | None = None
    cmp: str | None = None
    button: str | None = None
    tried: tuple[Method, ...] = ()
    detected: tuple[str, ...] = field(default=())

    def record(self) -> dict[str, Any]:
        """As the evidence's ``recorded.banner`` writes it."""
        return {
            "found": self.found,
            "clicked": self.clicked,
            "method": self.method,
            "cmp": self.cmp,
            "button": self.button,
            "tried": list(self.tried),
            "detected": list(self.detected),
        }

    def describe(self, action: str) -> str:
        """One phrase for standard error: ``accepted on the banner (autoconsent: Klaro)``."""
        done = {"accept": "accepted", "reject": "rejected"}.get(action, action)
        if self.clicked and self.method == "autoconsent":
            return f"{done} on the banner (found by autoconsent: {self.cmp})"
        if self.clicked:
            return f"{done} on the banner (found by its button text: {self.button!r})"
        if self.found:
            how = f"autoconsent: {self.cmp}" if self.method == "autoconsent" else repr(self.button)
            return f"a banner was found ({how}) but the choice could not be made"
        tried = " and ".join(
            "autoconsent" if m == "autoconsent" else "button texts" for m in self.tried
        )
        seen = (
            f"; autoconsent saw {', '.join(self.detected)} but no open banner"
            if self.detected
            else ""
        )
        return f"no banner found (looked for by {tried or 'nothing'}){seen}"
