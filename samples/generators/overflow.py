"""A text-layer PDF whose wrapped cells overflow into the neighbouring row bands.

Part of ``samples/`` (not of the pipeline). A sheet converted to PDF keeps the row heights the sheet
had: a long 三级 name or target wraps onto more lines than its row holds, and — text vertically
centred, nothing clipped — its first line is printed across the rule into the band of the row above
and its last line into the band of the row below. A reader that gives each character to the cell
under it reads half a name in the wrong row.

The page is an HTML table printed by Debian's Chromium (``chromium --headless --print-to-pdf``):
every row has the same fixed height, every cell a fixed-height box whose text overflows visibly.
The forms are the real Hunan and Shanghai forms (``forms.W05_TOURISM``, ``forms.R01_FACILITIES``).

Run ``python samples/generators/overflow.py`` (needs ``/usr/bin/chromium``); the output is committed.
"""
from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

import html  # noqa: E402  (after the path fix: samples/generators/html.py is no stdlib)

from samples.generators import forms as F  # noqa: E402
from samples.generators.real import pdf_pages, r01_layout, write_expected  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1]
CHROMIUM = "/usr/bin/chromium"
PT_MM = 25.4 / 72
FONT_PT = 10.5
LINE_MM = 4.6  # line pitch of wrapped text
TIGHT_MM = 1.8 * LINE_MM  # a row not fitted to a three-line cell: its first and last lines print across the rules
PAD_MM = 0.6 * LINE_MM  # padding of the rows that were fitted (their text keeps clear of the rules)
WIDTHS_MM = [18, 24, 30, 14.2, 26, 14.2, 13, 26.5]  # 三级 over three columns, 指标值 over two; amounts in 4 and 7

STYLE = f"""
@page {{ size: A4; margin: 15mm 12mm; }}
body {{ font-family: "Noto Sans CJK SC", sans-serif; font-size: {FONT_PT}pt; }}
h3 {{ text-align: center; font-size: 14pt; margin: 0 0 4mm 0; }}
table {{ border-collapse: collapse; table-layout: fixed; width: {sum(WIDTHS_MM)}mm; }}
td {{ border: 0.6pt solid #000; padding: {PAD_MM}mm 1mm; vertical-align: middle; line-height: {LINE_MM}mm; }}
td.tight {{ padding: 0 1mm; height: {TIGHT_MM}mm; }}
td.tight > div {{ height: {TIGHT_MM}mm; overflow: visible; display: flex; align-items: center; }}
"""


def _lines(text: str, width_mm: float) -> int:
    """Lines the text wraps onto in a cell this wide (CJK one em, Latin and digits about half)."""
    ems = sum(0.55 if ord(ch) < 128 else 1.0 for ch in text)
    per_line = (width_mm - 2.0) / (FONT_PT * PT_MM)
    return max(1, -(-ems // per_line)) if text else 1


def table_html(layout, widths_mm: list[float], first_tight_row: int) -> str:
    """The layout's cells as a table; from ``first_tight_row`` on, a row holding a three-line cell
    keeps a height under two lines (not fitted), every other row is fitted with padding."""
    cells = layout[1]
    n_rows = max(r + rs for r, _, rs, _, _ in cells)
    rows: dict[int, list] = {r: [] for r in range(n_rows)}
    for cell in sorted(cells, key=lambda c: (c[0], c[1])):
        rows[cell[0]].append(cell)
    tight = {r for r, c, rs, cs, text in cells
             if r >= first_tight_row and rs == 1 and _lines(text, sum(widths_mm[c:c + cs])) >= 3}
    cols = "".join(f'<col style="width:{w}mm">' for w in widths_mm)
    out = [f"<table><colgroup>{cols}</colgroup>"]
    for r in range(n_rows):
        out.append("<tr>")
        for _, _, rs, cs, text in rows[r]:
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            body = html.escape(text.replace("\n", ""), quote=False)
            if r in tight and rs == 1:
                out.append(f'<td class="tight"{attrs}><div>{body}</div></td>')
            else:
                out.append(f"<td{attrs}>{body}</td>")
        out.append("</tr>")
    out.append("</table>")
    return "\n".join(out)


def page_html() -> str:
    form = F.R01_WORK
    layout = r01_layout(form, title_rows=False)
    header_row = next(r for r, c, rs, cs, text in layout[1] if text == "一级指标")
    return f"""<!DOCTYPE html><html lang="zh-CN"><head><meta charset="utf-8"><style>{STYLE}</style></head><body>
<h3>{html.escape(form["title"])}（{form["year"]}年度）</h3>
{table_html(layout, WIDTHS_MM, header_row + 1)}
</body></html>
"""


def print_pdf(page: str, out: Path) -> Path:
    with tempfile.TemporaryDirectory(prefix="jixiao-overflow-") as tmp:
        src = Path(tmp) / "page.html"
        src.write_text(page, encoding="utf-8")
        subprocess.run([CHROMIUM, "--headless", "--no-sandbox", "--disable-gpu", "--no-pdf-header-footer",
                        f"--user-data-dir={tmp}/profile", f"--print-to-pdf={out}", src.as_uri()],
                       check=True, capture_output=True, timeout=120)
    return out


def build() -> list[Path]:
    out = SAMPLES / "pdf" / "pdf_real_overflow_rows.pdf"
    print_pdf(page_html(), out)
    write_expected(out.name, "pdf", [F.R01_WORK], pages=pdf_pages(out, [F.R01_WORK]))
    return [out]


if __name__ == "__main__":
    for path in build():
        print(path)
