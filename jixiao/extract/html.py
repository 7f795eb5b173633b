"""HTML reader: web pages and Word "save as web page" files → Document blocks (file → grid).

Part of ``extract/``. The page is decoded (BOM, then a declared charset — GB2312/GBK read as their
superset GB18030 — checked against the bytes, then detection with charset-normalizer), parsed with
lxml, and walked in document order:

- text outside tables → :class:`TextLine`, one per visual line (block elements and ``<br>`` end a
  line; whitespace collapsed as a browser does; ``&nbsp;``, Word's ``<o:p>`` and conditional
  comments handled; scripts, styles and hidden elements skipped); a ``<caption>`` is a line too;
- ``<table>`` → :class:`Table`, rowspan/colspan laid out as browsers do; cell text keeps its lines
  (``<br>``, paragraphs) joined with ``\\n``; rows repeating the ``<thead>`` rows are dropped;
- a nested table is emitted as its own Table after the table holding it; a one-cell table is a
  frame, so its content is emitted in place.
Word's single-file web pages (``.mht``, MIME) are unpacked to their HTML part first.
"""
from __future__ import annotations

import codecs
import email
import email.policy
import re
from pathlib import Path
from typing import Optional

from jixiao.extract.convert import NeedsConversion
from jixiao.extract.office_grid import build_table, drop_repeated_rows, layout_html_rows
from jixiao.model import Block, Document, ReadError, TextLine

BLOCK_TAGS = {
    "p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "hr", "tr",
    "section", "article", "header", "footer", "nav", "aside", "blockquote", "pre", "form", "center",
    "address", "figure", "figcaption", "main", "fieldset", "legend", "body", "html", "thead", "tbody",
    "tfoot", "option", "details", "summary",
}
SKIP_TAGS = {"script", "style", "head", "title", "noscript", "template", "object", "embed", "iframe",
             "select", "button", "svg", "math", "xml", "meta", "link"}
_WS = re.compile(r"[ \t\r\n\f\v]+")
_CHARSET = re.compile(rb"""charset\s*=\s*["']?\s*([A-Za-z0-9_.:\-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""<\?xml[^>]*encoding\s*=\s*["']([A-Za-z0-9_.\-]+)""", re.I)
_HIDDEN = re.compile(r"display\s*:\s*none|mso-hide\s*:\s*all|visibility\s*:\s*hidden", re.I)
OOXML_EXTENSIONS = {".docx", ".docm", ".xlsx", ".xlsm"}


def read(path: Path, options=None) -> Document:
    raw = path.read_bytes()
    if path.suffix.lower() in OOXML_EXTENSIONS:
        kind = "DOCX" if path.suffix.lower().startswith(".doc") else "XLSX"
        raise ReadError(f"the file is not a valid {kind} file (it is not a zip archive but a web page); "
                        "save it again from Word/Excel or rename it to .html")
    if b"urn:schemas-microsoft-com:office:spreadsheet" in raw[:4096] and re.search(rb"<(?:ss:)?Workbook", raw[:8192]):
        # Excel 2003 XML ("SpreadsheetML"), often exported as .xls: its <Table> is not an HTML table
        raise NeedsConversion("xlsx", method="xls")
    raw = _unpack_mht(raw)
    text = decode_html(raw)
    return parse_html(text)


def _unpack_mht(raw: bytes) -> bytes:
    head = raw[:2000].lower()
    if b"mime-version" not in head and b"multipart/related" not in head:
        return raw
    try:
        msg = email.message_from_bytes(raw, policy=email.policy.compat32)
    except Exception:
        return raw
    for part in msg.walk():
        if part.get_content_type() == "text/html":
            payload = part.get_payload(decode=True)
            if payload:
                charset = part.get_content_charset()
                if charset and not _CHARSET.search(payload[:4000]):
                    payload = f'<meta charset="{charset}">'.encode("ascii") + payload
                return payload
    return raw


def _canonical(name: str) -> Optional[str]:
    name = name.strip().lower().replace("_", "-")
    if name in ("gb2312", "gbk", "x-gbk", "gb-2312-80", "gb2312-80", "cp936", "ms936", "euc-cn", "x-euc-cn",
                "gb18030", "windows-936"):
        return "gb18030"
    if name in ("big5", "big5-hkscs", "x-x-big5"):
        return "big5hkscs"
    try:
        return codecs.lookup(name).name
    except LookupError:
        return None


def decode_html(raw: bytes) -> str:
    """The page's text: BOM, then the declared charset (if the bytes agree), then detection."""
    for bom, enc in ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            return raw[len(bom):].decode(enc, errors="replace")
    head = raw[:8192]
    m = _XML_ENCODING.search(head) or _CHARSET.search(head)
    declared = _canonical(m.group(1).decode("ascii", "ignore")) if m else None
    try:
        as_utf8 = raw.decode("utf-8")
    except UnicodeDecodeError:
        as_utf8 = None
    if as_utf8 is not None and (declared in (None, "utf-8") or any(ord(c) > 0x7F for c in as_utf8[:200000])):
        # valid UTF-8 holding non-ASCII text is UTF-8 whatever the page claims
        return as_utf8
    if declared and declared != "utf-8":
        try:
            return raw.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        if best is not None and best.encoding:
            enc = _canonical(best.encoding) or best.encoding
            return raw.decode(enc, errors="replace")
    except Exception:
        pass
    return raw.decode("gb18030", errors="replace")


def parse_html(text: str) -> Document:
    import lxml.html
    from lxml import etree

    text = re.sub(r"^\s*<\?xml[^>]*\?>", "", text)
    if not text.strip():
        return Document(method="html")
    try:
        root = lxml.html.document_fromstring(text, parser=lxml.html.HTMLParser(remove_comments=True, remove_pis=True))
    except (etree.ParserError, ValueError) as e:
        raise ReadError(f"the HTML page could not be parsed ({e})") from None
    body = root.find("body")
    lines = _Lines()
    _walk(body if body is not None else root, lines)
    lines.end_line()
    return Document(blocks=lines.blocks, method="html")


class _Lines:
    """Collects text into lines and blocks while the walker goes through the page."""

    def __init__(self, cell: bool = False):
        self.cell = cell
        self.parts: list[str] = []
        self.blocks: list[Block] = []  # TextLines and Tables (page level)
        self.lines: list[str] = []  # finished lines (cell level)
        self.nested: list = []  # tables found inside a cell

    def text(self, s: str) -> None:
        self.parts.append(s)

    def end_line(self) -> None:
        line = _WS.sub(" ", "".join(self.parts)).replace("\xa0", " ").strip()
        self.parts = []
        if not line:
            return
        if self.cell:
            self.lines.append(line)
        else:
            self.blocks.append(TextLine(text=line))

    def table(self, el) -> None:
        self.end_line()
        if self.cell:
            self.nested.append(el)
        else:
            self.blocks.extend(_table_blocks(el))


def _tag(el) -> Optional[str]:
    tag = el.tag
    if not isinstance(tag, str):
        return None
    return tag.lower().split("}")[-1]


def _hidden(el) -> bool:
    style = el.get("style")
    return bool(style and _HIDDEN.search(style)) or el.get("hidden") is not None


def _walk(el, sink: _Lines) -> None:
    tag = _tag(el)
    if tag is None or tag in SKIP_TAGS or _hidden(el):
        return
    if tag == "table":
        sink.table(el)
        return
    if tag == "br":
        sink.end_line()
        return
    block = tag in BLOCK_TAGS or tag in ("td", "th", "caption")
    if block:
        sink.end_line()
    if el.text:
        sink.text(el.text)
    for ch in el:
        _walk(ch, sink)
        if ch.tail:
            sink.text(ch.tail)
    if block:
        sink.end_line()


def _span(el, name: str) -> int:
    value = el.get(name)
    if value is None:
        return 1
    m = re.match(r"\s*(\d+)", value)
    if not m:
        return 1
    n = int(m.group(1))
    return min(n, 1000) if name == "colspan" else min(n, 65534)


def _rows(table) -> tuple[list, int, list]:
    """The table's own rows (not nested tables'), how many are <thead> rows, and its captions."""
    rows, head_rows, captions = [], 0, []
    for ch in table:
        tag = _tag(ch)
        if tag == "tr":
            rows.append(ch)
        elif tag in ("thead", "tbody", "tfoot"):
            group = [tr for tr in ch if _tag(tr) == "tr"]
            if tag == "thead" and len(rows) == head_rows:
                head_rows += len(group)
            rows.extend(group)
        elif tag == "caption":
            captions.append(ch)
    return rows, head_rows, captions


def _walk_content(td, sink) -> None:
    """Feed an element's own text, its children and their tails to ``sink``, then end the line."""
    if td.text:
        sink.text(td.text)
    for ch in td:
        _walk(ch, sink)
        if ch.tail:
            sink.text(ch.tail)
    sink.end_line()


def _cell_content(td) -> tuple[str, list]:
    sink = _Lines(cell=True)
    _walk_content(td, sink)
    return "\n".join(sink.lines), sink.nested


def _table_blocks(table) -> list[Block]:
    blocks: list[Block] = []
    rows, head_rows, captions = _rows(table)
    for cap in captions:
        sink = _Lines()
        _walk(cap, sink)
        sink.end_line()
        blocks.extend(sink.blocks)
    grid_rows, nested, cells_seen = [], [], []
    for tr in rows:
        if _hidden(tr):
            continue
        row = []
        for td in tr:
            if _tag(td) not in ("td", "th") or _hidden(td):
                continue
            text, inner = _cell_content(td)
            nested.extend(inner)
            cells_seen.append(td)
            row.append((text, _span(td, "rowspan") if td.get("rowspan") is not None else 1, _span(td, "colspan")))
        grid_rows.append(row)
    if len(cells_seen) == 1:  # a frame around content, not a grid
        sink = _Lines()
        _walk_content(cells_seen[0], sink)
        return blocks + sink.blocks
    grid_rows = drop_repeated_rows(grid_rows, head_rows,
                                   lambda row: tuple((i, cs, "".join(t.split())) for i, (t, _, cs) in enumerate(row)))
    table_obj = build_table(layout_html_rows(grid_rows))
    if table_obj is not None:
        blocks.append(table_obj)
    for inner in nested:
        blocks.extend(_table_blocks(inner))
    return blocks
