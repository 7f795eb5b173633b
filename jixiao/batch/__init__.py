"""The batch runner: discovery, parallel execution (local processes or Dask), the result store and table assembly.

Modules, in the order a run uses them: ``discover`` (inputs → work items), ``run`` (``jixiao extract``),
``pool`` + ``worker`` (local supervised worker processes), ``dask_engine`` (Dask distributed), ``cache``
(one stored result per file, ``--resume``), ``assemble`` (stored results → the output tables),
``progress`` (progress bar and summary), ``local`` (the Python API's runner).
"""
from jixiao.batch.discover import Discovery, WorkItem
from jixiao.batch.local import run_local

# the function discover() is not re-exported here: the name is the submodule jixiao.batch.discover
__all__ = ["Discovery", "WorkItem", "run_local"]
