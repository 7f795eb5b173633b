"""XLSX reader: each visible worksheet → one Table (file → grid).

Part of ``extract/``. openpyxl (not read-only, so merged ranges are known; ``data_only`` for the
formulas' cached values). Each sheet's used range becomes ONE :class:`Table` — merged ranges as
spans, empty edge rows/columns trimmed — and the parsers find titles and several forms inside the
grid. Numbers are shown as displayed (:mod:`office_numfmt`: ``97.38%``, ``3,150.58``, ``56.60``).
A formula without a cached value that is really text someone typed after '=' (``=15辆``) is shown as
typed; a real formula without a cached value stays empty with a warning. Hidden sheets are skipped
with a warning (they usually hold lookup lists or stale copies). ET/ODS files and XLS files xlrd
cannot parse are converted to XLSX by the dispatch (:mod:`convert`) and read here too.
"""
from __future__ import annotations

import re
import warnings
import zipfile
from pathlib import Path

from jixiao.extract.office_errors import open_ooxml_zip
from jixiao.extract.office_grid import PlacedCell, build_table
from jixiao.extract.office_numfmt import format_value
from jixiao.model import Document, ReadError

# what makes '=…' a real formula rather than text typed after '=': a function call or a cell reference
_REAL_FORMULA = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*\(|\$?[A-Za-z]{1,3}\$?\d+|!")


def read(path: Path, options=None) -> Document:
    return read_xlsx_file(path, method="xlsx")


def read_xlsx_file(path: Path, method: str = "xlsx") -> Document:
    import openpyxl

    with open_ooxml_zip(path, "XLSX", "xl/workbook.xml") as z:
        has_formulas = _has_formulas(z)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            wb = openpyxl.load_workbook(path, data_only=True, read_only=False)
            wb_formulas = openpyxl.load_workbook(path, data_only=False, read_only=False) if has_formulas else None
    except ReadError:
        raise
    except (zipfile.BadZipFile, EOFError, KeyError, OSError):
        raise ReadError("the XLSX file is damaged or truncated and cannot be opened") from None
    except Exception as e:
        raise ReadError(f"the XLSX file is damaged and cannot be opened ({type(e).__name__})") from None
    doc = Document(method=method)
    date1904 = bool(getattr(wb, "epoch", None) and wb.epoch.year == 1904)
    for ws in wb.worksheets:
        if ws.sheet_state != "visible":
            doc.warnings.append(f"hidden sheet '{ws.title}' skipped")
            continue
        formulas = wb_formulas[ws.title] if wb_formulas is not None else None
        table = _sheet_table(ws, formulas, date1904, doc.warnings)
        if table is not None:
            doc.blocks.append(table)
    return doc


def _has_formulas(z: zipfile.ZipFile) -> bool:
    for name in z.namelist():
        if name.startswith("xl/worksheets/") and name.endswith(".xml"):
            try:
                with z.open(name) as f:
                    while chunk := f.read(1 << 20):
                        if b"<f>" in chunk or b"<f " in chunk or b":f>" in chunk or b":f " in chunk:
                            return True
            except Exception:
                return False
    return False


def _sheet_cells(ws):
    cells = getattr(ws, "_cells", None)
    if cells is not None:
        return cells.items()
    return (((c.row, c.column), c) for row in ws.iter_rows() for c in row)


def _sheet_table(ws, formulas, date1904: bool, warnings_out: list[str]):
    merged = {}
    covered = set()
    for rng in ws.merged_cells.ranges:
        merged[(rng.min_row, rng.min_col)] = (rng.max_row - rng.min_row + 1, rng.max_col - rng.min_col + 1)
        for r in range(rng.min_row, rng.max_row + 1):
            for c in range(rng.min_col, rng.max_col + 1):
                if (r, c) != (rng.min_row, rng.min_col):
                    covered.add((r, c))
    placed: list[PlacedCell] = []
    missing_formulas = 0
    for (r, c), cell in _sheet_cells(ws):
        if (r, c) in covered:
            continue
        value = cell.value
        if value is None and formulas is not None:
            f = formulas._cells.get((r, c)) if hasattr(formulas, "_cells") else formulas.cell(r, c)
            fv = getattr(f, "value", None)
            if isinstance(fv, str) and fv.startswith("="):
                if _REAL_FORMULA.search(fv[1:]):
                    missing_formulas += 1
                else:
                    value = fv
        text = format_value(value, cell.number_format, date1904).replace("\r\n", "\n").replace("\r", "\n")
        rowspan, colspan = merged.get((r, c), (1, 1))
        if not text.strip() and (r, c) not in merged:
            continue
        placed.append(PlacedCell(text=text.strip(), row=r - 1, col=c - 1, rowspan=rowspan, colspan=colspan))
    if missing_formulas:
        warnings_out.append(f"sheet '{ws.title}': {missing_formulas} formula cell(s) have no saved value "
                            "(open and save the file in Excel to store them)")
    return build_table(placed)
