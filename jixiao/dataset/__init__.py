"""The dataset layer: forms → row dicts (``rows``) → DataFrames (``frames``, the :class:`Dataset`) →
Parquet/CSV/DuckDB/XLSX (``writers``), with the contract's columns and dtypes (``schema``).

It knows nothing of files or batches: :func:`jixiao.read_forms` (the Python API) and the batch
runner call into it.
"""
from __future__ import annotations

from jixiao.dataset.frames import Dataset
from jixiao.dataset.writers import write_dataset

__all__ = ["Dataset", "write_dataset"]
