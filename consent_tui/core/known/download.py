"""Download the database over HTTP(S), whole or not at all, with progress reports.

The body is read in chunks (``progress(done, total)`` after each); a body
shorter than the announced length, a server error, a refused or unreachable
host (no network), a timeout or a body beyond :data:`~.files.MAX_BYTES`
is a :class:`KnownDataError` saying which, and no bytes are returned.
"""

from __future__ import annotations

import http.client
import socket
import urllib.error
import urllib.parse
import urllib.request
from collections.abc import Callable
from dataclasses import dataclass

from consent_tui import __version__
from consent_tui.core.known.errors import KnownDataError
from consent_tui.core.known.files import MAX_BYTES, megabytes, too_big

Progress = Callable[[int, int | None], None]
CHUNK = 64 * 1024
OFFLINE_HINT = (
    "to install it without network, download the CSV on another machine and run "
    "`consent-tui known update --from FILE`"
)


@dataclass(frozen=True, slots=True)
class Downloaded:
    data: bytes
    url: str  # after redirects
    last_modified: str | None


def download(url: str, progress: Progress | None = None, timeout: float = 30.0) -> Downloaded:
    """The body at ``url`` (http or https only)."""
    scheme = urllib.parse.urlsplit(url).scheme.lower()
    if scheme not in ("http", "https"):
        raise KnownDataError("only http:// and https:// URLs can be downloaded", path=url)
    request = urllib.request.Request(url, headers={"User-Agent": f"consent-tui/{__version__}"})
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            total = _length(response.headers.get("Content-Length"))
            if total is not None and total > MAX_BYTES:
                raise KnownDataError(too_big(total), path=url)
            data = _body(response, total, progress, url)
            return Downloaded(data, response.geturl(), response.headers.get("Last-Modified"))
    except urllib.error.HTTPError as exc:
        raise KnownDataError(f"the server answered {exc.code} {exc.reason}", path=url) from None
    except urllib.error.URLError as exc:
        raise KnownDataError(_unreachable(url, exc.reason), path=url) from None
    except TimeoutError:
        raise KnownDataError(
            f"no answer within {timeout:g} seconds; {OFFLINE_HINT}", path=url
        ) from None
    except http.client.IncompleteRead as exc:
        raise KnownDataError(_cut(len(exc.partial), total_of(exc)), path=url) from None
    except (http.client.HTTPException, ConnectionError) as exc:
        failure = str(exc) or type(exc).__name__
        raise KnownDataError(f"the download failed: {failure}", path=url) from None


def _body(
    response: http.client.HTTPResponse, total: int | None, progress: Progress | None, url: str
) -> bytes:
    chunks: list[bytes] = []
    done = 0
    while True:
        chunk = response.read(CHUNK)
        if not chunk:
            break
        chunks.append(chunk)
        done += len(chunk)
        if done > MAX_BYTES:
            raise KnownDataError(too_big(done), path=url)
        if progress is not None:
            progress(done, total)
    if total is not None and done < total:
        raise KnownDataError(_cut(done, total), path=url)
    return b"".join(chunks)


def _length(value: str | None) -> int | None:
    if value is None or not value.strip().isdigit():
        return None
    return int(value.strip())


def total_of(exc: http.client.IncompleteRead) -> int | None:
    expected = exc.expected
    return None if expected is None else len(exc.partial) + expected


def _cut(done: int, total: int | None) -> str:
    of = f" of {megabytes(total)}" if total else ""
    return f"the download was cut short ({megabytes(done)}{of} received)"


def _unreachable(url: str, reason: object) -> str:
    host = urllib.parse.urlsplit(url).hostname or url
    if isinstance(reason, socket.gaierror):
        why = f"cannot find the host {host} (no network, or no DNS)"
    elif isinstance(reason, ConnectionRefusedError):
        why = f"{host} refused the connection"
    elif isinstance(reason, TimeoutError):
        why = f"{host} did not answer in time"
    else:
        why = f"cannot reach {host} ({reason})"
    return f"{why}; {OFFLINE_HINT}"
