"""jixiao (绩效): Chinese government budget-performance forms from any document into one tidy dataset.

Pipeline, one way only: file → ``extract/`` (grid model) → ``parsers/`` (forms) →
``normalize/`` (typed targets) → ``dataset/`` (DataFrames, Parquet/CSV/DuckDB/XLSX).

    >>> import jixiao
    >>> ds = jixiao.extract(["form.docx"])
    >>> ds.indicators.head()
"""
__version__ = "0.1.0"


def extract(paths, **options):
    """Extract every form from files or folders; returns a :class:`jixiao.dataset.Dataset`."""
    from jixiao.dataset import extract as _extract

    return _extract(paths, **options)


__all__ = ["extract", "__version__"]
