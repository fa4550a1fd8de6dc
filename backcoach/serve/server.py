"""textual-serve's server with what a coach on a phone needs: a token on a LAN address, one session at
a time, a page that works offline and suits a phone, and a closed tab that ends the session as a closed
terminal does."""

from __future__ import annotations

import asyncio
import contextlib
import logging
from collections.abc import Awaitable, Callable
from functools import partial
from pathlib import Path
from typing import Any

from aiohttp import web
from textual_serve.app_service import AppService
from textual_serve.server import Server

from backcoach.serve.token import token_matches

PAGE = Path(__file__).parent / "page"
TOKEN_COOKIE = "backcoach_token"
FORBIDDEN = "This address needs the link that 'backcoach serve --lan' printed: it carries a token.\n"
Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]


class EndsLikeAClosedTerminal(AppService):
    """A closed tab or a lost connection: SIGTERM, so the app records the session as interrupted and
    keeps its history, exactly as it does for a closed terminal (textual-serve only asks it to quit)."""

    async def stop(self) -> None:
        process = self._process
        if self._task is not None and process is not None and process.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                process.terminate()
        await super().stop()


class CoachServer(Server):
    def __init__(self, command: str, host: str, port: int, token: str | None) -> None:
        super().__init__(command, host=host, port=port, title="backcoach", templates_path=PAGE)
        self.token = token
        self.in_use = False  # one session at a time: two would write one history at once

    def initialize_logging(self) -> None:
        """Warnings only, and no access log: a request's address would carry the token."""
        logging.basicConfig(level=logging.WARNING, format="backcoach serve: %(message)s")

    async def on_startup(self, app: web.Application) -> None:
        """run.py has said where to point the browser (and the token only there)."""

    async def _make_app(self) -> web.Application:
        app = await super()._make_app()
        app.middlewares.append(self.guard)
        return app

    @web.middleware
    async def guard(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        """With a token, every request carries it: in the address the first time, then in a cookie
        (the page's own requests for its script, fonts and connection)."""
        if self.token is None:
            return await handler(request)
        from_address = request.query.get("token")
        if not token_matches(from_address or request.cookies.get(TOKEN_COOKIE), self.token):
            return web.Response(status=403, text=FORBIDDEN)
        response = await handler(request)
        if from_address is not None:
            response.set_cookie(TOKEN_COOKIE, self.token, httponly=True, samesite="Strict")
        return response

    async def handle_index(self, request: web.Request) -> Any:
        if self.in_use:
            return web.FileResponse(PAGE / "in_use.html", status=409)
        return await super().handle_index(request)

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """As textual-serve's, with the gate and the ending above."""
        websocket = web.WebSocketResponse(heartbeat=15)
        await websocket.prepare(request)
        if self.in_use:  # two pages opened at once: the second goes no further
            await websocket.close(code=4009, message=b"in use on another screen")
            return websocket
        self.in_use = True
        service = EndsLikeAClosedTerminal(
            self.command,
            write_bytes=websocket.send_bytes,
            write_str=websocket.send_str,
            close=partial(close_quietly, websocket),
            download_manager=self.download_manager,
            debug=False,
        )
        try:
            await service.start(size(request, "width", 80), size(request, "height", 24))
            await self._process_messages(websocket, service)
        except asyncio.CancelledError:
            await websocket.close()
        finally:
            await service.stop()
            self.in_use = False
        return websocket

    def serve(self, debug: bool = False) -> None:
        self.initialize_logging()
        web.run_app(self._make_app(), host=self.host, port=self.port, access_log=None, print=None)


async def close_quietly(websocket: web.WebSocketResponse) -> None:
    await websocket.close()


def size(request: web.Request, name: str, default: int) -> int:
    value = request.query.get(name, "")
    return int(value) if value.isascii() and value.isdigit() and 0 < int(value) < 1000 else default
