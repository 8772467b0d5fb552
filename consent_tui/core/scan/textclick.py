"""The fallback clicker: a banner's accept or reject button found by its text.

Used when autoconsent is not installed, or finds no banner. In every frame of
the page it looks at buttons and links (``button``, ``[role=button]``, ``a``,
``input`` buttons) that are visible, whose whole text is one of
:mod:`.words` for the action, and that sit inside an element speaking of
cookies or consent (the page's body does not count); the best-ranked one, then the
closest to such an element, is clicked as a person would (a real
mouse click through Playwright). Only the first layer of a banner is tried:
a reject choice hidden behind "settings" is not found.
"""

from __future__ import annotations

import asyncio
import secrets
from typing import TYPE_CHECKING, Final

from consent_tui.core.scan.banner import Banner
from consent_tui.core.scan.options import Action
from consent_tui.core.scan.words import CONTEXT, normalise, ranks

if TYPE_CHECKING:
    from playwright.async_api import Frame, Page

FIND: Final = """
({ranks, context, mark, edges}) => {
  const norm = (s) => {
    let t = (s || "").normalize("NFKC").replace(/\\u2019/g, "'").toLowerCase();
    t = t.replace(/\\s+/g, " ");
    let a = 0, b = t.length;
    while (a < b && edges.includes(t[a])) a++;
    while (b > a && edges.includes(t[b - 1])) b--;
    return t.slice(a, b);
  };
  const visible = (el) => {
    const r = el.getBoundingClientRect();
    if (r.width < 2 || r.height < 2) return false;
    const s = getComputedStyle(el);
    return s.visibility !== "hidden" && s.display !== "none" && Number(s.opacity) > 0.05;
  };
  const closeness = (el) => {  // levels up to the element that speaks of cookies
    let n = el.parentElement;
    for (let i = 1; n && i <= 12; i++, n = n.parentElement) {
      if (n === document.body || n === document.documentElement) return -1;
      const t = norm(n.innerText || "");
      if (t.length > 5000) return -1;
      if (context.some((w) => t.includes(w))) return i;
    }
    return -1;
  };
  let best = null;
  const query = 'button, [role="button"], a, input[type="button"], input[type="submit"]';
  for (const el of document.querySelectorAll(query)) {
    const raw = el.tagName === "INPUT" ? el.value : (el.innerText || el.textContent || "");
    const text = norm(raw) || norm(el.getAttribute("aria-label"));
    const known = Object.prototype.hasOwnProperty.call(ranks, text);
    if (!text || text.length > 60 || !known || !visible(el)) continue;
    const near = closeness(el);
    if (near < 0) continue;
    const key = ranks[text] * 100 + near;
    if (best === null || key < best[0]) best = [key, el, text];
  }
  if (best === null) return null;
  best[1].setAttribute("data-consent-tui-click", mark);
  return best[2];
}
"""
_EDGES: Final = "\"'«»“”„‚‘’.,;:!?¡¿()[]<>›‹→✓✔×*-–— "
POLL: Final = 0.5


async def _find(frame: Frame, action: Action, mark: str) -> str | None:
    from playwright.async_api import Error

    argument = {"ranks": ranks(action), "context": list(CONTEXT), "mark": mark, "edges": _EDGES}
    try:
        found = await asyncio.wait_for(frame.evaluate(FIND, argument), 5)
    except (Error, TimeoutError):
        return None
    return normalise(found)[:60] if isinstance(found, str) else None


async def click_by_text(page: Page, action: Action, seconds: float) -> Banner:
    """Look for the button for ``seconds`` (every half second), click the first found."""
    from playwright.async_api import Error

    loop = asyncio.get_running_loop()
    deadline = loop.time() + max(seconds, POLL)
    mark = secrets.token_hex(8)
    while True:
        for frame in list(page.frames):
            text = await _find(frame, action, mark)
            if text is None:
                continue
            try:
                await frame.click(f'[data-consent-tui-click="{mark}"]', timeout=5_000)
            except Error:
                return Banner(found=True, method="text", button=text, tried=("text",))
            return Banner(found=True, clicked=True, method="text", button=text, tried=("text",))
        if loop.time() >= deadline:
            return Banner(tried=("text",))
        await asyncio.sleep(POLL)
