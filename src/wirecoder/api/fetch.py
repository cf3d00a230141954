"""Fetching a page for POST /api/code: only when the server's allow_fetch is on."""

from __future__ import annotations

import urllib.request
from urllib.parse import urlsplit

from fastapi import HTTPException


def fetch_page(url: str, max_bytes: int, timeout: float) -> str:
    """The page at an http(s) URL, refused when larger than max_bytes."""
    if urlsplit(url).scheme not in ("http", "https"):
        raise HTTPException(422, "only http and https URLs can be fetched")
    req = urllib.request.Request(url, headers={"User-Agent": "wirecoder"})
    try:
        with urllib.request.urlopen(req, timeout=timeout or None) as resp:
            data = resp.read(max_bytes + 1)
            charset = resp.headers.get_content_charset() or "utf-8"
    except OSError as exc:
        raise HTTPException(502, f"could not fetch {url}: {exc}") from exc
    if len(data) > max_bytes:
        raise HTTPException(413, f"page at {url} is over {max_bytes} bytes (max_body_bytes)")
    return data.decode(charset, errors="replace")
