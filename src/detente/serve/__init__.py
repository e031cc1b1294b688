"""``detente serve``: the JSON API and the dashboard over a detente database (DESIGN.md §2 ``serve/``).

    app.py        create_app(db), run(db, host, port): FastAPI app, security headers, one error shape
    api.py        the JSON routes under /api (OpenAPI at /openapi.json, reference page at /docs)
    pages.py      the server-rendered pages (Jinja templates in templates/, scripts in static/)
    views.py      what both show, from the store's Reader and the analyses, over one read-only database
    params.py     request parameters checked, cursors, ApiError
    highlight.py  an article's text cut into highlighted segments (displaCy-like)

Needs the ``serve`` extra (FastAPI, uvicorn, Jinja2, plotly for its bundled plotly.js):
``pip install 'detente[serve]'``. How to run it, each page, security: ``docs/serve.md``.
"""

from __future__ import annotations

try:
    import fastapi  # noqa: F401
    import jinja2  # noqa: F401
except ImportError as exc:  # pragma: no cover - depends on how detente was installed
    from detente.errors import UserInputError

    raise UserInputError(f"detente serve needs the serve extra ({exc.name} is missing): pip install 'detente[serve]'") from None

from detente.serve.app import create_app, run

__all__ = ["create_app", "run"]
