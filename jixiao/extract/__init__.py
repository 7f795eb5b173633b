"""Readers: one per source format, each turning a file into a :class:`jixiao.model.Document`.

This is the only layer that knows file formats. :func:`read_document` sniffs the real type of a
file from its bytes (an extension can lie), routes it to the reader registered for it and, when a
file can only be read through LibreOffice (RTF, ODT, ODS, a DOC the binary reader does not handle,
an XLS xlrd cannot parse), converts it first (:mod:`convert`) and hands the converted file to the
DOCX or XLSX reader. Readers never call each other nor the converter: one that meets a file it
cannot read raises :class:`convert.NeedsConversion` and the dispatch here does the rest.
Each reader module exposes ``read(path: Path, options: ReadOptions) -> Document`` and raises
:class:`jixiao.model.ReadError` with a one-sentence message for a file it cannot read.
"""
from __future__ import annotations

import importlib
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from jixiao.extract.convert import TARGETS, NeedsConversion, convert_file
from jixiao.extract.office_errors import encrypted_message, is_encrypted_ooxml, is_ole
from jixiao.extract.sniff import looks_like_web_page, ole_kind, sniff_format
from jixiao.model import Document, ReadError

# format -> module under jixiao.extract providing read(path, options); formats missing here
# (rtf, odt, ods …) are read by converting them (convert.TARGETS)
READERS = {
    "txt": "text",
    "pdf": "pdf",
    "docx": "docx",
    "doc": "office_doc",
    "wps": "office_doc",
    "xlsx": "xlsx",
    "xls": "xls",
    "html": "html",
    "png": "image",
    "jpg": "image",
    "tiff": "image",
    "bmp": "image",
}


@dataclass(frozen=True)
class ReadOptions:
    ocr: str = "auto"  # auto | always | never
    pdf_engine: str = "native"  # native | camelot
    password: Optional[str] = None
    timeout: Optional[float] = None  # seconds, for external converters


def read_document(path: Path, options: ReadOptions = ReadOptions(), fmt: Optional[str] = None) -> Document:
    """Read any supported file into the intermediate model (raises ReadError)."""
    fmt = fmt or sniff_format(path)
    if fmt == "unknown":
        named = path.suffix.lstrip(".").upper() or "extension-less"
        raise ReadError(f"the file's bytes are not a {named} file nor any other format jixiao reads "
                        "(damaged, or not a document)")
    reader, method = route(path, fmt)
    if reader is None and fmt not in TARGETS:
        raise ReadError(f"unsupported file type '{fmt}': jixiao reads PDF, DOCX/DOC/WPS, XLSX/XLS/ET, HTML, text and images")
    try:
        if reader is None:
            raise NeedsConversion(TARGETS[fmt])
        doc = _reader(reader, fmt).read(path, options)
    except NeedsConversion as need:
        doc = read_converted(path, options, need.target, method or need.method or fmt, failure=need.failure)
    if method is not None:
        doc.method = method
    return doc


def route(path: Path, fmt: str) -> tuple[Optional[str], Optional[str]]:
    """Which reader gets a file of sniffed format ``fmt`` (None: convert it), and the ``method`` its
    Document reports when that differs from the reader's own (a WPS file read by the DOC reader)."""
    word_or_sheet = fmt in ("doc", "wps", "rtf", "odt", "et", "ods")
    if word_or_sheet and not is_ole(path) and looks_like_web_page(path):
        return "html", None  # Word's "web page" saves renamed .doc
    # sniff_format already told Word from Excel binaries by their streams (a Word binary with an
    # Excel name is "doc"); a Kingsoft ET holding an Excel workbook is read by the XLS reader
    if fmt == "et" and is_ole(path) and ole_kind(path) == "xls":
        return "xls", "et"
    if fmt in ("doc", "wps"):
        return "office_doc", fmt
    if word_or_sheet:
        return None, fmt
    return READERS.get(fmt), None


def read_converted(path: Path, options: ReadOptions, target: str, method: str,
                   failure: Optional[str] = None) -> Document:
    """Convert ``path`` to ``target`` (docx|xlsx) with LibreOffice and read the result with that
    format's reader; the Document's method names the source format (``doc``, ``rtf``, ``xls`` …)."""
    if is_encrypted_ooxml(path):
        raise ReadError(encrypted_message(path))
    try:
        with tempfile.TemporaryDirectory(prefix="jixiao-convert-") as tmp:
            converted = convert_file(path, Path(tmp), target, method, timeout=options.timeout)
            doc = _reader(READERS[target], target).read(converted, options)
    except ReadError:
        if failure:
            raise ReadError(failure) from None
        raise
    doc.method = method
    return doc


def _reader(name: str, fmt: str):
    """The reader module ``jixiao.extract.<name>`` (imported on first use: a PDF run never loads openpyxl)."""
    try:
        return importlib.import_module(f"jixiao.extract.{name}")
    except ModuleNotFoundError as e:
        if e.name and e.name.startswith("jixiao.extract"):
            raise ReadError(f"reading {fmt.upper()} files is not supported yet in this version of jixiao") from None
        raise ReadError(f"reading {fmt.upper()} needs the Python package '{e.name}', which is not installed") from None
