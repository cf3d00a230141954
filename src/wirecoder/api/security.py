"""ASGI middleware that guards every response: security headers, body size, time limit, 500s.

Pure ASGI (not BaseHTTPMiddleware) so that the body limit sees the streamed
bytes, whatever Content-Length claims, before any endpoint reads them.

A body over the limit is read and thrown away (up to ``DISCARD_BYTES``) before the
413 is sent: a client that writes its whole body before reading the answer
(Python's urllib) would otherwise see the connection reset instead of the 413.
An exception no handler took becomes a JSON 500 with the security headers here,
inside Starlette's own error middleware (which would answer in plain text).
"""

from __future__ import annotations

import asyncio
import json
import logging

# No inline scripts or styles anywhere: pages load /static/*.js and *.css only.
CSP = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
    "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'"
)
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"x-frame-options", b"DENY"),
]


DISCARD_BYTES = 64 * 1024 * 1024  # most bytes of an oversized body read (and dropped) before the 413

log = logging.getLogger("wirecoder.api")


async def _send_json(send, status: int, detail: str, close: bool = False) -> None:
    body = json.dumps({"detail": detail}).encode()
    headers = [(b"content-type", b"application/json"), (b"content-length", str(len(body)).encode())]
    if close:
        headers.append((b"connection", b"close"))
    await send({"type": "http.response.start", "status": status, "headers": headers + SECURITY_HEADERS})
    await send({"type": "http.response.body", "body": body})


class GuardMiddleware:
    """Adds the security headers, answers 413 for big bodies and 503 for slow requests."""

    def __init__(self, app, max_body_bytes: int, request_timeout: float):
        self.app = app
        self.max_body_bytes = max_body_bytes
        self.request_timeout = request_timeout

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        started = False

        async def send_with_headers(message):
            nonlocal started
            if message["type"] == "http.response.start":
                started = True
                names = {k.lower() for k, _ in message.get("headers", [])}
                extra = [(k, v) for k, v in SECURITY_HEADERS if k not in names]
                message = {**message, "headers": list(message.get("headers", [])) + extra}
            await send(message)

        headers = dict(scope.get("headers") or [])
        length = headers.get(b"content-length")
        if length is not None:
            try:
                declared = int(length)
            except ValueError:
                return await _send_json(send, 400, "bad Content-Length", close=True)
            if declared > self.max_body_bytes:
                return await self._too_large(receive, send, f"request body of {declared} bytes is over the limit "
                                                            f"of {self.max_body_bytes} bytes (max_body_bytes)")

        # Read the body here, counting streamed bytes (chunked uploads declare no length).
        body = b""
        if scope.get("method") in ("POST", "PUT", "PATCH"):
            more = True
            while more:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return
                body += message.get("body", b"")
                more = message.get("more_body", False)
                if len(body) > self.max_body_bytes:
                    return await self._too_large(
                        receive, send, f"request body is over the limit of {self.max_body_bytes} bytes (max_body_bytes)",
                        more=more, seen=len(body))
        replayed = False

        async def replay():
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        try:
            if self.request_timeout and self.request_timeout > 0:
                await asyncio.wait_for(self.app(scope, replay, send_with_headers), self.request_timeout)
            else:
                await self.app(scope, replay, send_with_headers)
        except asyncio.TimeoutError:
            if not started:
                await _send_json(
                    send, 503, f"request took longer than {self.request_timeout:g} s (request_timeout)"
                )
        except Exception as exc:  # no handler took it: a bug, answered as the API answers
            log.exception("error in %s %s", scope.get("method"), scope.get("path"))
            if not started:
                await _send_json(send, 500, f"internal error ({type(exc).__name__}); the server's log has the details")

    async def _too_large(self, receive, send, detail: str, more: bool = True, seen: int = 0) -> None:
        """413 after reading what is left of the body, up to DISCARD_BYTES (then the connection is closed)."""
        async def drain() -> bool:
            nonlocal seen
            while more_body[0] and seen <= DISCARD_BYTES:
                message = await receive()
                if message["type"] == "http.disconnect":
                    return False
                seen += len(message.get("body", b""))
                more_body[0] = message.get("more_body", False)
            return True

        more_body = [more]
        try:
            limit = self.request_timeout if self.request_timeout and self.request_timeout > 0 else None
            if not await asyncio.wait_for(drain(), limit):
                return
        except asyncio.TimeoutError:
            pass
        await _send_json(send, 413, detail, close=more_body[0])
