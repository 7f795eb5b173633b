"""Legacy and other office formats (DOC, WPS, RTF, ODT, ET, ODS) via LibreOffice (file → grid).

Part of ``extract/``. Word 97-2003 binaries (DOC, and WPS files in that format) are read directly by
:mod:`office_doc` (fast, and it keeps tables LibreOffice sometimes flattens); other files, and DOC
files that reader does not handle, are converted with ``soffice --headless --convert-to docx|xlsx`` in a
temporary folder, then read by the DOCX or XLSX reader; ``Document.method`` names the source format
(``doc``, ``wps``, ``xls`` …). Each process (and thread) uses its own LibreOffice profile
(``-env:UserInstallation``) so parallel conversions never collide; the profile is reused by later
conversions in the same process (a fresh profile costs seconds) and removed at exit. A conversion
that runs past the timeout is killed with its whole process group. A missing ``soffice`` is a
ReadError for that file, never a crash.
"""
from __future__ import annotations

import atexit
import os
import shutil
import signal
import subprocess
import tempfile
import threading
from pathlib import Path
from typing import Optional

from jixiao.extract.office_errors import encrypted_message, is_encrypted_ooxml, is_ole
from jixiao.model import Document, ReadError

DEFAULT_TIMEOUT = 120.0
WORD_FAMILY = {"doc", "wps", "rtf", "odt"}
SHEET_FAMILY = {"et", "ods", "xls"}
# the extension the input copy gets, so LibreOffice picks the right import filter
INPUT_SUFFIX = {"doc": ".doc", "wps": ".doc", "rtf": ".rtf", "odt": ".odt", "et": ".xls", "ods": ".ods",
                "xls": ".xls"}
NAMES = {"doc": "Word (.doc) file", "wps": "WPS file", "rtf": "RTF file", "odt": "OpenDocument text file",
         "et": "ET file", "ods": "OpenDocument spreadsheet", "xls": "XLS file"}

_profiles: dict[tuple[int, int], Path] = {}
_profiles_lock = threading.Lock()


def read(path: Path, options=None) -> Document:
    from jixiao.extract.sniff import sniff_format

    fmt = sniff_format(path)
    if not is_ole(path) and _looks_like_web_page(path):  # Word's "web page" saves renamed .doc/.xls
        from jixiao.extract import html

        return html.read(path, options)
    if fmt not in WORD_FAMILY | SHEET_FAMILY:
        fmt = path.suffix.lower().lstrip(".")
    if fmt in ("doc", "wps", "xls", "et") and is_ole(path):
        from jixiao.extract.office_cfb import ole_kind

        kind = ole_kind(path)
        if kind == "xls":  # Excel 97-2003 (also Kingsoft ET, or an Excel file with a Word name)
            from jixiao.extract import xls

            doc = xls.read(path, options)
            if fmt == "et":
                doc.method = "et"
            return doc
        if kind == "doc" and fmt in ("xls", "et"):
            fmt = "doc"
    if fmt in ("doc", "wps"):
        return convert_or_parse_doc(path, options, method=fmt)
    family = "sheet" if fmt in SHEET_FAMILY else "word"
    return convert_and_read(path, options, family=family, method=fmt if fmt in WORD_FAMILY | SHEET_FAMILY else family)


def _looks_like_web_page(path: Path) -> bool:
    with open(path, "rb") as f:
        head = f.read(4096).lower()
    return b"mime-version:" in head or b"<html" in head or b"<!doctype html" in head


def convert_or_parse_doc(path: Path, options, method: str = "doc") -> Document:
    """A Word 97-2003 binary read directly; anything that reader does not handle via LibreOffice."""
    if is_ole(path):
        from jixiao.extract.office_cfb import ole_kind
        from jixiao.extract.office_doc import DocUnsupported, read_doc_bytes

        try:
            return read_doc_bytes(path.read_bytes(), method=method)
        except DocUnsupported:
            if ole_kind(path) is None:  # a broken container: LibreOffice would only read it as text
                raise ReadError(f"the {NAMES.get(method, 'file')} is damaged or truncated and cannot be read") from None
            # Word 6/95 and the like: LibreOffice may still read it
    return convert_and_read(path, options, family="word", method=method)


def find_soffice() -> Optional[str]:
    for name in ("soffice", "libreoffice", "soffice.bin"):
        found = shutil.which(name)
        if found:
            return found
    for candidate in ("/usr/lib/libreoffice/program/soffice", "/opt/libreoffice/program/soffice",
                      "/Applications/LibreOffice.app/Contents/MacOS/soffice"):
        if os.path.exists(candidate):
            return candidate
    return None


def convert_and_read(path: Path, options, family: str, method: str) -> Document:
    """Convert ``path`` to DOCX (family 'word') or XLSX (family 'sheet') and read the result."""
    from jixiao.extract.docx import read_docx_file
    from jixiao.extract.xlsx import read_xlsx_file

    name = NAMES.get(method, f"{method.upper()} file")
    if is_encrypted_ooxml(path):
        raise ReadError(encrypted_message(path))
    target = "xlsx" if family == "sheet" else "docx"
    timeout = getattr(options, "timeout", None) or DEFAULT_TIMEOUT
    with tempfile.TemporaryDirectory(prefix="jixiao-convert-") as tmp:
        suffix = path.suffix.lower() if path.suffix.lower() in (".xml", ".csv") else INPUT_SUFFIX.get(method, path.suffix or ".bin")
        out = convert(path, Path(tmp), target, suffix=suffix,
                      timeout=timeout, name=name)
        doc = read_xlsx_file(out, method=method) if target == "xlsx" else read_docx_file(out, method=method)
    return doc


def convert(path: Path, workdir: Path, target: str, suffix: str, timeout: float, name: str = "") -> Path:
    """Run LibreOffice to convert ``path`` into ``workdir``; returns the converted file."""
    soffice = find_soffice()
    if soffice is None:
        kind = (name or path.suffix.lstrip(".").upper() or "such").removesuffix(" file")
        raise ReadError(f"LibreOffice (soffice) is needed to read {kind} files and was not found; install LibreOffice")
    src = workdir / f"input{suffix}"
    try:
        shutil.copyfile(path, src)
    except OSError as e:
        raise ReadError(f"the file could not be copied for conversion ({e.strerror or e})") from None
    outdir = workdir / "out"
    outdir.mkdir()
    filters = {"docx": "docx:MS Word 2007 XML", "xlsx": "xlsx:Calc MS Excel 2007 XML"}
    cmd = [soffice, f"-env:UserInstallation={_profile_dir().as_uri()}", "--headless", "--invisible",
           "--nologo", "--norestore", "--nodefault", "--nolockcheck", "--convert-to", filters[target],
           "--outdir", str(outdir), str(src)]
    env = dict(os.environ, HOME=os.environ.get("HOME") or str(workdir), SAL_USE_VCLPLUGIN="svp")
    try:
        proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                                cwd=str(workdir), env=env, start_new_session=True)
    except OSError as e:
        raise ReadError(f"LibreOffice (soffice) could not be started ({e.strerror or e})") from None
    try:
        _, stderr = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        _kill_group(proc)
        _forget_profile()  # a killed LibreOffice may leave its profile locked
        raise ReadError(f"converting the {name or 'file'} with LibreOffice took longer than {timeout:g} s and was stopped") from None
    results = list(outdir.glob(f"*.{target}"))
    if proc.returncode != 0 or not results or results[0].stat().st_size == 0:
        if is_ole(path) and _looks_encrypted_ole(path):
            raise ReadError(f"the {name or 'file'} is password-protected; save an unprotected copy to read it")
        raise ReadError(f"LibreOffice could not convert the {name or 'file'} (it may be damaged, password-protected "
                        "or not really that format)")
    return results[0]


def _looks_encrypted_ole(path: Path) -> bool:
    data = path.read_bytes()[:4_000_000]
    return any(s.encode("utf-16-le") in data for s in ("EncryptionInfo", "EncryptedPackage")) or b"FILEPASS" in data


def _kill_group(proc: subprocess.Popen) -> None:
    try:
        os.killpg(proc.pid, signal.SIGKILL)
    except (ProcessLookupError, PermissionError, OSError):
        try:
            proc.kill()
        except OSError:
            pass
    try:
        proc.communicate(timeout=10)
    except (subprocess.TimeoutExpired, OSError, ValueError):
        pass


def _profile_dir() -> Path:
    key = (os.getpid(), threading.get_ident())
    with _profiles_lock:
        prof = _profiles.get(key)
        if prof is None or not prof.exists():
            prof = Path(tempfile.mkdtemp(prefix=f"jixiao-lo-profile-{os.getpid()}-"))
            _profiles[key] = prof
        return prof


def _forget_profile() -> None:
    key = (os.getpid(), threading.get_ident())
    with _profiles_lock:
        prof = _profiles.pop(key, None)
    if prof is not None:
        shutil.rmtree(prof, ignore_errors=True)


@atexit.register
def _cleanup_profiles() -> None:
    with _profiles_lock:
        mine = [p for (pid, _), p in _profiles.items() if pid == os.getpid()]
        for key in [k for k in _profiles if k[0] == os.getpid()]:
            _profiles.pop(key, None)
    for prof in mine:
        shutil.rmtree(prof, ignore_errors=True)
