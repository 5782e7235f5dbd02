"""The web app: REST API under ``/api/`` and server-rendered pages over one store.

``create_app(db_path)`` builds the FastAPI app; ``serve`` runs it with uvicorn,
bound to 127.0.0.1 unless told otherwise. The store is opened read-only
(SQLite ``mode=ro``) unless ``writable`` is set, so a read-only server cannot
change the file whatever a request asks.

Every 4xx from the API has one JSON shape::

    {"error": {"status": 422, "message": "one line for people", "detail": ...}}

Pages answer errors with an HTML page of the same status.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException

from ..errors import NewsgraphError, QueryError, StoreError
from ..store import Store
from . import api, pages
from .semantic import SemanticIndex
from .templating import templates

STATIC = Path(__file__).parent / "static"


class StorePool:
    """One connection per worker thread: sqlite3 connections must stay in their thread,
    and FastAPI runs plain ``def`` endpoints in a thread pool."""

    def __init__(self, db_path: str | Path, writable: bool) -> None:
        self.db_path = Path(db_path)
        self.writable = writable
        self._local = threading.local()
        self._all: list[Store] = []
        self._lock = threading.Lock()

    def get(self) -> Store:
        store = getattr(self._local, "store", None)
        if store is None:
            store = Store(self.db_path, read_only=not self.writable)
            self._local.store = store
            with self._lock:
                self._all.append(store)
        return store

    def close(self) -> None:
        with self._lock:
            for store in self._all:
                try:
                    store.close()
                except Exception:  # a connection of a finished thread may already be gone
                    pass
            self._all.clear()


def create_app(db_path: str | Path, writable: bool = False) -> Any:
    """The FastAPI app over the store at ``db_path`` (which must exist)."""
    if not Path(db_path).is_file():
        raise StoreError(f"{db_path}: no such database; run `newsgraph analyze` first")
    pool = StorePool(db_path, writable)
    Store(db_path, read_only=not writable).close()  # fail now, not on the first request

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        pool.close()

    app = FastAPI(title="newsgraph", version=_version(), lifespan=lifespan,
                  description="Who said what, where and when — across the news. Read-only unless started "
                              "with --writable. Lists are paginated with limit and offset and shaped "
                              '{"items": [...], "total": N}; every error is {"error": {"status", "message", '
                              '"detail"}}.',
                  docs_url=None, redoc_url=None)  # the stock docs pages load from a CDN: pages must work offline
    app.state.pool = pool
    app.state.writable = writable
    app.state.semantic = SemanticIndex()
    app.include_router(api.router)
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=STATIC), name="static")
    _add_error_handlers(app)
    app.middleware("http")(_security_headers)
    return app


def serve(db_path: str | Path, host: str = "127.0.0.1", port: int = 8000, writable: bool = False) -> None:
    import uvicorn

    uvicorn.run(create_app(db_path, writable=writable), host=host, port=port, log_level="info")


def _version() -> str:
    from .. import __version__

    return __version__


# --- errors --------------------------------------------------------------------------

def error_body(status: int, message: str, detail: Any = None) -> dict[str, Any]:
    return {"error": {"status": status, "message": message, "detail": detail}}


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def _error_response(request: Request, status: int, message: str, detail: Any = None) -> Response:
    if _wants_json(request):
        return JSONResponse(error_body(status, message, detail), status_code=status)
    return templates.TemplateResponse(request, "error.html", {"status": status, "message": message},
                                      status_code=status)


def _validation_message(errors: list[dict[str, Any]]) -> str:
    parts = []
    for e in errors:
        where = ".".join(str(p) for p in e.get("loc", ()) if p not in ("query", "path", "body"))
        parts.append(f"{where}: {e.get('msg', 'invalid')}" if where else str(e.get("msg", "invalid")))
    return "; ".join(parts) or "invalid request"


def _add_error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException) -> Response:
        message = exc.detail if isinstance(exc.detail, str) else "request failed"
        return _error_response(request, exc.status_code, message, None if isinstance(exc.detail, str) else exc.detail)

    @app.exception_handler(RequestValidationError)
    async def validation_error(request: Request, exc: RequestValidationError) -> Response:
        errors = [{k: v for k, v in e.items() if k in ("loc", "msg", "type")} for e in exc.errors()]
        return _error_response(request, 422, _validation_message(errors), errors)

    @app.exception_handler(QueryError)
    async def query_error(request: Request, exc: QueryError) -> Response:
        return _error_response(request, 400, exc.message)

    @app.exception_handler(NewsgraphError)
    async def newsgraph_error(request: Request, exc: NewsgraphError) -> Response:
        return _error_response(request, 503, exc.message)

    @app.exception_handler(Exception)
    async def unexpected_error(request: Request, exc: Exception) -> Response:
        # a bug, not a bad request: still the one shape, without internals
        return _error_response(request, 500, "internal error; see the server log")


async def _security_headers(request: Request, call_next: Any) -> Response:
    """Defence in depth behind escaping: no script but our own file, no inline handlers."""
    response = await call_next(request)
    response.headers.setdefault("Content-Security-Policy",
                                "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
                                "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
    response.headers.setdefault("X-Content-Type-Options", "nosniff")
    response.headers.setdefault("Referrer-Policy", "no-referrer")
    return response
