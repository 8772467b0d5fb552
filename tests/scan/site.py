"""The scan tests' web site: site.test and tracker.test over HTTPS, on one local port.

Chromium reaches both names through ``--host-resolver-rules=MAP *.test 127.0.0.1``;
the certificate (made by the ``tls`` fixture with ``openssl``) covers both. Each
banner kind has four linked pages (``/KIND/``, ``about``, ``contact``, ``deep``):

- every page of site.test sets ``sid`` (session, necessary), ``lang`` (30 days,
  declared "1 day"), ``planted`` (declared nowhere), localStorage ``prefs`` and
  sessionStorage ``visited``;
- after consent, the analytics script sets ``_stats_id``, localStorage
  ``stats_seen`` and the IndexedDB database ``stats_db``, and the advertising
  script frames tracker.test, whose answer sets the third-party cookie ``trk``;
- ``klaro`` and ``cookieconsent`` hold those scripts back with the real
  libraries, configured by ``consent-tui export``; ``plain`` has a banner of
  its own in German (and a decoy "Alle akzeptieren" button outside it);
  ``none`` has no banner and runs the analytics script at once (a leak).

Every value holds :data:`MARK`, so a test can prove none is ever written.
"""

from __future__ import annotations

import http.server
import ssl
import threading
from pathlib import Path
from typing import Any, Final
from urllib.parse import urlsplit

from tests.browser.conftest import NODE_MODULES

MARK: Final = "MARKER-9d2f61-"
HOURS: Final = 3600
KINDS: Final = ("klaro", "cookieconsent", "plain", "none")
PAGES: Final = {"": "about", "about": "contact", "contact": "deep", "deep": ""}
STATS = (
    f'document.cookie = "_stats_id={MARK}stats; Max-Age=31536000; Path=/; SameSite=Lax";'
    f' localStorage.setItem("stats_seen", "{MARK}seen"); indexedDB.open("stats_db");'
)
ADS = (
    'const f = document.createElement("iframe"); f.src = "https://tracker.test:PORT/pixel";'
    " document.body.appendChild(f);"
)
PLAIN_BANNER = """
<div id="cookie-hinweis" hidden>
  <p>Wir verwenden Cookies für Statistik und Werbung.</p>
  <button id="ja">Alle akzeptieren</button> <button id="nein">Alle ablehnen</button>
</div>
<script>
(function () {
  const run = () => { STATS ADS };
  const chosen = document.cookie.match(/(?:^|; )consent=(yes|no)/);
  if (chosen) { if (chosen[1] === "yes") run(); return; }
  const box = document.getElementById("cookie-hinweis");
  box.hidden = false;
  const choose = (answer) => {
    document.cookie = "consent=" + answer + "; Max-Age=15724800; Path=/";
    box.hidden = true;
    if (answer === "yes") run();
  };
  document.getElementById("ja").onclick = () => choose("yes");
  document.getElementById("nein").onclick = () => choose("no");
})();
</script>
"""
DECOY = '<form><p>Newsletter</p><button type="button">Alle akzeptieren</button></form>'
TYPES = {".js": "text/javascript", ".css": "text/css", ".json": "application/json"}


def _head(kind: str) -> str:
    if kind == "klaro":
        return (
            '<script src="/config/klaro.js"></script>\n'
            '<script defer src="/node_modules/klaro/dist/klaro.js"></script>\n'
            f'<script type="text/plain" data-type="text/javascript" data-name="stats">{STATS}'
            "</script>\n"
            f'<script type="text/plain" data-type="text/javascript" data-name="ads">{ADS}</script>'
        )
    if kind == "cookieconsent":
        module = "/node_modules/vanilla-cookieconsent/dist/cookieconsent.esm.js"
        return (
            '<link rel="stylesheet" href="/node_modules/vanilla-cookieconsent/dist/'
            'cookieconsent.css">\n'
            f'<script type="importmap">{{"imports": {{"vanilla-cookieconsent": "{module}"}}}}'
            "</script>\n"
            '<script type="module" src="/config/cookieconsent.js"></script>\n'
            f'<script type="text/plain" data-category="analytics">{STATS}</script>\n'
            f'<script type="text/plain" data-category="advertising">{ADS}</script>'
        )
    if kind == "none":
        return f"<script>{STATS}</script>"
    return ""


def page(kind: str, name: str, port: int) -> str:
    """One page of the site, for ``kind``'s banner."""
    link = PAGES[name]
    nav = f'<a href="/{kind}/{link}">Next</a> <a href="/{kind}/{link}#top">Next again</a>'
    nav += (
        f' <a href="https://tracker.test:{port}/ads">Ads</a> <a href="mailto:x@site.test">Mail</a>'
    )
    nav += ' <a href="/files/report.pdf">Report</a>'
    storage = (
        f'<script>localStorage.setItem("prefs", "{MARK}prefs");'
        f' sessionStorage.setItem("visited", "{MARK}visited");</script>'
    )
    tail = PLAIN_BANNER if kind == "plain" else ""
    html = (
        f'<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        f"<title>{kind} {name or 'home'}</title>\n{storage}\n{_head(kind)}\n</head>\n"
        f"<body>\n<main><h1>{kind}: {name or 'home'}</h1>\n<nav>{nav}</nav>\n"
        f"{DECOY if kind == 'plain' else ''}</main>\n{tail}</body>\n</html>\n"
    )
    return html.replace("STATS", STATS).replace("ADS", ADS).replace("PORT", str(port))


SITE_COOKIES = (
    f"sid={MARK}sid; Path=/; Secure; HttpOnly; SameSite=Lax",
    f"lang={MARK}lang; Path=/; Max-Age={30 * 24 * HOURS}",
    f"planted={MARK}planted; Path=/; Max-Age={HOURS}",
)
TRACKER_COOKIE = f"trk={MARK}trk; Path=/; Secure; SameSite=None; Max-Age={90 * 24 * HOURS}"


class TestSite:
    """The HTTPS server; ``configs`` holds the exported banner configurations by name."""

    __test__ = False  # not a test class

    def __init__(self, cert: Path, key: Path, configs: dict[str, str]) -> None:
        context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
        context.load_cert_chain(cert, key)
        self.stop = threading.Event()
        self.requests: list[str] = []
        site = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self) -> None:
                host = (self.headers.get("Host") or "").rsplit(":", 1)[0]
                path = urlsplit(self.path).path
                site.requests.append(f"{host}{path}")
                site.answer(self, host, path, configs)

            def log_message(self, format: str, *args: Any) -> None:
                return

        class Server(http.server.ThreadingHTTPServer):
            daemon_threads = True
            block_on_close = False

            def finish_request(self, request: Any, client_address: Any) -> None:
                try:  # the handshake in the request's thread, never in the accepting one
                    request = context.wrap_socket(request, server_side=True)
                except (ssl.SSLError, OSError):
                    return
                super().finish_request(request, client_address)

        self.httpd = Server(("127.0.0.1", 0), Handler)
        self.port = self.httpd.server_address[1]
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)
        self.thread.start()

    def url(self, kind: str, name: str = "") -> str:
        return f"https://site.test:{self.port}/{kind}/{name}"

    def answer(self, handler: Any, host: str, path: str, configs: dict[str, str]) -> None:
        headers: list[tuple[str, str]] = []
        if host == "tracker.test" and path == "/pixel":
            body, kind = "<p>pixel</p>", "text/html"
            headers.append(("Set-Cookie", TRACKER_COOKIE))
        elif host != "site.test":
            return handler.send_error(404)
        elif path.startswith("/node_modules/"):
            file = (NODE_MODULES / path.removeprefix("/node_modules/")).resolve()
            if not file.is_relative_to(NODE_MODULES.resolve()) or not file.is_file():
                return handler.send_error(404)
            body, kind = file.read_text(encoding="utf-8"), TYPES.get(file.suffix, "text/plain")
        elif path.startswith("/config/") and path.removeprefix("/config/") in configs:
            body, kind = configs[path.removeprefix("/config/")], "text/javascript"
        elif path.startswith("/slow/"):
            self.stop.wait(float(path.removeprefix("/slow/") or 5))
            body, kind = "<p>slow</p>", "text/html"
        else:
            parts = path.strip("/").split("/")
            if parts[0] not in KINDS or len(parts) > 2 or (parts[1:] or [""])[0] not in PAGES:
                return handler.send_error(404)
            body, kind = page(parts[0], (parts[1:] or [""])[0], self.port), "text/html"
            headers += [("Set-Cookie", cookie) for cookie in SITE_COOKIES]
        data = body.encode("utf-8")
        try:
            handler.send_response(200)
            for name, value in headers:
                handler.send_header(name, value)
            handler.send_header("Content-Type", f"{kind}; charset=utf-8")
            handler.send_header("Content-Length", str(len(data)))
            handler.send_header("Cache-Control", "no-store")
            handler.end_headers()
            handler.wfile.write(data)
        except OSError:
            return None
        return None

    def close(self) -> None:
        self.stop.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(timeout=10)
