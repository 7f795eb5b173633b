"""DOCX reader: Word's XML body → Document blocks in body order (file → grid).

Part of ``extract/``. Works on ``word/document.xml`` directly with lxml (python-docx repeats a merged
cell once per grid position; the ``w:tc`` elements do not, and it is much faster):

- paragraphs → :class:`TextLine` (one per line; text boxes ``w:txbxContent`` included, their
  lines first; deleted revisions and field codes left out);
- tables → :class:`Table`; ``w:gridSpan``/``w:hMerge`` → colspan, ``w:vMerge`` restart/continue →
  rowspan, ``w:gridBefore`` shifts a row; cell text = the cell's paragraphs joined with ``\\n``;
- a header row marked ``w:tblHeader`` that is repeated further down the same table is kept once;
- a nested table is emitted as its own Table right after the table holding it (its cell keeps only
  its own paragraphs); a one-cell table is a frame, so its content is emitted in place instead.
DOC/WPS/RTF/ODT files the dispatch converts with LibreOffice (:mod:`convert`) are read here too.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Optional

from lxml import etree

from jixiao.extract.office_errors import open_ooxml_zip, read_zip_part
from jixiao.extract.office_grid import PlacedCell, build_table, drop_repeated_rows
from jixiao.model import Block, Document, ReadError, TextLine

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
MC = "http://schemas.openxmlformats.org/markup-compatibility/2006"
STRICT_W = "http://purl.oclc.org/ooxml/wordprocessingml/main"


def _q(tag: str) -> str:
    return f"{{{W}}}{tag}"


P, TBL, TR, TC, T, R = _q("p"), _q("tbl"), _q("tr"), _q("tc"), _q("t"), _q("r")
SDT, SDT_CONTENT, CUSTOM_XML, SMART_TAG = _q("sdt"), _q("sdtContent"), _q("customXml"), _q("smartTag")
TXBX = _q("txbxContent")
# subtrees whose text is not shown: deleted/moved-away revisions, field instructions, properties
SKIP = {_q("del"), _q("moveFrom"), _q("delText"), _q("instrText"), _q("delInstrText"), _q("pPr"), _q("rPr"),
        _q("tcPr"), _q("trPr"), _q("tblPr"), _q("sectPr"), _q("footnoteReference"), _q("endnoteReference"),
        _q("commentReference"), f"{{{MC}}}Fallback"}
WRAPPERS = {SDT, SDT_CONTENT, CUSTOM_XML, SMART_TAG, _q("ins"), _q("moveTo"), _q("fldSimple"), _q("hyperlink"),
            _q("bdo"), _q("dir")}
BREAKS = {_q("br"), _q("cr")}
TABS = {_q("tab"), _q("ptab")}
TRUE_VALUES = {"", "1", "true", "on"}


def read(path: Path, options=None) -> Document:
    return read_docx_file(path, method="docx")


def read_docx_file(path: Path, method: str = "docx") -> Document:
    with open_ooxml_zip(path, "DOCX", "word/document.xml") as z:
        xml = read_zip_part(z, "word/document.xml", "DOCX")
    try:
        root = etree.fromstring(xml, parser=etree.XMLParser(huge_tree=True, resolve_entities=False, no_network=True))
    except etree.XMLSyntaxError:
        raise ReadError("the DOCX file is damaged (its document.xml is not well-formed XML)") from None
    if STRICT_W.encode() in xml[:4000]:
        root = _strict_to_transitional(root)
    body = root.find(_q("body"))
    doc = Document(method=method)
    if body is None:
        doc.warnings.append("the DOCX file has no document body")
        return doc
    doc.blocks = _blocks(body)
    return doc


def _strict_to_transitional(root):
    """Strict OOXML uses another namespace for the same elements: rename them."""
    for el in root.iter():
        if isinstance(el.tag, str) and el.tag.startswith(f"{{{STRICT_W}}}"):
            el.tag = f"{{{W}}}" + el.tag.split("}", 1)[1]
        for k in list(el.attrib):
            if k.startswith(f"{{{STRICT_W}}}"):
                el.attrib[f"{{{W}}}" + k.split("}", 1)[1]] = el.attrib.pop(k)
    return root


def _children(el):
    """Child elements, looking through content controls and other transparent wrappers."""
    for ch in el:
        if not isinstance(ch.tag, str):
            continue
        if ch.tag in (SDT, CUSTOM_XML, SDT_CONTENT, _q("ins"), _q("moveTo")):
            yield from _children(ch)
        elif ch.tag == _q("sdtPr") or ch.tag == _q("sdtEndPr"):
            continue
        else:
            yield ch


def _blocks(container) -> list[Block]:
    blocks: list[Block] = []
    for el in _children(container):
        if el.tag == P:
            blocks.extend(_paragraph_blocks(el))
        elif el.tag == TBL:
            blocks.extend(_table_blocks(el))
    return blocks


# ---------------------------------------------------------------- paragraphs


def _paragraph_text(p, include_textboxes: bool) -> str:
    parts: list[str] = []

    def walk(el):
        for ch in el:
            tag = ch.tag
            if not isinstance(tag, str) or tag in SKIP:
                continue
            if tag == T:
                parts.append(ch.text or "")
            elif tag in TABS:
                parts.append("\t")
            elif tag in BREAKS:
                parts.append("\n")
            elif tag == _q("noBreakHyphen"):
                parts.append("-")
            elif tag == TXBX:
                if include_textboxes:
                    for line in _textbox_lines(ch):
                        parts.append("\n" + line + "\n")
            else:
                walk(ch)

    walk(p)
    return "".join(parts)


def _textbox_lines(txbx) -> list[str]:
    lines = []
    for b in _blocks(txbx):
        if isinstance(b, TextLine):
            lines.append(b.text)
        else:
            lines.extend("  ".join(t for t in row if t) for row in b.text_rows())
    return [ln for ln in lines if ln.strip()]


def _textboxes(p):
    """Outermost text boxes anchored in a paragraph (not the VML fallback copies)."""
    found = []

    def walk(el):
        for ch in el:
            if not isinstance(ch.tag, str) or ch.tag == f"{{{MC}}}Fallback":
                continue
            if ch.tag == TXBX:
                found.append(ch)
            else:
                walk(ch)

    walk(p)
    return found


def _paragraph_blocks(p) -> list[Block]:
    blocks: list[Block] = []
    for txbx in _textboxes(p):
        blocks.extend(_blocks(txbx))
    text = _paragraph_text(p, include_textboxes=False)
    for line in text.split("\n"):
        if line.strip():
            blocks.append(TextLine(text=line.strip()))
    return blocks


# ---------------------------------------------------------------- tables


@dataclass
class _TcInfo:
    col: int
    span: int
    vmerge: Optional[str]  # None | "restart" | "continue"
    hmerge: Optional[str]
    text: str
    nested: list = field(default_factory=list)  # w:tbl elements inside the cell
    element: object = None

    @property
    def sig(self):
        return (self.col, self.span, "".join(self.text.split()))


def _val(el, tag: str) -> Optional[str]:
    """The w:val of child ``tag`` of ``el``: None when absent, "" when present without a value."""
    if el is None:
        return None
    ch = el.find(_q(tag))
    if ch is None:
        return None
    return ch.get(_q("val"), "")


def _int_val(el, tag: str, default: int) -> int:
    v = _val(el, tag)
    try:
        return max(0, int(v)) if v not in (None, "") else default
    except ValueError:
        return default


def _cell_text(tc) -> tuple[str, list]:
    lines, nested = [], []
    for el in _children(tc):
        if el.tag == P:
            text = _paragraph_text(el, include_textboxes=True)
            lines.extend(ln.strip() for ln in text.split("\n"))
        elif el.tag == TBL:
            nested.append(el)
    return "\n".join(ln for ln in lines if ln), nested


def _table_rows(tbl) -> tuple[list[list[_TcInfo]], int]:
    rows: list[list[_TcInfo]] = []
    header_rows, in_header = 0, True
    for tr in _children(tbl):
        if tr.tag != TR:
            continue
        trpr = tr.find(_q("trPr"))
        is_header = _val(trpr, "tblHeader") in TRUE_VALUES
        if in_header and is_header:
            header_rows += 1
        else:
            in_header = False
        col = _int_val(trpr, "gridBefore", 0)
        row: list[_TcInfo] = []
        for tc in _children(tr):
            if tc.tag != TC:
                continue
            tcpr = tc.find(_q("tcPr"))
            span = max(1, _int_val(tcpr, "gridSpan", 1))
            vm = _val(tcpr, "vMerge")
            vmerge = None if vm is None else ("restart" if vm == "restart" else "continue")
            hm = _val(tcpr, "hMerge")
            hmerge = None if hm is None else ("restart" if hm == "restart" else "continue")
            text, nested = _cell_text(tc)
            row.append(_TcInfo(col=col, span=span, vmerge=vmerge, hmerge=hmerge, text=text, nested=nested, element=tc))
            col += span
        rows.append(row)
    return rows, header_rows


def _table_blocks(tbl) -> list[Block]:
    rows, header_rows = _table_rows(tbl)
    rows = drop_repeated_rows(rows, header_rows, lambda row: tuple(c.sig for c in row))
    all_tcs = [tc for row in rows for tc in row]
    if len(all_tcs) == 1:  # a frame around content, not a grid
        return _blocks(all_tcs[0].element)

    placed: list[PlacedCell] = []
    above: dict[int, tuple[PlacedCell, bool]] = {}  # col -> (cell covering it in the row above, vmerged)
    nested: list = []
    for r, row in enumerate(rows):
        current: dict[int, tuple[PlacedCell, bool]] = {}
        last: Optional[PlacedCell] = None
        for tc in row:
            nested.extend(tc.nested)
            if tc.hmerge == "continue" and last is not None:
                last.colspan += tc.span
                continue
            prev = above.get(tc.col)
            if tc.vmerge == "continue" and prev is not None and prev[1] and prev[0].col == tc.col:
                cell = prev[0]
                cell.rowspan = r - cell.row + 1
                if tc.text and tc.text not in cell.text:
                    cell.text = f"{cell.text}\n{tc.text}" if cell.text else tc.text
            else:
                cell = PlacedCell(text=tc.text, row=r, col=tc.col, rowspan=1, colspan=tc.span)
                placed.append(cell)
            for k in range(tc.col, tc.col + tc.span):
                current[k] = (cell, tc.vmerge is not None)
            last = cell
        above = current
    blocks: list[Block] = []
    table = build_table(placed)
    if table is not None:
        blocks.append(table)
    for inner in nested:
        blocks.extend(_table_blocks(inner))
    return blocks
