"""Recognising office files that cannot be read, to fail them with one clear sentence.

Part of ``extract/``: the DOCX/XLSX/XLS readers and the conversion step call these before (or after) their library fails,
so a user sees "password-protected" or "not a valid DOCX" instead of a library's exception text.
"""
from __future__ import annotations

import zipfile
from pathlib import Path

from jixiao.model import ReadError

OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
_ENCRYPTED_STREAM = "EncryptedPackage".encode("utf-16-le")


def is_ole(path: Path) -> bool:
    with open(path, "rb") as f:
        return f.read(8) == OLE_MAGIC


def is_encrypted_ooxml(path: Path) -> bool:
    """An encrypted DOCX/XLSX is an OLE container holding an ``EncryptedPackage`` stream."""
    if not is_ole(path):
        return False
    with open(path, "rb") as f:
        data = f.read(4_000_000)
    return _ENCRYPTED_STREAM in data


def encrypted_message(path: Path) -> str:
    kind = path.suffix.lstrip(".").upper() or "Office"
    return f"the {kind} file is password-protected (encrypted); save an unprotected copy to read it"


def open_ooxml_zip(path: Path, kind: str, main_part: str) -> zipfile.ZipFile:
    """Open a DOCX/XLSX package or raise ReadError saying in one sentence what is wrong with it."""
    if is_encrypted_ooxml(path):
        raise ReadError(encrypted_message(path))
    try:
        z = zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        if is_ole(path):
            raise ReadError(f"the file is an old binary Office document, not a {kind} (zip) file; "
                            "rename it to its real extension (.doc/.xls)") from None
        raise ReadError(f"the file is not a valid {kind} file (it is not a zip archive; it may be damaged or "
                        "truncated)") from None
    except OSError as e:
        raise ReadError(f"the {kind} file could not be opened ({e.strerror or e})") from None
    if main_part not in z.namelist():
        z.close()
        raise ReadError(f"the file is a zip archive but not a {kind} document (no {main_part} inside)")
    return z


def read_zip_part(z: zipfile.ZipFile, name: str, kind: str) -> bytes:
    try:
        return z.read(name)
    except (zipfile.BadZipFile, EOFError, OSError, ValueError):
        raise ReadError(f"the {kind} file is damaged or truncated ({name} cannot be read)") from None
    except Exception as e:  # zlib.error and friends
        raise ReadError(f"the {kind} file is damaged or truncated ({name} cannot be read: {type(e).__name__})") from None
