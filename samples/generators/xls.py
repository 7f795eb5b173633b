"""Sample XLS (Excel 97-2003) workbook for the XLS reader's tests.

Part of ``samples/`` (not of the pipeline). ``xls_forms.xls`` is ``xlsx_forms.xlsx`` (see
:mod:`samples.generators.xlsx`) saved by LibreOffice as Excel 97-2003, so it holds the same merged
ranges, number formats and sheets (LibreOffice also stores the formula's value).

Run ``python -m samples.generators.xls`` (needs LibreOffice) to regenerate; outputs are committed.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from samples.generators import forms  # noqa: E402
from samples.generators import xlsx as xlsx_samples  # noqa: E402
from samples.generators.docx import write_expected  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1]
XLS_DIR = SAMPLES / "xls"


def soffice_convert(source: Path, target_filter: str, outdir: Path) -> Path:
    """Convert with LibreOffice headless in a private profile; returns the converted file."""
    profile = Path(tempfile.mkdtemp(prefix="jixiao-samples-lo-"))
    try:
        subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to",
                        target_filter, "--outdir", str(outdir), str(source)], check=True, capture_output=True,
                       timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    ext = target_filter.split(":")[0]
    return outdir / f"{source.stem}.{ext}"


def build() -> list[Path]:
    XLS_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="jixiao-xls-samples-") as tmp:
        src = Path(tmp) / "xls_forms.xlsx"
        xlsx_samples.forms_workbook(src)
        out = soffice_convert(src, "xls:MS Excel 97", XLS_DIR)
    write_expected(out.name, "xls", [forms.DEPARTMENT_SELF_EVAL, forms.PROJECT_SELF_EVAL, forms.DEPARTMENT_TARGET])
    return [out]


if __name__ == "__main__":
    for path in build():
        print(path)
