"""The batch runner: discovery, parallel execution (local processes or Dask) and writing the tables."""
from jixiao.batch.discover import Discovery, WorkItem, discover
from jixiao.batch.local import run_local

__all__ = ["Discovery", "WorkItem", "discover", "run_local"]
