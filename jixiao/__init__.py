"""jixiao (绩效): Chinese government budget-performance forms from any document into one tidy dataset.

Pipeline, one way only: file → ``extract/`` (grid model) → ``parsers/`` (forms) →
``normalize/`` (typed targets) → ``dataset/`` (DataFrames, Parquet/CSV/DuckDB/XLSX), run over many
files by ``batch/``. The Python API is one function:

    >>> import jixiao
    >>> ds = jixiao.read_forms(["form.docx", "submissions/"])
    >>> ds.indicators.head()
"""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Iterable, Optional, Union

from jixiao.version import __version__

if TYPE_CHECKING:
    from jixiao.dataset.frames import Dataset

PathLike = Union[str, Path]


def read_forms(paths: Union[PathLike, Iterable[PathLike]], *, ocr: str = "auto", workers: int = 1,
               pdf_engine: str = "native", timeout: Optional[float] = None) -> Dataset:
    """Read every performance form in the given files and folders into one :class:`Dataset`.

    Args:
        paths: a file or folder, or several; folders are walked recursively (hidden and temporary
            files skipped). Each file's ``source`` is its path relative to the folder it was found
            under (a file given directly: its name).
        ocr: ``"auto"`` (OCR pages without a usable text layer), ``"always"`` or ``"never"``.
        workers: parallel worker processes; 1 reads in this process. Results are the same for any N.
        pdf_engine: ``"native"`` or ``"camelot"`` (needs the ``camelot`` extra).
        timeout: seconds allowed per file (a file over it becomes a ``failed`` document row).

    Returns:
        The tables ``forms``, ``indicators``, ``budget``, ``goals``, ``documents``, ``checks`` and
        ``cells`` as pandas DataFrames with the contract's columns and dtypes. A file that cannot be
        read is a ``documents`` row with status ``failed`` and a one-sentence ``error``; it never raises.

    Raises:
        FileNotFoundError: a path that does not exist.
    """
    from jixiao.batch.discover import discover
    from jixiao.batch.local import run_local
    from jixiao.dataset.frames import Dataset
    from jixiao.extract import ReadOptions

    if isinstance(paths, (str, Path)):
        paths = [paths]
    found = discover([Path(p) for p in paths])
    if found.missing:
        raise FileNotFoundError(f"no such file or folder: {', '.join(map(str, found.missing))}")
    results = run_local(found.items, ReadOptions(ocr=ocr, pdf_engine=pdf_engine), workers=workers, timeout=timeout)
    return Dataset.from_results(results)


__all__ = ["read_forms", "__version__"]
