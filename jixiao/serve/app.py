"""The web app (Starlette): upload page, upload and status API, results, review overlay, downloads.

Part of ``jixiao/serve``, its HTTP edge. Routes:

    GET  /                                   the page
    GET  /assets/…, /assets/report/…         its own JS/CSS, and the review report's
    POST /api/batches                        a new batch → {"id"}
    GET  /api/batches/{b}                    every file's status (the page polls this)
    PUT  /api/batches/{b}/files?name=N[&order=K]  one file as the raw request body → 202 and its entry (K: its place among the files picked)
    GET  /api/batches/{b}/files/{f}/view     the file's result as HTML (its forms shown as forms)
    GET  /api/batches/{b}/download/{kind}    forms-xlsx, xlsx, csv, parquet, duckdb or zip [?file=f]
    DELETE /api/batches/{b}                  remove the batch now
    GET  /b/{b}/f/{f}/review (+ img/{name})  the review report's page of the file, its page images
    GET  /api/health                         counters (the load test reads them)

Uploads are streamed to disk and cut off at the size limit; reading runs in worker processes
(:mod:`.jobs`), at most ``settings.workers`` at a time, from a thread — never in the event loop.
Ids in URLs are looked up, never joined into paths. Responses carry a strict Content-Security-Policy
(nothing but this server's own scripts), and on a loopback address only loopback Host headers are
answered (no DNS rebinding from a web page).
"""
from __future__ import annotations

import asyncio
import contextlib
from dataclasses import dataclass, field
from importlib.resources import files

from starlette.applications import Starlette
from starlette.background import BackgroundTask
from starlette.concurrency import run_in_threadpool
from starlette.middleware import Middleware
from starlette.middleware.trustedhost import TrustedHostMiddleware
from starlette.requests import ClientDisconnect, Request
from starlette.responses import FileResponse, HTMLResponse, JSONResponse, Response
from starlette.routing import Route

from jixiao.batch.pool import PoolStats, warm_up
from jixiao.serve import downloads, html
from jixiao.serve.guard import check_declared, display_name, stored_suffix, too_large
from jixiao.serve.isolate import IsolatedError
from jixiao.serve.jobs import load_result, read_upload
from jixiao.serve.settings import ServeSettings, is_loopback
from jixiao.serve.store import Store

ASSETS = {"app.js": "text/javascript", "app.css": "text/css", "icon.svg": "image/svg+xml"}
REPORT_ASSETS = {"document.js": "text/javascript", "report.css": "text/css"}
EMBEDDED_REVIEW_CSS = "\n/* jixiao serve: the review page shown inside the result */\n.docpage a.home { display: none; }\n"
LOOPBACK_HOSTS = ["127.0.0.1", "localhost"]
# what the page-drawing and download children import, loaded once in the forkserver they start from
CHILD_PRELOAD = ["jixiao.serve.render", "jixiao.serve.downloads", "jixiao.dataset.formsheet", "openpyxl",
                 "pyarrow.parquet", "duckdb", "pypdfium2"]
SECURITY_HEADERS = [
    (b"content-security-policy", b"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; "
                                 b"img-src 'self' data:; connect-src 'self'; frame-ancestors 'self'; base-uri 'none'; "
                                 b"form-action 'self'"),
    (b"x-content-type-options", b"nosniff"),
    (b"referrer-policy", b"no-referrer"),
    (b"cache-control", b"no-store"),
]


@dataclass
class ServerState:
    settings: ServeSettings
    store: Store
    slots: asyncio.Semaphore
    stats: PoolStats = field(default_factory=PoolStats)
    jobs: set = field(default_factory=set)
    uploads: int = 0


class SecurityHeaders:
    """Pure ASGI middleware (streams pass through untouched) adding :data:`SECURITY_HEADERS`."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def with_headers(message):
            if message["type"] == "http.response.start":
                message.setdefault("headers", [])
                message["headers"] = list(message["headers"]) + SECURITY_HEADERS
            await send(message)

        return await self.app(scope, receive, with_headers)


def _state(request: Request) -> ServerState:
    return request.app.state.jixiao


def _error(key: str, status: int, **params) -> JSONResponse:
    return JSONResponse({"message": key, "params": params}, status_code=status)


async def page(request: Request) -> Response:
    return HTMLResponse(html.index_html(_state(request).settings))


def _asset(folder: str, name: str, extra: str = "") -> Response:
    data = files(folder).joinpath("assets", name).read_text(encoding="utf-8") + extra
    kind = (ASSETS.get(name) or REPORT_ASSETS.get(name)) + "; charset=utf-8"
    return Response(data, media_type=kind)


async def asset(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in ASSETS:
        return Response(status_code=404)
    return _asset("jixiao.serve", name)


async def report_asset(request: Request) -> Response:
    name = request.path_params["name"]
    if name not in REPORT_ASSETS:
        return Response(status_code=404)
    return _asset("jixiao.report", name, EMBEDDED_REVIEW_CSS if name == "report.css" else "")


async def new_batch(request: Request) -> Response:
    batch = _state(request).store.new_batch()
    return JSONResponse({"id": batch.id}, status_code=201)


async def batch_status(request: Request) -> Response:
    batch = _state(request).store.get(request.path_params["bid"])
    if batch is None:
        return _error("expired", 404)
    return JSONResponse({"id": batch.id, "files": [e.public() for e in list(batch.entries.values())]})


async def delete_batch(request: Request) -> Response:
    removed = _state(request).store.remove(request.path_params["bid"])
    return Response(status_code=204 if removed else 404)


async def upload(request: Request) -> Response:
    state = _state(request)
    settings = state.settings
    batch = state.store.get(request.path_params["bid"])
    if batch is None:
        return _error("expired", 404)
    if len(batch.entries) >= settings.max_files:
        return _error("too_many", 429, n=settings.max_files)
    name = display_name(request.query_params.get("name"))
    declared = request.headers.get("content-length")
    size = int(declared) if declared and declared.isdigit() else None
    entry = state.store.add_entry(batch, name, stored_suffix(name))
    picked = request.query_params.get("order", "")
    entry.order = int(picked) if picked.isdigit() else None
    refusal = check_declared(name, size, settings)
    if refusal is not None:
        entry.status, entry.message, entry.params, entry.size = "rejected", refusal.key, refusal.params, size or 0
        return JSONResponse(entry.public(), status_code=413 if refusal.key == "too_large" else 415)
    path = batch.upload_path(entry)
    written = 0
    try:
        with open(path, "wb") as f:
            async for chunk in request.stream():
                written += len(chunk)
                if written > settings.max_upload_bytes:
                    refusal = too_large(written, settings)
                    break
                f.write(chunk)
    except ClientDisconnect:
        path.unlink(missing_ok=True)
        state.store.drop_entry(batch, entry)
        return Response(status_code=400)
    entry.size = written
    if refusal is not None:
        path.unlink(missing_ok=True)
        entry.status, entry.message, entry.params = "rejected", refusal.key, refusal.params
        return JSONResponse(entry.public(), status_code=413)
    entry.status = "queued"
    state.uploads += 1
    task = asyncio.create_task(_read(state, batch, entry))
    state.jobs.add(task)
    task.add_done_callback(state.jobs.discard)
    return JSONResponse(entry.public(), status_code=202)


async def _read(state: ServerState, batch, entry) -> None:
    async with state.slots:
        await run_in_threadpool(read_upload, batch, entry, state.settings, state.stats)


def _entry(request: Request):
    batch = _state(request).store.get(request.path_params["bid"])
    entry = batch.entries.get(request.path_params["fid"]) if batch is not None else None
    return batch, entry


async def view(request: Request) -> Response:
    batch, entry = _entry(request)
    if entry is None:
        return _error("expired", 404)
    result = await run_in_threadpool(load_result, batch, entry) if entry.status in ("done", "failed") else None
    body = await run_in_threadpool(html.result_html, entry, result, f"/b/{batch.id}/f/{entry.id}/review")
    return HTMLResponse(body)


async def review(request: Request) -> Response:
    batch, entry = _entry(request)
    if entry is None:
        return _error("expired", 404)
    result = await run_in_threadpool(load_result, batch, entry)
    if result is None:
        return _error("expired", 404)
    return HTMLResponse(await run_in_threadpool(html.review_html, entry, result, "img/"))


async def image(request: Request) -> Response:
    batch, entry = _entry(request)
    name = request.path_params["name"]
    if entry is None or name not in {p.file for p in entry.pages}:
        return Response(status_code=404)
    return FileResponse(batch.images / name, media_type="image/jpeg")


def picked_order(entries: list) -> list:
    """Files in the order the user picked them (their uploads may arrive in any order), then the rest as they came."""
    return sorted(entries, key=lambda e: (e.order is None, e.order or 0))


async def download(request: Request) -> Response:
    state = _state(request)
    batch = state.store.get(request.path_params["bid"])
    kind = request.path_params["kind"]
    if batch is None:
        return _error("expired", 404)
    if kind not in downloads.KINDS:
        return Response(status_code=404)
    entries = picked_order(list(batch.entries.values()))
    wanted = request.query_params.get("file")
    if wanted:
        entries = [e for e in entries if e.id == wanted]
    entries = [e for e in entries if e.status in ("done", "failed", "rejected")]
    if not entries:
        return _error("expired", 404)
    try:
        async with state.slots:  # a child process each, counted with the readers: memory stays bounded
            result = await run_in_threadpool(downloads.build, batch, entries, kind, state.settings)
    except IsolatedError as e:
        return _error("read_error", 500, error=str(e))
    return FileResponse(result.path, media_type=result.media_type, filename=result.filename,
                        background=BackgroundTask(result.cleanup))


async def health(request: Request) -> Response:
    state = _state(request)
    batches = state.store.batches()
    return JSONResponse({"batches": len(batches), "files": sum(len(b.entries) for b in batches),
                         "uploads": state.uploads, "reading": len(state.jobs),
                         "peak_worker_rss_kb": state.stats.peak_rss_kb, "workers_started": state.stats.workers_started})


async def _sweeper(state: ServerState) -> None:
    while True:
        await asyncio.sleep(state.settings.sweep_seconds)
        state.store.sweep(state.settings.ttl_seconds)


def create_app(settings: ServeSettings = ServeSettings()) -> Starlette:
    """The ASGI app. Its temporary folder is made at startup and removed at shutdown (lifespan)."""

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        state = ServerState(settings, Store(settings.temp_parent), asyncio.Semaphore(max(1, settings.workers)))
        app.state.jixiao = state
        sweeper = asyncio.create_task(_sweeper(state))
        warming = asyncio.create_task(run_in_threadpool(warm_up, CHILD_PRELOAD))  # the children's forkserver
        try:
            yield
        finally:
            sweeper.cancel()
            warming.cancel()
            for job in list(state.jobs):
                job.cancel()
            state.store.close()

    routes = [
        Route("/", page),
        Route("/favicon.ico", lambda request: Response(status_code=301, headers={"location": "/assets/icon.svg"})),
        Route("/assets/report/{name}", report_asset),
        Route("/assets/{name}", asset),
        Route("/api/health", health),
        Route("/api/batches", new_batch, methods=["POST"]),
        Route("/api/batches/{bid}", batch_status),
        Route("/api/batches/{bid}", delete_batch, methods=["DELETE"]),
        Route("/api/batches/{bid}/files", upload, methods=["PUT", "POST"]),
        Route("/api/batches/{bid}/files/{fid}/view", view),
        Route("/api/batches/{bid}/download/{kind}", download),
        Route("/b/{bid}/f/{fid}/review", review),
        Route("/b/{bid}/f/{fid}/img/{name}", image),
    ]
    hosts = LOOPBACK_HOSTS if is_loopback(settings.host) else ["*"]
    middleware = [Middleware(SecurityHeaders), Middleware(TrustedHostMiddleware, allowed_hosts=hosts)]
    return Starlette(routes=routes, middleware=middleware, lifespan=lifespan)
