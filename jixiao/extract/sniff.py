"""File type by content: magic bytes first, the extension only where the bytes cannot tell.

Part of ``extract/``: decides which reader gets a file. Returns a short format name
(``pdf``, ``docx``, ``xlsx``, ``doc``, ``xls``, ``html``, ``txt``, ``png`` …) that is also what
the ``documents.format`` column reports.
"""
from __future__ import annotations

import io
import zipfile
from pathlib import Path
from typing import Optional

import olefile

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"

MAGIC_FORMATS = {"pdf", "docx", "xlsx", "doc", "xls", "wps", "et", "png", "jpg", "tiff", "bmp", "odt", "ods"}

EXTENSION_FORMATS = {
    ".pdf": "pdf", ".docx": "docx", ".docm": "docx", ".doc": "doc", ".wps": "wps", ".rtf": "rtf",
    ".odt": "odt", ".xlsx": "xlsx", ".xlsm": "xlsx", ".xls": "xls", ".et": "et", ".ods": "ods",
    ".html": "html", ".htm": "html", ".mht": "html", ".txt": "txt", ".text": "txt", ".csv": "txt",
    ".tsv": "txt", ".md": "txt", ".png": "png", ".jpg": "jpg", ".jpeg": "jpg", ".tif": "tiff",
    ".tiff": "tiff", ".bmp": "bmp",
}


def sniff_format(path: Path) -> str:
    ext_fmt = EXTENSION_FORMATS.get(path.suffix.lower(), path.suffix.lower().lstrip(".") or "unknown")
    try:
        with open(path, "rb") as f:
            head = f.read(4096)
    except OSError:
        return ext_fmt
    if not head:
        return ext_fmt
    if head.startswith(b"%PDF") or b"%PDF-" in head[:1024]:
        return "pdf"
    if head.startswith(b"\x89PNG"):
        return "png"
    if head.startswith(b"\xff\xd8\xff"):
        return "jpg"
    if head[:4] in (b"II*\x00", b"MM\x00*"):
        return "tiff"
    if head.startswith(b"BM") and ext_fmt == "bmp":
        return "bmp"
    if head.startswith(b"{\\rtf"):
        return "rtf"
    if head.startswith(OLE_MAGIC):
        return _ole_kind(path, ext_fmt)
    if head.startswith(b"PK\x03\x04"):
        return _zip_kind(path, ext_fmt)
    lowered = head.lower()
    if b"urn:schemas-microsoft-com:office:spreadsheet" in lowered:
        return "xls"  # Excel 2003 XML (SpreadsheetML) saved as .xls
    if b"<html" in lowered or b"<table" in lowered or b"<!doctype html" in lowered:
        # Word/Excel "save as web page" files keep a .doc/.xls name; the dispatch routes them
        return ext_fmt if ext_fmt in ("doc", "xls", "wps", "et") else "html"
    if looks_like_text(head):
        return "txt"
    if ext_fmt in MAGIC_FORMATS:
        return "unknown"  # the name promises a format whose signature the bytes do not have
    return ext_fmt


def looks_like_text(head: bytes) -> bool:
    """No NUL bytes and decodes as UTF-8 or GB18030 (a multi-byte character cut at the end is fine)."""
    if b"\x00" in head and not head.startswith((b"\xff\xfe", b"\xfe\xff")):
        return False
    for enc in ("utf-8", "gb18030"):
        try:
            head.decode(enc)
            return True
        except UnicodeDecodeError as e:
            if e.start >= len(head) - 4:
                return True
    return False


def extension_format(path: Path):
    """The format the file's name promises (None for names jixiao does not know)."""
    return EXTENSION_FORMATS.get(path.suffix.lower())


def ole_kind(path: Path) -> Optional[str]:
    """What an OLE compound file (the container of DOC/XLS/WPS/ET files) holds, by its stream names:
    'doc', 'xls', 'encrypted' (an encrypted DOCX/XLSX), 'ppt', or None when it is not a readable
    compound file (damaged, truncated)."""
    try:
        with open(path, "rb") as f:
            data = f.read()
        with olefile.OleFileIO(io.BytesIO(data)) as ole:
            names = {entry[-1].lower() for entry in ole.listdir(streams=True, storages=False)}
    except Exception:  # OSError, olefile's OleFileError, and whatever a damaged container raises
        return None
    if "encryptedpackage" in names:
        return "encrypted"
    if "worddocument" in names:
        return "doc"
    if "workbook" in names or "book" in names:
        return "xls"
    if "powerpoint document" in names:
        return "ppt"
    return None


def looks_like_web_page(path: Path) -> bool:
    """A web page (or Word's single-file .mht) whatever its name: Word/Excel "save as web page" files."""
    with open(path, "rb") as f:
        head = f.read(4096).lower()
    return b"mime-version:" in head or b"<html" in head or b"<!doctype html" in head


def _ole_kind(path: Path, ext_fmt: str) -> str:
    """Word vs Excel binaries by the container's stream names (WPS/ET keep their own names)."""
    kind = ole_kind(path)
    if kind == "doc":
        return "wps" if ext_fmt == "wps" else "doc"
    if kind == "xls":
        return "et" if ext_fmt == "et" else "xls"
    if kind == "encrypted":
        return ext_fmt if ext_fmt in ("docx", "xlsx") else "docx"
    return ext_fmt if ext_fmt in ("doc", "wps", "xls", "et") else "doc"


def _zip_kind(path: Path, ext_fmt: str) -> str:
    try:
        with zipfile.ZipFile(path) as z:
            names = set(z.namelist())
    except (zipfile.BadZipFile, OSError):
        return ext_fmt
    if "word/document.xml" in names:
        return "docx"
    if "xl/workbook.xml" in names:
        return "xlsx"
    if "content.xml" in names:
        return "ods" if ext_fmt == "ods" else "odt"
    return ext_fmt
