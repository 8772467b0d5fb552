"""Talking to autoconsent's content script: the driver's side of its message protocol.

The script runs in every frame (an init script of the context) and sends its
messages through the binding ``autoconsentSendMessage``; the driver answers
with ``autoconsentReceiveMessage(...)`` in the same frame:

- ``init`` → ``initResp`` with the configuration (``autoAction`` ``optIn`` to
  accept, ``optOut`` to reject; no pre-hiding, no cosmetic rules: hiding a
  banner is no choice) and the rules; once the choice is made, with
  ``enabled: false``, so the pages visited after it are left as they are;
- ``eval`` → ``evalResp``: some rules ask for code to run in the page's world;
- ``cmpDetected``, ``popupFound``, ``optInResult`` / ``optOutResult``,
  ``autoconsentDone``, ``report``, ``autoconsentError`` are noted.

The page can call the binding too, so every message is treated as untrusted
data: only its ``type`` and a few short strings are read, and at most
:data:`MAX_MESSAGES` are handled.
"""

from __future__ import annotations

import asyncio
import contextlib
from typing import TYPE_CHECKING, Any, Final

from consent_tui.core.scan.autoconsent import Autoconsent
from consent_tui.core.scan.banner import Banner
from consent_tui.core.scan.options import Action

if TYPE_CHECKING:
    from playwright.async_api import BrowserContext, Frame

BINDING: Final = "autoconsentSendMessage"
RECEIVE: Final = "m => window.autoconsentReceiveMessage && window.autoconsentReceiveMessage(m)"
MAX_MESSAGES: Final = 5000
EVAL_SECONDS: Final = 5.0
AUTO_ACTIONS: Final[dict[Action, str]] = {"accept": "optIn", "reject": "optOut"}


def _name(value: object) -> str | None:
    return value[:80] if isinstance(value, str) and value else None


class Driver:
    """autoconsent in one browser context, set to accept or to reject."""

    def __init__(self, package: Autoconsent, action: Action) -> None:
        self.package = package
        self.action = action
        self.detected: list[str] = []
        self.popup: str | None = None
        self.succeeded: str | None = None
        self.failed: str | None = None
        self.handled = 0
        self._changed = asyncio.Event()

    def config(self) -> dict[str, Any]:
        return {
            "enabled": True,
            "autoAction": AUTO_ACTIONS[self.action],
            "disabledCmps": [],
            "enablePrehide": False,
            "enableCosmeticRules": False,
            "enableGeneratedRules": True,
            "enableHeuristicDetection": False,
            "detectRetries": 20,
            "visualTest": False,
            "logs": {key: False for key in ("lifecycle", "rulesteps", "detectionsteps", "evals",
                                            "errors", "messages", "waits")},
        }  # fmt: skip

    async def attach(self, context: BrowserContext) -> None:
        """Install the binding and the content script; call before the first page opens."""
        await context.expose_binding(BINDING, self._receive)
        await context.add_init_script(self.package.script)

    async def _answer(self, frame: Frame, message: dict[str, Any]) -> None:
        from playwright.async_api import Error

        with contextlib.suppress(Error, TimeoutError):  # the frame went away: nothing to do
            await asyncio.wait_for(frame.evaluate(RECEIVE, message), EVAL_SECONDS)

    async def _eval(self, frame: Frame, message: dict[str, Any]) -> None:
        from playwright.async_api import Error

        code, ident = message.get("code"), message.get("id")
        if not isinstance(code, str) or not isinstance(ident, str):
            return
        result: object = False
        try:  # runs in the page's own world: the page could run it itself
            result = await asyncio.wait_for(frame.evaluate(code), EVAL_SECONDS)
        except (Error, TimeoutError):
            result = False
        if not isinstance(result, bool | int | float | str) and result is not None:
            result = bool(result)
        await self._answer(frame, {"type": "evalResp", "id": ident, "result": result})

    async def _receive(self, source: dict[str, Any], message: object = None) -> None:
        if not isinstance(message, dict) or self.handled >= MAX_MESSAGES:
            return
        self.handled += 1
        frame = source.get("frame")
        kind = message.get("type")
        if kind == "init" and frame is not None:
            if self.succeeded is not None:  # the choice is made: the later pages are left alone
                off = {"type": "initResp", "config": {"enabled": False}, "rules": {}}
                await self._answer(frame, off)
            else:
                rules = {"autoconsent": self.package.rules}
                config = self.config()
                await self._answer(frame, {"type": "initResp", "config": config, "rules": rules})
        elif kind == "eval" and frame is not None:
            await self._eval(frame, message)
        elif kind == "cmpDetected":
            name = _name(message.get("cmp"))
            if name and name not in self.detected and len(self.detected) < 20:
                self.detected.append(name)
        elif kind == "popupFound":
            self.popup = self.popup or _name(message.get("cmp"))
        elif kind in ("optInResult", "optOutResult"):
            if message.get("result") is True:
                self.succeeded = self.succeeded or _name(message.get("cmp")) or "unknown"
            else:
                self.failed = _name(message.get("cmp")) or "unknown"
        self._changed.set()

    async def wait(self, seconds: float, grace: float) -> Banner:
        """Wait for autoconsent's choice, at most ``seconds``; give up after ``grace`` when
        it has detected no consent platform at all."""
        loop = asyncio.get_running_loop()
        start = loop.time()
        deadline = start + seconds
        while self.succeeded is None:
            now = loop.time()
            if now >= deadline or (not self.detected and now - start >= grace):
                break
            self._changed.clear()
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self._changed.wait(), min(deadline - now, 0.25))
        seen = tuple(self.detected)
        if self.succeeded is not None:
            return Banner(True, True, "autoconsent", self.succeeded, None, ("autoconsent",), seen)
        shown = self.popup or self.failed  # a banner autoconsent found but could not answer
        if shown is not None:
            return Banner(True, False, "autoconsent", shown, None, ("autoconsent",), seen)
        return Banner(tried=("autoconsent",), detected=seen)
