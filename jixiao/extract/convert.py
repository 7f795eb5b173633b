"""The conversion step: legacy office files (DOC, WPS, RTF, ODT, ET, ODS, odd XLS) → DOCX/XLSX via LibreOffice.

Part of ``extract/``. Readers never convert: a reader that meets a file it cannot read itself (a DOC
the binary reader does not handle, an XLS xlrd cannot parse, an Excel 2003 XML page) raises
:class:`NeedsConversion`, and the dispatch (:func:`jixiao.extract.read_document`) converts the file
here and hands the result to the DOCX or XLSX reader; formats no reader reads natively (RTF, ODT,
ODS) go straight here. ``soffice --headless --convert-to docx|xlsx`` runs in a temporary folder.
Each process (and thread) uses its own LibreOffice profile (``-env:UserInstallation``) so parallel
conversions never collide; the profile is reused by later conversions in the same process (a fresh
profile costs seconds) and removed at exit. A conversion that runs past the timeout is killed with
its whole process group. A missing ``soffice`` is a ReadError for that file, never a crash.
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

from jixiao.extract.office_errors import is_ole
from jixiao.model import ReadError

DEFAULT_TIMEOUT = 120.0
# formats read only through a conversion, and what each is converted to
TARGETS = {"doc": "docx", "wps": "docx", "rtf": "docx", "odt": "docx", "et": "xlsx", "ods": "xlsx", "xls": "xlsx"}
# the extension the input copy gets, so LibreOffice picks the right import filter
INPUT_SUFFIX = {"doc": ".doc", "wps": ".doc", "rtf": ".rtf", "odt": ".odt", "et": ".xls", "ods": ".ods",
                "xls": ".xls"}
NAMES = {"doc": "Word (.doc) file", "wps": "WPS file", "rtf": "RTF file", "odt": "OpenDocument text file",
         "et": "ET file", "ods": "OpenDocument spreadsheet", "xls": "XLS file"}
# where soffice is looked for: names on PATH, then the usual install folders
SOFFICE_CANDIDATES = ("soffice", "libreoffice", "soffice.bin", "/usr/lib/libreoffice/program/soffice",
                      "/opt/libreoffice/program/soffice", "/Applications/LibreOffice.app/Contents/MacOS/soffice")


class NeedsConversion(Exception):
    """Raised by a reader for a file it cannot read itself but LibreOffice can turn into ``target``.

    ``method`` names the source format when the reader knows it better than the dispatch (an Excel
    2003 XML page met by the HTML reader is an ``xls``); ``failure`` replaces the conversion's own
    error message when the conversion fails (a broken binary is "damaged", not "not converted").
    """

    def __init__(self, target: str, method: Optional[str] = None, failure: Optional[str] = None):
        super().__init__(f"needs conversion to {target}")
        self.target = target
        self.method = method
        self.failure = failure


_profiles: dict[tuple[int, int], Path] = {}
_profiles_lock = threading.Lock()


def find_soffice() -> Optional[str]:
    for candidate in SOFFICE_CANDIDATES:
        found = shutil.which(candidate)
        if found:
            return found
    return None


def convert_file(path: Path, workdir: Path, target: str, method: str, timeout: Optional[float] = None) -> Path:
    """Convert ``path`` (a ``method`` file: doc, rtf, xls …) to ``target`` (docx|xlsx) inside ``workdir``."""
    suffix = path.suffix.lower() if path.suffix.lower() in (".xml", ".csv") else INPUT_SUFFIX.get(method, path.suffix or ".bin")
    return convert(path, workdir, target, suffix=suffix, timeout=timeout or DEFAULT_TIMEOUT,
                   name=NAMES.get(method, f"{method.upper()} file"))


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
