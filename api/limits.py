"""A request body limit, enforced twice: by the declared Content-Length and by counting bytes.

A client may send no Content-Length (chunked transfer) or lie about it, so the declared length
is checked before the application runs and the streamed bytes are counted while it reads them.
"""

from __future__ import annotations

from starlette.requests import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from policykg.api.problems import PayloadTooLarge, problem_response


class BodyLimitMiddleware:
    """Refuse bodies larger than ``max_bytes`` with a 413 problem."""

    def __init__(self, app: ASGIApp, max_bytes: int):
        self.app = app
        self.max_bytes = max_bytes

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        declared = _content_length(scope)
        if declared is not None and declared > self.max_bytes:
            await self._refuse(scope, receive, send, f"declared Content-Length {declared}")
            return
        await self.app(scope, self._counting(receive), send)

    def _counting(self, receive: Receive) -> Receive:
        """Wrap ``receive`` so the application sees PayloadTooLarge once the limit is passed."""
        seen = 0

        async def counted() -> Message:
            nonlocal seen
            message = await receive()
            if message["type"] == "http.request":
                seen += len(message.get("body", b""))
                if seen > self.max_bytes:
                    raise PayloadTooLarge(self._detail(f"more than {self.max_bytes} bytes streamed"))
            return message

        return counted

    def _detail(self, what: str) -> str:
        return f"request body too large: {what}; the limit is {self.max_bytes} bytes (POLICYKG_MAX_BODY_BYTES)"

    async def _refuse(self, scope: Scope, receive: Receive, send: Send, what: str) -> None:
        error = PayloadTooLarge(self._detail(what))
        response = problem_response(Request(scope), error.status, error.slug, error.title,
                                    error.detail, {"Connection": "close"})
        await response(scope, receive, send)


def _content_length(scope: Scope) -> int | None:
    """The declared Content-Length, or None when absent or unreadable."""
    for name, value in scope.get("headers", ()):
        if name == b"content-length":
            try:
                return int(value)
            except ValueError:
                return None
    return None
