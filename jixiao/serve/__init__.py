"""``jixiao serve``: a local web page to convert forms without a terminal.

Drop one or many files on the page, see every form read back as the form (header, funding,
goals, indicator table) with its failed checks and warnings and the review report's page overlay,
and download the form-shaped workbook, the tidy tables (XLSX, CSV, Parquet) or the DuckDB file.
Modules: ``settings`` (limits as a dataclass), ``server`` (listening, loopback by default), ``app``
(the Starlette routes), ``store`` (temporary batches), ``guard`` (what an upload must pass),
``jobs`` (one upload through the supervised workers), ``isolate`` and ``render`` (page images in a
child process), ``downloads``, ``html`` and ``i18n`` (the page, in Chinese and English).

Needs the ``serve`` extra: ``pip install 'jixiao[serve]'`` (Starlette and uvicorn).
"""
from jixiao.serve.settings import ServeSettings

__all__ = ["ServeSettings"]
