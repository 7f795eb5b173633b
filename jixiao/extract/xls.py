"""XLS reader (Excel 97-2003): each visible sheet → one Table (file → grid).

Part of ``extract/``. xlrd with ``formatting_info=True`` gives merged ranges and each cell's number
format, so the grid is the same as the XLSX reader's: merged ranges as spans, numbers as displayed
(:mod:`office_numfmt`), hidden sheets skipped with a warning. A file xlrd cannot parse (written by
some other tool, or an XML/HTML "xls") raises :class:`convert.NeedsConversion`: the dispatch converts
it to XLSX with LibreOffice and the XLSX reader reads it.

xlrd stays, python-calamine measured against it (best of 5 on the sample XLS and the dev corpus's
three): calamine reads a file in 0.9-3.6 ms against xlrd's 3.1-12.5 ms, but without number formats
(24 of the sample's 524 grid positions differ: ``0.9279`` for ``92.79%``, ``2680`` for ``2680.00``), which
xlrd's ``formatting_info`` gives; a few milliseconds do not pay for a second reader.
"""
from __future__ import annotations

from pathlib import Path

from jixiao.extract.convert import NeedsConversion
from jixiao.extract.office_errors import encrypted_message, is_encrypted_ooxml, is_ole
from jixiao.extract.office_grid import sheet_table
from jixiao.extract.office_numfmt import format_value, serial_to_datetime
from jixiao.extract.sniff import ole_kind
from jixiao.model import Document, ReadError

DAMAGED = "the XLS file is damaged or truncated and cannot be read"


def read(path: Path, options=None) -> Document:
    if is_encrypted_ooxml(path):
        raise ReadError(encrypted_message(path))
    try:
        return _read_with_xlrd(path, formatting_info=True)
    except _Encrypted:
        raise ReadError(encrypted_message(path)) from None
    except _XlrdFailed:
        if is_ole(path):
            try:  # some writers' formatting records trip xlrd: the cells alone are better than nothing
                doc = _read_with_xlrd(path, formatting_info=False)
                doc.warnings.append("merged cells and number formats could not be read from this XLS file")
                return doc
            except (_XlrdFailed, _Encrypted):
                pass
            if ole_kind(path) != "xls":  # a broken container: LibreOffice would only read it as text
                raise ReadError(DAMAGED) from None
        raise NeedsConversion("xlsx", method="xls", failure=DAMAGED if is_ole(path) else None) from None


class _XlrdFailed(Exception):
    def __init__(self, reason: str):
        super().__init__(reason)
        self.reason = reason


class _Encrypted(Exception):
    pass


def _read_with_xlrd(path: Path, formatting_info: bool) -> Document:
    import xlrd

    try:
        book = xlrd.open_workbook(str(path), formatting_info=formatting_info, on_demand=True,
                                  logfile=_NullLog(), ignore_workbook_corruption=True)
    except Exception as e:  # XLRDError, truncated streams, NotImplementedError …
        if "encrypt" in str(e).lower():
            raise _Encrypted() from None
        raise _XlrdFailed(f"{type(e).__name__}: {e}") from None
    doc = Document(method="xls")
    try:
        for index in range(book.nsheets):
            sheet = book.sheet_by_index(index)
            if getattr(sheet, "visibility", 0) != 0:
                doc.warnings.append(f"hidden sheet '{sheet.name}' skipped")
                continue
            table = _sheet_table(book, sheet, formatting_info)
            if table is not None:
                doc.blocks.append(table)
            book.unload_sheet(index)
    except Exception as e:
        raise _XlrdFailed(f"{type(e).__name__}: {e}") from None
    finally:
        book.release_resources()
    return doc


class _NullLog:
    def write(self, *_):
        pass


def _cell_format(book, sheet, r: int, c: int) -> str | None:
    if not book.formatting_info:
        return None
    try:
        xf = book.xf_list[sheet.cell_xf_index(r, c)]
        fmt = book.format_map.get(xf.format_key)
        return fmt.format_str if fmt is not None else None
    except (IndexError, KeyError, AttributeError):
        return None


def _sheet_table(book, sheet, formatting_info: bool = True):
    merged = [(r0, c0, r1 - 1, c1 - 1) for r0, r1, c0, c1 in sheet.merged_cells]  # xlrd: ends exclusive
    texts = ((r, c, _cell_text(book, sheet, r, c)) for r in range(sheet.nrows) for c in range(sheet.row_len(r)))
    return sheet_table(texts, merged)


def _cell_text(book, sheet, r: int, c: int) -> str:
    import xlrd

    cell = sheet.cell(r, c)
    kind, value = cell.ctype, cell.value
    if kind in (xlrd.XL_CELL_EMPTY, xlrd.XL_CELL_BLANK):
        return ""
    if kind == xlrd.XL_CELL_TEXT:
        return value
    if kind == xlrd.XL_CELL_NUMBER:
        return format_value(value, _cell_format(book, sheet, r, c))
    if kind == xlrd.XL_CELL_DATE:
        try:
            return format_value(serial_to_datetime(value, book.datemode == 1), _cell_format(book, sheet, r, c))
        except (ValueError, OverflowError):
            return format_value(value, None)
    if kind == xlrd.XL_CELL_BOOLEAN:
        return "TRUE" if value else "FALSE"
    if kind == xlrd.XL_CELL_ERROR:
        return xlrd.error_text_from_code.get(value, "#ERR")
    return str(value)
