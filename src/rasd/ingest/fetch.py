"""Fetch a URL given to ``rasd ingest`` (a feed or a page), with the standard library.

Field offices are mostly offline, so this is for the odd feed on a local
network; nothing else in rasd touches the network.
"""

from __future__ import annotations

import urllib.error
import urllib.request
from typing import Optional

from rasd import __version__

MAX_BYTES = 50 * 1024 * 1024


class FetchError(Exception):
    pass


def fetch(url: str, timeout: float = 30.0) -> tuple[bytes, Optional[str]]:
    """(body, Content-Type) of a URL; FetchError saying why not."""
    req = urllib.request.Request(url, headers={"User-Agent": f"rasd/{__version__}"})
    try:
        with urllib.request.urlopen(req, timeout=timeout) as resp:
            body = resp.read(MAX_BYTES + 1)
            ctype = resp.headers.get("Content-Type")
    except urllib.error.HTTPError as e:
        raise FetchError(f"HTTP {e.code} {e.reason}") from None
    except urllib.error.URLError as e:
        raise FetchError(f"cannot fetch ({e.reason})") from None
    except (TimeoutError, OSError) as e:
        raise FetchError(f"cannot fetch ({e})") from None
    if len(body) > MAX_BYTES:
        raise FetchError(f"larger than {MAX_BYTES // (1024 * 1024)} MiB")
    return body, ctype
