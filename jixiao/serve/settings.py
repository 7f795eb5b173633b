"""``jixiao serve``'s settings: where it listens, what it accepts, how long it keeps things.

Part of the web front end (``jixiao/serve``). One frozen dataclass, filled by the command line
(``jixiao serve --port … --max-upload-mb …``) or by a caller of :func:`jixiao.serve.create_app`.
"""
from __future__ import annotations

import ipaddress
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}


@dataclass(frozen=True)
class ServeSettings:
    host: str = "127.0.0.1"
    port: int = 8765
    allow_remote: bool = False  # listening on a non-loopback address needs this (the CLI: an explicit --host)
    max_upload_mb: float = 100.0  # per file
    max_files: int = 200  # per batch (one page's uploads)
    ttl_seconds: float = 3600.0  # a batch's results are removed this long after their last use
    timeout_seconds: float = 300.0  # reading one file, in a worker process (a scanned page takes ~10-30 s of OCR)
    render_timeout_seconds: float = 60.0  # drawing one file's page images, in a separate process
    workers: int = max(1, min(2, os.cpu_count() or 1))  # files read at the same time
    worker_memory_mb: Optional[int] = 4096  # address-space cap of a worker process (Linux); None: none
    max_unpacked_mb: float = 512.0  # a DOCX/XLSX (zip) may unpack to at most this
    max_zip_ratio: float = 200.0  # … and no member may unpack to more than this many times its packed size
    max_zip_entries: int = 20_000
    max_image_pixels: int = 80_000_000  # per image frame (the image reader's own limit)
    ocr: str = "auto"  # auto | always | never, as `jixiao extract --ocr`
    dpi: int = 110  # page images of the review overlay
    sweep_seconds: float = 60.0  # how often expired batches are looked for
    temp_parent: Optional[Path] = None  # where the temporary folder goes (default: the system's)

    @property
    def max_upload_bytes(self) -> int:
        return int(self.max_upload_mb * 1024 * 1024)

    def url(self, port: Optional[int] = None) -> str:
        host = self.host
        if ":" in host and not host.startswith("["):
            host = f"[{host}]"
        if host in ("0.0.0.0", "[::]"):
            host = "127.0.0.1"
        return f"http://{host}:{port or self.port}/"


def is_loopback(host: str) -> bool:
    """127.0.0.0/8, ::1 and the usual names for them."""
    h = host.strip().strip("[]").lower()
    if h in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(h).is_loopback
    except ValueError:
        return False


class RemoteRefused(Exception):
    """A non-loopback address without ``allow_remote``."""


def check_host(settings: ServeSettings) -> Optional[str]:
    """None for a loopback address; the warning to print for an allowed remote one; raises otherwise."""
    if is_loopback(settings.host):
        return None
    if not settings.allow_remote:
        raise RemoteRefused(f"refusing to listen on {settings.host}: jixiao serve has no login, so it listens on "
                            "this computer only (127.0.0.1) unless --host names another address")
    return (f"warning: listening on {settings.host}: anyone who can reach this machine on port {settings.port} "
            "can upload files and download what was read from them (there is no login)")
