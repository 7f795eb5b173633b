"""The batch runner: discovery, parallel execution (local processes or Dask), the result store and table assembly.

Modules, in the order a run uses them: ``discover`` (inputs → work items), ``run`` (``jixiao extract``),
``pool`` + ``worker`` (local supervised worker processes), ``dask_engine`` (Dask distributed), ``cache``
(one stored result per file, ``--resume``), ``assemble`` (stored results → the output tables),
``progress`` (progress bar and summary), ``local`` (the Python API's runner).
"""
from jixiao.batch.discover import Discovery, WorkItem, discover
from jixiao.batch.local import run_local

__all__ = ["Discovery", "WorkItem", "discover", "run_local"]
