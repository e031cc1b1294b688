"""The FastAPI application: the JSON API (``api.py``), the dashboard pages (``pages.py``), the static
assets, security headers and the one error shape.

Security, because article text and every imported field are untrusted:

- every page is a Jinja template with autoescaping on, and scripts put data into the page with
  ``textContent``, never as markup;
- the Content-Security-Policy allows scripts from this server's ``/static`` only: no inline script,
  no ``eval``, nothing from another origin (``CSP``); pages hold no ``<script>`` with content;
- assets are a fixed table of files known at start-up (``ASSETS``): no file path comes from a request;
- the database is opened read-only, and request values reach DuckDB only as bound parameters.

What it does not do: authenticate users (it binds 127.0.0.1 unless told otherwise: ``run``).
"""

from __future__ import annotations

from contextlib import asynccontextmanager
from importlib import resources
from pathlib import Path
from typing import Any

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import FileResponse, JSONResponse, Response
from starlette.exceptions import HTTPException

from detente.serve.params import ApiError
from detente.serve.views import Views

CSP = ("default-src 'none'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "font-src 'self'; connect-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
# style-src allows inline styles because plotly.js sets them on the SVG it draws; scripts stay strict
HEADERS = {
    "Content-Security-Policy": CSP,
    "X-Content-Type-Options": "nosniff",
    "Referrer-Policy": "no-referrer",
    "X-Frame-Options": "DENY",
    "Cross-Origin-Opener-Policy": "same-origin",
}
STATIC = resources.files("detente.serve") / "static"
MEDIA = {".js": "text/javascript", ".css": "text/css", ".json": "application/json", ".md": "text/markdown",
         ".svg": "image/svg+xml", ".woff2": "font/woff2"}


def _plotly_bundle() -> Path:
    """plotly.js as the ``plotly`` wheel ships it (``plotly/package_data/plotly.min.js``)."""
    path = Path(str(resources.files("plotly") / "package_data" / "plotly.min.js"))
    if not path.is_file():
        raise FileNotFoundError(f"{path}: the plotly package has no plotly.min.js; reinstall it (pip install 'detente[serve]')")
    return path


def assets() -> dict[str, Path]:
    """Every file ``/static/<name>`` serves: this package's static folder and the plotly bundle."""
    root = Path(str(STATIC))
    found = {p.relative_to(root).as_posix(): p for p in root.rglob("*") if p.is_file() and p.suffix in MEDIA}
    found["plotly.min.js"] = _plotly_bundle()
    return found


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api") or request.url.path == "/openapi.json"


def error_response(request: Request, error: ApiError) -> Response:
    if _wants_json(request):
        return JSONResponse(error.body(), status_code=error.status, headers=HEADERS)
    from detente.serve.pages import error_page

    return error_page(request, error)


def create_app(db: str | Path) -> FastAPI:
    """The app over the detente database ``db``, opened read-only now (a missing or locked file, or one
    that is not a detente store, fails here with the store's message)."""
    views = Views(db)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        yield
        views.close()  # the server stops: let go of the file, so it can be written again

    app = FastAPI(title="detente", summary="Political event data: events, quotations, dyads, alerts",
                  version=_version(), docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.views = views
    app.state.assets = assets()

    @app.middleware("http")
    async def security_headers(request: Request, call_next):
        response = await call_next(request)
        for name, value in HEADERS.items():
            response.headers.setdefault(name, value)
        return response

    @app.exception_handler(ApiError)
    async def api_error(request: Request, exc: ApiError):
        return error_response(request, exc)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        first: dict[str, Any] = exc.errors()[0] if exc.errors() else {}
        loc = [str(x) for x in first.get("loc", ())]
        parameter = loc[-1] if len(loc) > 1 else (loc[0] if loc else None)
        message = first.get("msg", "invalid request")
        return error_response(request, ApiError(400, f"{parameter}: {message}" if parameter else message, parameter=parameter))

    @app.exception_handler(HTTPException)
    async def http_error(request: Request, exc: HTTPException):
        message = {404: f"no such page or endpoint: {request.url.path}",
                   405: f"{request.method} is not allowed on {request.url.path}; use GET"}.get(exc.status_code, str(exc.detail))
        return error_response(request, ApiError(exc.status_code, message))

    @app.exception_handler(Exception)
    async def failed(request: Request, exc: Exception):  # the message, never a traceback, reaches the client
        return error_response(request, ApiError(500, f"the server failed on this request ({type(exc).__name__})",
                                                code="internal_error"))

    @app.get("/static/{name:path}", include_in_schema=False)
    def static(name: str):
        path = app.state.assets.get(name)
        if path is None:
            raise ApiError(404, f"no asset {name!r}", parameter="name")
        return FileResponse(path, media_type=MEDIA[path.suffix], headers={"Cache-Control": "public, max-age=3600"})

    from detente.serve.api import router as api_router
    from detente.serve.pages import router as pages_router

    app.include_router(api_router)
    app.include_router(pages_router)
    return app


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("detente")
    except PackageNotFoundError:
        return "0"


def run(db: str | Path, host: str = "127.0.0.1", port: int = 8000) -> None:
    """Serve the dashboard and API on ``http://host:port`` until interrupted."""
    import uvicorn

    app = create_app(db)
    uvicorn.run(app, host=host, port=port, log_level="info")
