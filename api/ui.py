"""The lineage explorer: a static page at ``/`` with its scripts under ``/static``.

The page is plain HTML, CSS and JavaScript modules shipped inside the package (the graph
library is vendored in ``static/vendor``), so it works offline and needs no build step:
everything it shows comes from the REST endpoints the same process serves.
"""

from __future__ import annotations

from pathlib import Path

from fastapi import FastAPI
from fastapi.responses import FileResponse
from fastapi.staticfiles import StaticFiles

STATIC_DIR = Path(__file__).resolve().parent / "static"


def install_ui(app: FastAPI) -> None:
    """Serve ``index.html`` at ``/`` and the assets at ``/static`` (kept out of OpenAPI)."""
    app.mount("/static", StaticFiles(directory=STATIC_DIR), name="static")

    @app.get("/", include_in_schema=False)
    async def index() -> FileResponse:
        return FileResponse(STATIC_DIR / "index.html", media_type="text/html; charset=utf-8")
