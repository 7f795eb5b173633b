"""Readers: one per source format, each turning a file into a :class:`jixiao.model.Document`.

This is the only layer that knows file formats. :func:`read_document` sniffs the real type of a
file from its bytes (an extension can lie) and hands it to the reader registered for it.
Each reader module exposes ``read(path: Path, options: ReadOptions) -> Document`` and raises
:class:`jixiao.model.ReadError` with a one-sentence message for a file it cannot read.
"""
from __future__ import annotations

import importlib
import sys
import types
from dataclasses import dataclass
from pathlib import Path
from typing import Optional

from jixiao.extract.sniff import sniff_format
from jixiao.model import Document, ReadError

# format -> module under jixiao.extract providing read(path, options)
READERS = {
    "txt": "text",
    "pdf": "pdf",
    "docx": "docx",
    "doc": "legacy",
    "wps": "legacy",
    "rtf": "legacy",
    "odt": "legacy",
    "xlsx": "xlsx",
    "xls": "xls",
    "et": "legacy",
    "ods": "legacy",
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
    module_name = READERS.get(fmt)
    if module_name is None:
        raise ReadError(f"unsupported file type '{fmt}': jixiao reads PDF, DOCX/DOC/WPS, XLSX/XLS/ET, HTML, text and images")
    try:
        module = importlib.import_module(f"jixiao.extract.{module_name}")
    except ModuleNotFoundError as e:
        if e.name and e.name.startswith("jixiao.extract"):
            raise ReadError(f"reading {fmt.upper()} files is not supported yet in this version of jixiao") from None
        raise ReadError(f"reading {fmt.upper()} needs the Python package '{e.name}', which is not installed") from None
    return module.read(path, options)


class _ExtractModule(types.ModuleType):
    """``jixiao.extract`` is both this package and the API call ``jixiao.extract(paths)``.

    Importing the subpackage sets the attribute ``jixiao.extract`` to the module, hiding the
    function of the same name; making the module callable keeps ``jixiao.extract([...])`` working
    whatever was imported first.
    """

    def __call__(self, paths, **options):
        from jixiao.dataset import extract as extract_dataset

        return extract_dataset(paths, **options)


sys.modules[__name__].__class__ = _ExtractModule
