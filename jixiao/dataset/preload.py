"""Builds the dataset layer's lookup tables at import: the division index of ``normalize.places``
and the Traditional → Simplified converter.

Imported by the batch runner's forkserver (``jixiao.batch.pool.PRELOAD``), so the tables are
built once and every worker forked from it shares them copy-on-write, instead of each worker
paying for them on its first file (where the time would count against ``--timeout``).
"""
from jixiao.normalize.folding import fold_text
from jixiao.normalize.places import index

index()
fold_text("預熱")
