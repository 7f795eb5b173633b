"""XLSX reader: each visible worksheet → one Table (file → grid).

Part of ``extract/``. Each sheet's used range becomes ONE :class:`Table` — merged ranges as spans,
empty edge rows/columns trimmed — and the parsers find titles and several forms inside the grid.
Numbers are shown as displayed (:mod:`office_numfmt`: ``97.38%``, ``3,150.58``, ``56.60``). A
formula without a cached value that is really text someone typed after '=' (``=15辆``) is shown as
typed; a real formula without a cached value stays empty with a warning. Hidden sheets are skipped
with a warning (they usually hold lookup lists or stale copies). ET/ODS files and XLS files xlrd
cannot parse are converted to XLSX by the dispatch (:mod:`convert`) and read here too.

Libraries, measured (best of 5 reads per file, on the samples' workbook and the dev corpus's four
XLSX files, 84-438 non-empty cells each; a 2-core machine shared with other jobs, so ranges):

- openpyxl, full load (the reader before python-calamine): 161-666 ms per file, 1.7-1.8 s for the
  five; the only openpyxl mode that knows merged cells. Read-only mode: 35-70 ms, no merged cells.
- python-calamine alone: 1.3-9.2 ms per file, merged ranges and sheet visibility included, but no
  number formats: 24 of the sample's 502 grid positions differ (``0.9279`` for ``92.79%``, ``2680`` for
  ``2680.00``), and no formula text.
- this reader, calamine plus the style pass below: 12-54 ms per file, 130-150 ms for the five
  (10-18× faster than openpyxl), and the same grids, cell for cell, and the same warnings as the
  openpyxl reader on all five.

So python-calamine reads the values, merged ranges and sheet visibility, and what it cannot give —
each numeric cell's number format, and the text of a formula without a saved value — comes from one
pass over the sheet XML with lxml (the ``s`` style index of each cell, ``<f>`` without ``<v>``),
resolved through ``styles.xml`` with openpyxl's table of built-in formats.
"""
from __future__ import annotations

import datetime as dt
import posixpath
import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from lxml import etree

from jixiao.extract.office_errors import open_ooxml_zip
from jixiao.extract.office_grid import covered_cells, sheet_table
from jixiao.extract.office_numfmt import format_value
from jixiao.model import Document, ReadError

# what makes '=…' a real formula rather than text typed after '=': a function call or a cell reference
_REAL_FORMULA = re.compile(r"[A-Za-z_][A-Za-z0-9_.]*\(|\$?[A-Za-z]{1,3}\$?\d+|!")
_CELL_REF = re.compile(r"([A-Za-z]{1,3})(\d+)")
_REL_NS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_NUMERIC = (int, float, dt.datetime, dt.date, dt.time, dt.timedelta)


def read(path: Path, options=None) -> Document:
    return read_xlsx_file(path, method="xlsx")


def read_xlsx_file(path: Path, method: str = "xlsx") -> Document:
    from python_calamine import CalamineWorkbook, SheetTypeEnum, SheetVisibleEnum

    with open_ooxml_zip(path, "XLSX", "xl/workbook.xml") as z:
        try:
            book = _BookXml.read(z)
        except (KeyError, etree.XMLSyntaxError, zipfile.BadZipFile, EOFError, OSError, ValueError):
            raise ReadError("the XLSX file is damaged or truncated and cannot be opened") from None
        except Exception as e:  # zlib.error and friends
            raise ReadError(f"the XLSX file is damaged and cannot be opened ({type(e).__name__})") from None
        doc = Document(method=method)
        try:
            wb = CalamineWorkbook.from_path(str(path))
            for meta in wb.sheets_metadata:
                if meta.typ != SheetTypeEnum.WorkSheet:
                    continue
                if meta.visible != SheetVisibleEnum.Visible:
                    doc.warnings.append(f"hidden sheet '{meta.name}' skipped")
                    continue
                sheet = wb.get_sheet_by_name(meta.name)
                styles = book.sheet_styles(z, meta.name)
                table = _sheet_table(meta.name, sheet, styles, book, doc.warnings)
                if table is not None:
                    doc.blocks.append(table)
        except ReadError:
            raise
        except (zipfile.BadZipFile, EOFError, KeyError, OSError, etree.XMLSyntaxError):
            raise ReadError("the XLSX file is damaged or truncated and cannot be opened") from None
        except Exception as e:  # calamine's errors (CalamineError, XmlError, ZipError …), zlib.error
            raise ReadError(f"the XLSX file is damaged and cannot be opened ({type(e).__name__})") from None
    return doc


@dataclass
class _SheetStyles:
    """What one pass over a sheet's XML gives beside calamine's values."""

    style: dict[tuple[int, int], int] = field(default_factory=dict)  # (row, col) 0-based -> cellXfs index
    formula: dict[tuple[int, int], str] = field(default_factory=dict)  # '=…' of formulas with no saved value


@dataclass
class _BookXml:
    """The workbook's sheet parts, number formats by style index, and date system."""

    parts: dict[str, str]  # sheet name -> zip member
    formats: list[Optional[str]]  # cellXfs index -> number format code
    date1904: bool

    @classmethod
    def read(cls, z: zipfile.ZipFile) -> "_BookXml":
        wb = etree.fromstring(z.read("xl/workbook.xml"))
        rels_name = "xl/_rels/workbook.xml.rels"
        targets = {}
        if rels_name in z.namelist():
            for rel in etree.fromstring(z.read(rels_name)):
                target = rel.get("Target") or ""
                target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(posixpath.join("xl", target))
                targets[rel.get("Id")] = target
        parts = {}
        for sheet in wb.iter("{*}sheet"):
            part = targets.get(sheet.get(f"{{{_REL_NS}}}id"))
            if part:
                parts[sheet.get("name")] = part
        pr = next(wb.iter("{*}workbookPr"), None)
        date1904 = pr is not None and (pr.get("date1904") or "").lower() in ("1", "true")
        return cls(parts=parts, formats=_number_formats(z), date1904=date1904)

    def sheet_styles(self, z: zipfile.ZipFile, name: str) -> _SheetStyles:
        out = _SheetStyles()
        part = self.parts.get(name)
        if part is None or part not in z.namelist():
            return out
        with z.open(part) as f:
            row_number = 0
            for _, row in etree.iterparse(f, events=("end",), tag="{*}row"):
                row_number = int(row.get("r") or row_number + 1)
                col = 0
                for c in row.iterfind("{*}c"):
                    ref = _CELL_REF.fullmatch(c.get("r") or "")
                    col = _column(ref.group(1)) if ref else col + 1
                    key = (row_number - 1, col - 1)
                    s = c.get("s")
                    if s and s != "0":
                        out.style[key] = int(s)
                    f_el = c.find("{*}f")
                    if f_el is not None and f_el.text and not c.findtext("{*}v"):  # no <v>, or <v/>
                        out.formula[key] = "=" + f_el.text
                row.clear()
                while row.getprevious() is not None:
                    del row.getparent()[0]
        return out

    def number_format(self, style: Optional[int]) -> Optional[str]:
        if style is None or style >= len(self.formats):
            return None
        return self.formats[style]


def _number_formats(z: zipfile.ZipFile) -> list[Optional[str]]:
    from openpyxl.styles.numbers import BUILTIN_FORMATS

    if "xl/styles.xml" not in z.namelist():
        return []
    styles = etree.fromstring(z.read("xl/styles.xml"))
    custom = {int(n.get("numFmtId")): n.get("formatCode") for n in styles.iter("{*}numFmt") if n.get("numFmtId")}
    xfs = next(styles.iter("{*}cellXfs"), None)
    formats: list[Optional[str]] = []
    for xf in (xfs if xfs is not None else []):
        if not isinstance(xf.tag, str) or etree.QName(xf).localname != "xf":
            continue
        num_id = int(xf.get("numFmtId") or 0)
        formats.append(custom.get(num_id, BUILTIN_FORMATS.get(num_id)))
    return formats


def _column(letters: str) -> int:
    n = 0
    for ch in letters.upper():
        n = n * 26 + ord(ch) - 64
    return n


def _sheet_table(name: str, sheet, styles: _SheetStyles, book: _BookXml, warnings_out: list[str]):
    merged = [(r0, c0, r1, c1) for (r0, c0), (r1, c1) in sheet.merged_cell_ranges or []]
    covered = covered_cells(merged)
    missing_formulas = sum(1 for key, typed in styles.formula.items()
                           if key not in covered and _REAL_FORMULA.search(typed[1:]))
    if missing_formulas:
        warnings_out.append(f"sheet '{name}': {missing_formulas} formula cell(s) have no saved value "
                            "(open and save the file in Excel to store them)")

    def texts():
        for r, row in enumerate(sheet.to_python(skip_empty_area=False)):
            for c, value in enumerate(row):
                if value == "" and (r, c) in styles.formula and not _REAL_FORMULA.search(styles.formula[(r, c)][1:]):
                    value = styles.formula[(r, c)]  # text typed after '=' (=15辆), no formula at all
                fmt = book.number_format(styles.style.get((r, c))) if isinstance(value, _NUMERIC) else None
                yield r, c, format_value(value if value != "" else None, fmt, book.date1904)

    return sheet_table(texts(), merged)
