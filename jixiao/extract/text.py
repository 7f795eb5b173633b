"""The pasted-text reader: text copied from Word, Excel, web pages and PDF viewers → grid model.

Cells are split by tabs, by commas (CSV saved from Excel), by ``|`` (markdown or crawler style), by
runs of two or more spaces (where a line of such a document holds no run but two single spaces or
more, by its single spaces: a mirror page aligns its header fields by runs and prints its table
rows with single spaces), or — when a document uses nothing else — by single spaces; a line holding one cell becomes a
:class:`TextLine`. Leading separators keep their empty cells, so a row whose merged first cells
were flattened to nothing keeps its column positions. HTML-ish tags and markdown emphasis are
dropped. Encodings: UTF-8 (with or without BOM), UTF-16 with BOM, GBK/GB18030, else detected.
"""
from __future__ import annotations

import csv
import html
import re
import textwrap
from collections import Counter
from pathlib import Path

from jixiao.model import Document, ReadError, Table, TextLine
from jixiao.normalize.pages import is_page_marker

TAG = re.compile(r"</?(?:p|br|span|div|b|strong|i|em|u|font|td|tr|th|table|tbody|thead|li|ul|ol|h\d)\b[^>]*>", re.I)
# markdown emphasis wraps a whole cell or line (``**项目支出绩效目标表**``): markers at a cell's edge
# only; ``**`` inside a cell is a template hint (``(≥**个)``, ``≥**人``) and ``****`` is masking: kept
MD_EMPHASIS = re.compile(r"(?:(?<=^)|(?<=[\t|]))[ \u3000]*(?:\*\*|__)(?=[^*_\s])|(?<=[^*_\s])(?:\*\*|__)[ \u3000]*(?=[\t|]|$)")
MD_HEADING = re.compile(r"^\s{0,3}#{1,6}\s+")
MD_RULE = re.compile(r"^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$")
SPACE_RUN = re.compile(r"[ \u3000\u00a0]{2,}")
SINGLE_SPACE = re.compile(r"(?<=\S)[ \u3000\u00a0](?=\S)")
SINGLE_SPACED_MIN = 2  # single spaces that make a line with no run of spaces a row of cells (3 cells or more)
LOST_SPACES = re.compile(r"[?？]{2,}")  # non-breaking spaces a wrong encoding turned into ?? (a crawled page)
# a crawled page's &nbsp; and typographic spaces are spaces; zero-width marks and a BOM inside the
# text are nothing (the full-width 　 stays: it is how Chinese text indents, and it separates cells)
NARROW_SPACES = re.compile(r"[\u00a0\u2000-\u200a\u202f\u205f]")
ZERO_WIDTH = re.compile(r"[\u200b-\u200d\u2060\ufeff]")
OTHER_BARS = re.compile(r"[\uff5c\u2502\u2503]")  # ｜ │ ┃: a cell separator written in another bar


def decode_text(data: bytes) -> str:
    """Bytes → str: BOMs honoured, UTF-8 tried strictly, then GB18030 (a superset of GBK/GB2312)."""
    if data.startswith(b"\xef\xbb\xbf"):
        return data[3:].decode("utf-8", errors="replace")
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16", errors="replace")
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    try:
        return data.decode("gb18030")
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None:
        raise ReadError("the file is not text in any encoding jixiao knows (UTF-8, GBK/GB18030, UTF-16)")
    return str(best)


def clean_line(line: str) -> str:
    line = TAG.sub("", line)
    line = MD_EMPHASIS.sub("", line)
    line = MD_HEADING.sub("", line)
    if "&" in line:
        line = html.unescape(line)
    line = LOST_SPACES.sub("  ", line)
    line = ZERO_WIDTH.sub("", NARROW_SPACES.sub(" ", line))
    return line.rstrip("\r\n")


PARAGRAPH_STYLE = 0.8  # of the lines with text followed by a blank line: one cell per paragraph
WRAPPED_SHARE = 0.3  # of the lines holding a single space, below which (one cell per paragraph) it is a wrap
CSV_FIELD_MAX = 60  # characters: a CSV cell of a form longer than this is rare, prose clauses are not


def paragraph_share(lines: list[str]) -> float:
    """The share of lines with text that a blank line follows: near 1 when every cell is a paragraph."""
    content = sum(1 for l in lines if l.strip())
    ended = sum(1 for a, b in zip(lines, lines[1:]) if a.strip() and not b.strip())
    return ended / content if content else 0.0


def detect_separator(lines: list[str], paragraphs: float = 0.0) -> str:
    """The document's cell separator: 'tab', 'pipe', 'spaces' (2+), 'space' (single) or 'none'.

    ``paragraphs`` is :func:`paragraph_share` of the whole text: in text written one cell per paragraph,
    a single space inside a few cells is where a viewer wrapped the line (``半年(程) 指标值``), no separator."""
    n = len(lines) or 1
    tabs = sum(1 for l in lines if "\t" in l.strip("\n"))
    pipes = sum(1 for l in lines if l.count("|") >= 1)
    runs = sum(1 for l in lines if SPACE_RUN.search(l.strip()))
    singles = sum(1 for l in lines if re.search(r"\S[ \u3000\u00a0][^\s]", l.strip()))
    if tabs >= max(2, 0.1 * n):
        return "tab"
    if _looks_like_csv(lines):
        return "comma"
    if pipes >= max(2, 0.2 * n):
        return "pipe"
    if runs >= max(2, 0.1 * n):
        return "spaces"
    if singles >= max(1, 0.1 * n) and (paragraphs < PARAGRAPH_STYLE or singles >= WRAPPED_SHARE * n):
        return "space"
    return "none"


def _looks_like_csv(lines: list[str]) -> bool:
    """Comma-separated values (an Excel 'save as CSV'): most lines split into the same many fields."""
    with_commas = [l for l in lines if l.count(",") >= 2]
    if len(with_commas) < max(3, 0.5 * len(lines)):
        return False
    rows = list(csv.reader(with_commas))
    widths = Counter(len(row) for row in rows)
    width, count = widths.most_common(1)[0]
    fields = [f for row in rows for f in row if f.strip()]
    # prose with ASCII commas (a crawled page preview) has long fields; a form's cells are short
    short = sum(len(f) <= CSV_FIELD_MAX for f in fields) >= 0.8 * max(len(fields), 1)
    return width >= 3 and count >= max(3, 0.6 * len(with_commas)) and short


def _space_unit(lines: list[str]) -> int:
    """The width of one separator in space-aligned text (runs of 2·unit spaces hold an empty cell)."""
    counts = Counter(len(m.group()) for l in lines for m in SPACE_RUN.finditer(l.rstrip()))
    if not counts:
        return 2
    total = sum(counts.values())
    unit = min(w for w, c in counts.items() if c >= 0.05 * total)
    multiples = sum(c for w, c in counts.items() if w % unit == 0)
    return unit if multiples >= 0.85 * total else 0  # 0: widths carry no meaning


def split_cells(line: str, sep: str, unit: int = 2, bordered: bool = True) -> list[str]:
    if sep == "tab":
        cells = [_unquoted(c) for c in line.split("\t")]
    elif sep == "comma":
        cells = next(csv.reader([line]), [])
    elif sep == "pipe":
        if "|" not in line:
            return [line.strip()]
        s = line.strip()
        if s.startswith("|") and (bordered or not line.startswith((" ", "\t"))):
            s = s[1:]
        if s.endswith("|"):
            s = s[:-1]
        cells = [c.strip() for c in s.split("|")]
    elif sep == "spaces":
        cells = _split_runs(line, unit)
        if len(cells) == 1 and len(SINGLE_SPACE.findall(line.strip())) >= SINGLE_SPACED_MIN:
            cells = split_cells(line, "space")  # a row of single spaces among lines aligned by runs of them
    elif sep == "space":
        stripped = line.rstrip()
        lead = len(stripped) - len(stripped.lstrip(" \u3000"))
        parts = _join_open_brackets(re.split(r"[ \u3000]+", stripped.strip()))
        cells = [""] * lead + parts if stripped.strip() else []
    else:
        cells = [line]
    while cells and not cells[-1].strip():
        cells.pop()
    return [c.strip() for c in cells]


def _unquoted(field: str) -> str:
    """A field Excel quoted on copying because it held a quote (each one doubled inside) → its text; any
    other field as it is: a cell printed in quotes (``"提升…营商环境"``) keeps them."""
    f = field.strip()
    if len(f) >= 2 and f[0] == f[-1] == '"' and '""' in f[1:-1] and '"' not in f[1:-1].replace('""', ""):
        return f[1:-1].replace('""', '"')
    return field


def join_quoted_tab_cells(lines: list[str]) -> list[str]:
    """Cells copied from Excel: a cell holding a line break is quoted (``产出指标\t"补贴民办园``
    ⏎ ``租用面积"\t26970.7平方米``), so a row's line ends inside an open quote: the lines up to the one
    closing it are that cell's, joined and unquoted. A quote never closed within WRAP_LINES_MAX lines,
    or across a blank line, opened nothing."""
    if sum("\t" in l for l in lines) < 2:
        return lines
    out: list[str] = []
    k = 0
    while k < len(lines):
        row, end = lines[k], k
        while _quote_open(row.split("\t")[-1]):
            close = next((j for j in range(end + 1, min(end + 1 + WRAP_LINES_MAX, len(lines)))
                          if not lines[j].strip() or lines[j].split("\t")[0].count('"') % 2 == 1), None)
            if close is None or not lines[close].strip():
                break
            head, tab, opened = row.rpartition("\t")
            closing, *rest = lines[close].split("\t")
            quoted = (opened.strip() + "".join(l.strip() for l in lines[end + 1:close]) + closing.strip())[1:-1]
            row = head + tab + "\t".join([quoted.replace('""', '"')] + rest)
            end = close
        out.append(row)
        k = end + 1
    return out


def _quote_open(field: str) -> bool:
    f = field.strip()
    return f.startswith('"') and f.count('"') % 2 == 1


def _join_open_brackets(parts: list[str]) -> list[str]:
    """Single spaces inside brackets do not separate cells: ``数量( ≥**个 )`` is one cell."""
    out: list[str] = []
    depth = 0
    for part in parts:
        if depth > 0 and out:
            out[-1] += " " + part
        else:
            out.append(part)
        depth += sum(part.count(o) for o in "(（[【") - sum(part.count(c) for c in ")）]】")
        depth = max(depth, 0)
    return out


def _split_runs(line: str, unit: int) -> list[str]:
    cells: list[str] = []
    pos = 0
    stripped = line.rstrip()
    lead = len(stripped) - len(stripped.lstrip(" \u3000\u00a0"))
    if lead:
        cells.extend([""] * (max(1, round(lead / unit)) if unit else 1))
        pos = lead
    for m in SPACE_RUN.finditer(stripped, pos):
        cells.append(stripped[pos:m.start()])
        if unit:
            cells.extend([""] * (max(1, round(len(m.group()) / unit)) - 1))
        pos = m.end()
    cells.append(stripped[pos:])
    return cells


# "        | 二级指标" (one cell, the separator opening it; "        | |" an empty one closing the row)
LEAD_PIPE = re.compile(r"^[ \t\u3000]{2,}\|[ \t\u3000]*(?:[^|\s][^|]*\|{0,2}|\|{1,2})[ \t\u3000]*$")
LEAD_PIPE_SHARE = 0.3  # of the lines holding "|": so many opening with it make the document that style
INDENTED = re.compile(r"^[ \t\u3000]+\S")


def join_lead_pipe_lines(lines: list[str]) -> list[str]:
    """Crawler text that writes each cell on its own line after an indented ``|`` (``项目决策`` ⏎
    ``        | 数量指标`` ⏎ ``        | 宣传次数`` …): a row opens at a line with no indent and every
    ``| cell`` line belongs to it; an indented line without ``|`` is the cell before it wrapped
    (``社会效益`` ⏎ ``       指标``). Other documents are returned as they are."""
    piped = [l for l in lines if "|" in l]
    if not piped or sum(bool(LEAD_PIPE.match(l)) for l in piped) < LEAD_PIPE_SHARE * len(piped):
        return lines
    out: list[str] = []
    for line in lines:
        if out and out[-1].strip() and LEAD_PIPE.match(line):
            out[-1] = out[-1].rstrip() + " " + line.strip()
        elif out and out[-1].strip() and INDENTED.match(line) and "|" not in line:
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
    return out


TRAIL_PIPE = re.compile(r"^[^|]*\S[^|]*\|[ \t\u3000]*$")  # "二级指标 |": one cell, closed by its separator
TRAIL_PIPE_SHARE = 0.5  # of the lines with text: so many of that shape make the document that style


def join_wrapped_pipe_cells(lines: list[str]) -> list[str]:
    """Crawler text that closes each cell with `` |`` on its own line: inside the table (after such a
    line) lines without ``|`` are a cell wrapped over lines and join the line that closes it
    (``打造金安国际网球`` ⏎ ``公开赛等系列品牌赛事 |``, ``绩`` ⏎ ``效`` ⏎ ``指`` ⏎ ``标 |``). Others are returned as they are."""
    filled = [l for l in lines if l.strip()]
    if not filled or sum(bool(TRAIL_PIPE.match(l)) for l in filled) < TRAIL_PIPE_SHARE * len(filled):
        return lines
    return _join_cell_lines(
        lines, closes=lambda line, held: bool(TRAIL_PIPE.match(line)), closing=str.strip,
        holds=lambda line, out, held: "|" not in line and bool(line.strip()) and bool(out)
        and out[-1].rstrip().endswith("|") and len(held) < WRAP_LINES_MAX)


def _join_cell_lines(lines: list[str], closes, holds, closing) -> list[str]:
    """Lines of one cell joined: lines ``holds`` keeps wait for the line that ``closes`` them, which ends the
    cell (``closing`` gives what it adds); a table's title or an attachment's number is never part of one."""
    out: list[str] = []
    held: list[str] = []  # lines waiting for the line that closes their cell
    for line in lines:
        if held and closes(line, held) and not any(HEADING_LINE.match(h.strip()) for h in held):
            out.append("".join(h.strip() for h in held) + closing(line))
            held = []
        elif holds(line, out, held):
            held.append(line)
        else:
            out.extend(held)
            held = []
            out.append(line)
    return out + held


WRAP_WIDTH_MIN = 30  # characters of the narrowest hard wrap looked for
WRAPPED_LINES_MIN = 8  # lines as wide as the widest: so many make the text hard-wrapped at that width
# ... and so many times the lines a little narrower: a wrap makes a spike at its width, rows of a table
# whose names happen to be long make a slope (the real forms' rows centred had read 0.916 → 0.910)
WRAP_SPIKE, WRAP_SPIKE_SPAN = 3, 5
WRAPPED_SHARE_MIN = 0.3  # of the lines with text: a wrapped text's lines are mostly full ones


def join_hard_wrapped(lines: list[str]) -> list[str]:
    """Text hard-wrapped at a fixed number of characters (a mail client, ``textwrap``): many lines as long
    as the longest, or one short (a space the wrap fell on dropped), each joined to the line after it —
    where those lines are a spike among the lengths and most of the text, not the top of a slope of table
    rows. None of the ~190 real pages is taken for wrapped. (A terminal browser's dump, wrapped by display
    columns, is not looked for.)"""
    widths = [len(l.rstrip()) for l in lines]
    widest = max(widths, default=0)
    full = [w >= widest - 1 for w in widths]
    near = sum(widest - 1 - WRAP_SPIKE_SPAN <= w < widest - 1 for w in widths)
    filled = sum(1 for w in widths if w)
    if widest < WRAP_WIDTH_MIN or sum(full) < max(WRAPPED_LINES_MIN, WRAP_SPIKE * near, WRAPPED_SHARE_MIN * filled):
        return lines
    out: list[str] = []
    joining = False
    for line, wrapped in zip(lines, full):
        if joining and line.strip():
            out[-1] = out[-1].rstrip() + line.strip()
        else:
            out.append(line)
        joining = wrapped
    return out


CLOSED_ROWS_SHARE = 0.3  # of the lines of two cells or more: so many closed by "|" make the document that style


def join_broken_pipe_rows(lines: list[str]) -> list[str]:
    """``|`` rows that each end with ``|``, where a cell holding a line break (``<br>`` in the page) left a
    row open: the lines after it, up to the one that closes the row with ``|``, continue its last cell
    (``社会成本指标 | 实施项目对社会`` ⏎ ``产生的不利影响 | 定性 | 减少 |``); a line without ``|`` between
    a closed row and the next line with ``|`` opens that line's first cell (``其中实施新造`` ⏎ ``林总面积(亩) | 30000 |``:
    no real page of that style prints such a line of its own there; a goal ``heading:text`` stays one). A row left open before a blank line or the
    text's end (an excerpt cut inside its row) stays as it is, and so does a table's title."""
    rows = [l.rstrip() for l in lines if _pipe_cells(l) >= 2]
    closed = [_pipe_cells(l) for l in rows if l.endswith("|")]
    if len(rows) < 3 or len(closed) < CLOSED_ROWS_SHARE * len(rows):
        return lines
    width = max(closed)  # a row joined wider than any closed row is two rows, not one broken (a | b ⏎ c | d |)
    out: list[str] = []
    k = 0
    while k < len(lines):
        end = k
        if "|" not in lines[k] and lines[k].strip() and out and out[-1].rstrip().endswith("|"):
            end = next((j for j in range(k + 1, min(k + 1 + WRAP_LINES_MAX, len(lines)))
                        if "|" in lines[j] or not lines[j].strip()), k)
            if "|" not in lines[end] or lines[end].lstrip().startswith("|") or _pipe_cells(lines[end]) > width \
                    or not _cell_fragment("".join(l.strip() for l in lines[k:end])):
                end = k  # (a row opening with "|" has no first cell to open)
        if "|" in lines[end] and not lines[end].rstrip().endswith("|"):
            close = next((j for j in range(end + 1, min(end + 1 + WRAP_LINES_MAX, len(lines)))
                          if not lines[j].strip() or lines[j].rstrip().endswith("|")), end)
            if lines[close].strip() and _pipe_cells("".join(lines[k:close + 1])) <= width:
                end = close
        out.append(lines[k].rstrip() + "".join(l.strip() for l in lines[k + 1:end + 1]))
        k = end + 1
    return out


def _cell_fragment(text: str) -> bool:
    """Text that may open a cell whose line broke: no sentence ended, no label with its value
    (``年度目标:完成培训``; ``其中:`` and ``指标2:`` open cells) and no table's title (a line of its own all the same)."""
    return not re.search(r"[。！？；]|^[^:：\d]{3,}[:：]", text) and not HEADING_LINE.match(text)


def _pipe_cells(line: str) -> int:
    """The cells a ``|`` line holds, a bar opening it opening an empty one and a bar closing it none (0 for a
    line without ``|``)."""
    return line.strip().removesuffix("|").count("|") + 1 if "|" in line else 0


LONE_PIPE = re.compile(r"^[ \t\u3000]*\|[ \t\u3000]*$")
LONE_PIPE_SHARE = 0.3  # of the lines with text: so many lone "|" lines make the document that style


def close_cells_at_lone_pipes(lines: list[str]) -> list[str]:
    """Crawler text that writes each cell on its own line(s) and its separator ``|`` on the next
    (``一级`` ⏎ ``指标`` ⏎ ``|`` ⏎ ``产出指标`` ⏎ ``|`` ⏎ ``|`` …): a ``|`` line closes the cell written since the
    last one (its lines joined: a cell wrapped, a label printed vertically), and a ``|`` with nothing
    written since is an empty cell. Measured on the real pages of that style: 308's 9 rows, read as
    nothing before, and 604's labels (一级 ⏎ 指标) whole."""
    filled = [l for l in lines if l.strip()]
    if not filled or sum(bool(LONE_PIPE.match(l)) for l in filled) < LONE_PIPE_SHARE * len(filled):
        return lines
    return _join_cell_lines(
        lines, closes=lambda line, held: bool(LONE_PIPE.match(line)) and len(held) <= WRAP_LINES_MAX,
        closing=lambda line: " |", holds=lambda line, out, held: "|" not in line and bool(line.strip()))


# a line between two tables, never a wrapped cell: a table's title (…绩效目标表) or an attachment's number (附件2)
HEADING_LINE = re.compile(r"^(?:.{4,60}表|附件\s*\d{1,2}[:：]?)$")
NARROW_RUN = 8  # one-cell rows in a row that make a crawler's one-cell-per-line table, not spilled cells
WRAP_LINES_MAX = 6  # lines of one wrapped cell (a label printed a character per line: 绩 ⏎ 效 ⏎ 指 ⏎ 标)


def split_narrow_runs(rows: list[list[str]]) -> list[list[list[str]]]:
    """Rows of one ``|`` run → tables: a run of NARROW_RUN or more one-cell rows (a crawler's one cell
    per line) after or before rows of several cells (a page's own metadata line, 索引号 | … | 发文日期 |)
    is a table of its own; padded to the wide rows' width, its cells would no longer read as a run.
    Rows of empty cells only (``|||||``, a row's end) go with the rows around them."""
    narrow = [len(r) == 1 or not any(r) for r in rows]
    one_cell = [len(r) == 1 for r in rows]
    cuts = [0]
    k = 0
    while k < len(rows):
        if not narrow[k]:
            k += 1
            continue
        end = k
        while end < len(rows) and narrow[end]:
            end += 1
        if sum(one_cell[k:end]) >= NARROW_RUN:
            cuts += [k, end]
        k = end
    cuts.append(len(rows))
    return [rows[a:b] for a, b in zip(cuts, cuts[1:]) if b > a]


def _as_pipes(text: str) -> str:
    """A page whose cells are parted by a full-width or box-drawing bar (｜ │ ┃) and never by ``|``, with
    ``|`` for it: the same separator a crawler writes (62 of the 75 real pages that part cells with ``|``
    had read otherwise when it was ｜)."""
    if "|" in text or not OTHER_BARS.search(text):
        return text
    return OTHER_BARS.sub("|", text)


def text_to_document(text: str) -> Document:
    """Pure: pasted text → Document (one Table per run of multi-cell lines, TextLine otherwise)."""
    text = _as_pipes(text)
    # an indent every line shares (a crawler keeping the page source's indentation, a tab before each
    # pasted line) is no empty cell: only what a line adds to it is
    cleaned = textwrap.dedent("\n".join(clean_line(l) for l in text.splitlines())).split("\n")
    # a viewer's copy prints each page's footer where the page ended: between rows, inside a cell
    cleaned = join_hard_wrapped([l for l in cleaned if not is_page_marker(l)])
    raw_lines = join_broken_pipe_rows(close_cells_at_lone_pipes(join_wrapped_pipe_cells(join_lead_pipe_lines(
        join_quoted_tab_cells(cleaned)))))
    lines = [l for l in raw_lines if not MD_RULE.match(l) or not l.strip()]
    content = [l for l in lines if l.strip()]
    sep = detect_separator(content, paragraph_share(lines))
    unit = _space_unit(content) if sep == "spaces" else 2
    # markdown tables put a border "|" at the start of every row; crawler text starts a row with an
    # empty cell as " | " instead
    bordered = sum(l.lstrip().startswith("|") for l in content) >= 0.8 * len(content)
    blocks: list = []
    rows: list[list[str]] = []

    def flush():
        for part in split_narrow_runs(rows):
            blocks.append(Table.from_rows(part))
        rows.clear()

    for line in lines:
        if not line.strip():
            flush()
            continue
        cells = split_cells(line, sep, unit, bordered)
        if not any(cells) and not (sep == "pipe" and "|" in line):
            flush()  # a line of empty fields (`""`, `,,,`) is a blank line
            continue
        if len(cells) >= 2:
            rows.append(cells)
        elif sep == "pipe" and "|" in line:
            rows.append(cells or [""])  # a crawler's one-cell-per-line row; "|" alone is an empty cell
        else:
            flush()
            blocks.append(TextLine(text=cells[0] if cells else line.strip()))
    flush()
    return Document(blocks=blocks, method="text", pages=None)


def read(path: Path, options=None) -> Document:
    try:
        data = path.read_bytes()
    except OSError as e:
        raise ReadError(f"cannot read the file: {e.strerror}") from None
    if b"\x00" in data[:4096] and not data.startswith((b"\xff\xfe", b"\xfe\xff")):
        raise ReadError("the file is binary, not text, and no reader recognises its type")
    return text_to_document(decode_text(data))
