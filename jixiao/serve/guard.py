"""What an upload must pass before a worker reads it: a name that never becomes a path, a known
type, a size under the limit, and no decompression bomb.

Part of ``jixiao/serve``. Checks here read headers only (a zip's directory, an image's declared
size), so they are cheap and run before any worker process is given the file; the worker's own
time limit and memory cap (:mod:`jixiao.batch.pool`) stop whatever gets past them. A refusal is a
:class:`Refusal`: an interface-string key (``strings.tsv``) with its figures.
"""
from __future__ import annotations

import re
import unicodedata
import warnings
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from jixiao.extract import READERS
from jixiao.extract.sniff import EXTENSION_FORMATS, sniff_format
from jixiao.serve.settings import ServeSettings

ZIP_FORMATS = {"docx", "xlsx", "odt", "ods"}
IMAGE_FORMATS = {f for f, reader in READERS.items() if reader == "image"}
NAME_MAX = 120
_UNSAFE = re.compile(r"[\x00-\x1f\x7f<>:\"|?*]")


@dataclass(frozen=True)
class Refusal:
    key: str
    params: dict = field(default_factory=dict)


def display_name(raw: Optional[str]) -> str:
    """The name a user gave a file, made harmless for display, tables and downloads: the last path
    part only (``../../x.docx`` → ``x.docx``), no control or reserved characters, at most 120 long.
    It is never used to build a path on disk."""
    name = unicodedata.normalize("NFC", str(raw or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = _UNSAFE.sub("_", name).strip().strip(".") or "upload"
    if len(name) > NAME_MAX:
        stem, dot, ext = name.rpartition(".")
        name = (stem[: NAME_MAX - len(ext) - 1] + "." + ext) if dot and len(ext) <= 8 else name[:NAME_MAX]
    return name


def stored_suffix(name: str) -> str:
    """The extension the stored copy keeps (readers look at it): only ones jixiao knows, else none."""
    suffix = Path(name).suffix.lower()
    return suffix if suffix in EXTENSION_FORMATS else ""


def check_declared(name: str, size: Optional[int], settings: ServeSettings) -> Optional[Refusal]:
    """Before the bytes arrive: the declared size and the name's extension."""
    if size is not None and size > settings.max_upload_bytes:
        return too_large(size, settings)
    suffix = Path(name).suffix.lower()
    if suffix and suffix not in EXTENSION_FORMATS:
        return Refusal("unknown_type", {"type": suffix})
    return None


def too_large(size: int, settings: ServeSettings) -> Refusal:
    return Refusal("too_large", {"size": size_text(size), "mb": f"{settings.max_upload_mb:g}"})


def size_text(size: int) -> str:
    """``5.3 KB``, ``120.4 MB`` (as the page's script writes it too)."""
    return f"{size / 1024:.1f} KB" if size < 1024 * 1024 else f"{size / 1024 / 1024:.1f} MB"


def inspect(path: Path, settings: ServeSettings) -> Optional[Refusal]:
    """After the upload: the type by content, then the bomb checks for zips and images."""
    if path.stat().st_size == 0:
        return Refusal("empty_file")
    fmt = sniff_format(path)
    if fmt not in READERS:
        return Refusal("unknown_type", {"type": fmt if fmt != "unknown" else (path.suffix or "?")})
    if fmt in ZIP_FORMATS:
        return _check_zip(path, settings)
    if fmt in IMAGE_FORMATS:
        return _check_image(path, settings)
    return None


def _check_zip(path: Path, settings: ServeSettings) -> Optional[Refusal]:
    try:
        with zipfile.ZipFile(path) as z:
            infos = z.infolist()
    except (zipfile.BadZipFile, OSError, ValueError):
        return None  # not a readable zip: the reader says so in its own words
    if len(infos) > settings.max_zip_entries:
        return Refusal("bomb_zip", {"what": f"{len(infos)} entries"})
    total = sum(i.file_size for i in infos)
    if total > settings.max_unpacked_mb * 1024 * 1024:
        return Refusal("bomb_zip", {"what": f"{total / 1024 / 1024:.0f} MB"})
    for i in infos:
        if i.file_size > 1024 * 1024 and i.file_size > settings.max_zip_ratio * max(i.compress_size, 1):
            return Refusal("bomb_zip", {"what": f"{i.file_size / 1024 / 1024:.0f} MB from "
                                                f"{i.compress_size / 1024:.0f} KB"})
    return None


def _check_image(path: Path, settings: ServeSettings) -> Optional[Refusal]:
    from PIL import Image

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", Image.DecompressionBombWarning)
            with Image.open(path) as im:  # reads the header only
                sizes = [im.size]
                for k in range(1, min(getattr(im, "n_frames", 1) or 1, 500)):
                    im.seek(k)
                    sizes.append(im.size)
    except Image.DecompressionBombError as e:
        numbers = re.findall(r"\d+", str(e))
        return Refusal("bomb_pixels", {"pixels": f"{int(numbers[0]):,}" if numbers else "?"})
    except Exception:
        return None  # damaged: the reader says so
    for width, height in sizes:
        if width * height > settings.max_image_pixels:
            return Refusal("bomb_image", {"width": width, "height": height})
    return None
