"""Page images of an upload for the review overlay, drawn in a child process (:mod:`.isolate`).

Part of ``jixiao/serve``; the drawing itself is the review report's (:mod:`jixiao.report.pages`):
the same file names, sizes and units, so the report's page view lines up the same way here.
"""
from __future__ import annotations

from pathlib import Path

from jixiao.report.pages import PageInfo, write_page_images


def render_pages(path: str, fmt: str, pages: list[int], img_dir: str, key: str, dpi: int) -> list[tuple]:
    """Runs in the child: every wanted page written to ``img_dir``; plain tuples back to the parent."""
    infos = write_page_images(Path(path), fmt, pages, Path(img_dir), key, dpi)
    return [(i.page, i.width, i.height, i.file, i.px_width, i.px_height) for i in infos]


def page_infos(rows: list[tuple]) -> list[PageInfo]:
    return [PageInfo(*row) for row in rows]
