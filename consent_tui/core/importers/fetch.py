"""Fetch a published page once: ``http``/``https`` only, a timeout, a size cap, clear failures.

Redirects are followed to ``http``/``https`` addresses only. Without a
network the message says so, instead of a stack of socket errors.
"""

from __future__ import annotations

import socket
import urllib.error
import urllib.request
from typing import Final
from urllib.parse import urlsplit

from consent_tui import __version__
from consent_tui.core.importers.errors import SourceError

TIMEOUT: Final = 20.0
_SCHEMES: Final = ("http", "https")


class _Redirects(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, req, fp, code, msg, headers, newurl):  # type: ignore[no-untyped-def]
        if urlsplit(newurl).scheme.lower() not in _SCHEMES:
            raise SourceError(
                f"redirects to {newurl!r}, which is not an http(s) address", path=req.full_url
            )
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def fetch(url: str, limit: int, timeout: float = TIMEOUT) -> tuple[bytes, str | None, str, str]:
    """The body, its declared charset, its content type and the final address of ``url``."""
    parts = urlsplit(url)
    if parts.scheme.lower() not in _SCHEMES or not parts.hostname:
        raise SourceError("only http:// and https:// addresses can be fetched", path=url)
    request = urllib.request.Request(
        url,
        headers={
            "User-Agent": f"consent-tui/{__version__} (cookie table import)",
            "Accept": "text/html,text/markdown,text/csv,application/json;q=0.9,*/*;q=0.5",
        },
    )
    opener = urllib.request.build_opener(_Redirects())
    try:
        with opener.open(request, timeout=timeout) as response:
            data = response.read(limit + 1)
            charset = response.headers.get_content_charset()
            content_type = response.headers.get_content_type()
            final = response.geturl()
    except urllib.error.HTTPError as exc:
        raise SourceError(f"the server answered {exc.code} {exc.reason}", path=url) from None
    except urllib.error.URLError as exc:
        raise SourceError(_why(exc.reason), path=url) from None
    except TimeoutError:
        raise SourceError(f"no answer within {timeout:g} seconds", path=url) from None
    except OSError as exc:
        raise SourceError(f"cannot fetch it: {exc.strerror or exc}", path=url) from None
    if len(data) > limit:
        raise SourceError(f"the page is larger than {limit // (1024 * 1024)} MiB", path=url)
    return data, charset, content_type, final


def _why(reason: object) -> str:
    if isinstance(reason, socket.gaierror):
        return "cannot find the host (no network connection, or a mistyped address?)"
    if isinstance(reason, TimeoutError | socket.timeout):
        return "no answer in time"
    if isinstance(reason, ConnectionRefusedError):
        return "the connection was refused"
    if isinstance(reason, OSError):
        return f"cannot connect: {reason.strerror or reason} (no network connection?)"
    return f"cannot fetch it: {reason}"
