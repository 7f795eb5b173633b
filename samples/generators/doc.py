"""Sample DOC (Word 97-2003) file for the legacy reader's tests.

Part of ``samples/`` (not of the pipeline). ``doc_department_target.doc`` is
``docx_department_target.docx`` (see :mod:`samples.generators.docx`: vertical/horizontal merges,
split indicator table with a repeated header row) saved by LibreOffice as Word 97-2003;
``doc_projects.doc`` is ``docx_projects.docx`` (title in a text box, a one-cell frame table around
a form, a table nested in a cell) saved the same way.

Run ``python -m samples.generators.doc`` (needs LibreOffice) to regenerate; outputs are committed.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from samples.generators import docx as docx_samples  # noqa: E402
from samples.generators import forms  # noqa: E402
from samples.generators.xls import soffice_convert  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1]
DOC_DIR = SAMPLES / "doc"


def build() -> list[Path]:
    DOC_DIR.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="jixiao-doc-samples-") as tmp:
        src = Path(tmp) / "doc_department_target.docx"
        docx_samples.department_target_docx(src)
        out = soffice_convert(src, "doc:MS Word 97", DOC_DIR)
        src2 = Path(tmp) / "doc_projects.docx"
        docx_samples.projects_docx(src2)
        out2 = soffice_convert(src2, "doc:MS Word 97", DOC_DIR)
    docx_samples.write_expected(out.name, "doc", [forms.DEPARTMENT_TARGET])
    docx_samples.write_expected(out2.name, "doc", [forms.PROJECT_TARGET, forms.PROJECT_SELF_EVAL])
    return [out, out2]


if __name__ == "__main__":
    for path in build():
        print(path)
