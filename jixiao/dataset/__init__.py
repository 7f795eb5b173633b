"""The dataset layer: forms → DataFrames → Parquet/CSV/DuckDB/XLSX, and the Python API entry point."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable, Union

from jixiao.dataset.frames import Dataset
from jixiao.dataset.writers import write_dataset

PathLike = Union[str, Path]


def extract(paths: Union[PathLike, Iterable[PathLike]], *, ocr: str = "auto", workers: int = 1,
            pdf_engine: str = "native") -> Dataset:
    """Extract every form from the given files and folders (folders are walked recursively)."""
    from jixiao.batch import discover, run_local
    from jixiao.extract import ReadOptions

    if isinstance(paths, (str, Path)):
        paths = [paths]
    items = discover([Path(p) for p in paths]).items
    results = run_local(items, ReadOptions(ocr=ocr, pdf_engine=pdf_engine), workers=workers)
    return Dataset.from_results(results)


__all__ = ["Dataset", "extract", "write_dataset"]
