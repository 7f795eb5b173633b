"""Sample web pages for the HTML reader's tests, rendered from the synthetic forms.

Part of ``samples/`` (not of the pipeline).

- ``html_disclosure.html`` (UTF-8): a government site page — navigation, headline, prose — with
  two forms (project target, department self-evaluation) as tables with rowspan/colspan, a
  ``<br>`` inside a goal cell, ``<thead>`` header rows, and a layout table around the second form;
- ``html_word_gbk.html`` (GB18030 bytes declared as ``gb2312``): Word's "save as web page" markup —
  ``MsoNormalTable``, ``<o:p>``, ``&nbsp;``, conditional comments, ``mso`` styles, nested spans —
  holding the department target form.

Run ``python -m samples.generators.html`` to regenerate; outputs are committed.
"""
from __future__ import annotations

import html as html_escape
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: its folder must not shadow the stdlib 'html'
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from samples.generators import forms  # noqa: E402
from samples.generators.docx import write_expected  # noqa: E402
from samples.generators.pdf import department_target_layouts, project_target_layout, self_eval_layout  # noqa: E402

SAMPLES = Path(__file__).resolve().parents[1]
HTML_DIR = SAMPLES / "html"


def _esc(text: str) -> str:
    return html_escape.escape(text, quote=False)


def table_html(layout, word: bool = False, thead_rows: int = 0, br_split: str | None = None) -> str:
    """A <table> for a layout; ``word`` renders cells the way Word's HTML export does."""
    cells = layout[1]
    n_rows = max(r + rs for r, _, rs, _, _ in cells)
    by_row: dict[int, list] = {r: [] for r in range(n_rows)}
    for cell in sorted(cells, key=lambda c: (c[0], c[1])):
        by_row[cell[0]].append(cell)
    out = ['<table class="MsoNormalTable" border=1 cellspacing=0 cellpadding=0 style="border-collapse:collapse;'
           'mso-table-layout-alt:fixed">' if word else '<table border="1" cellspacing="0">']
    for r in range(n_rows):
        if r == 0 and thead_rows:
            out.append("<thead>")
        if r == thead_rows and thead_rows:
            out.append("<tbody>")
        out.append("<tr style='mso-yfti-irow:%d'>" % r if word else "<tr>")
        for _, _, rs, cs, text in by_row[r]:
            attrs = (f' rowspan="{rs}"' if rs > 1 else "") + (f' colspan="{cs}"' if cs > 1 else "")
            tag = "th" if r < thead_rows else "td"
            body = _esc(text)
            if br_split and br_split in text:
                head, _, tail = text.partition(br_split)
                body = f"{_esc(head)}<br>{_esc(br_split + tail)}"
            if word:
                body = (f"<p class=MsoNormal align=center style='text-align:center'><span style='font-size:10.5pt;"
                        f"font-family:宋体;mso-bidi-font-family:宋体'><span lang=EN-US>{body or '&nbsp;'}</span>"
                        f"<o:p></o:p></span></p>")
            out.append(f"<{tag}{attrs} valign=middle style='border:solid windowtext 1.0pt;padding:0cm 5.4pt'>"
                       f"{body}</{tag}>")
        out.append("</tr>")
        if r == thead_rows - 1:
            out.append("</thead>")
    if thead_rows:
        out.append("</tbody>")
    out.append("</table>")
    return "\n".join(out)


def disclosure_page() -> str:
    target, self_eval = forms.PROJECT_TARGET, forms.DEPARTMENT_SELF_EVAL
    # the indicator part of the project layout gets a <thead> of its own table
    return f"""<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>示例县2024年绩效目标公开</title>
<style>.nav a{{margin-right:12px}}</style><script>var x = "<table>不是表格</table>";</script></head>
<body>
<div class="nav"><a href="#">首页</a><a href="#">政务公开</a><a href="#">预决算公开</a></div>
<h2>示例县2024年绩效目标公开</h2>
<div class="meta">发布时间：2024-03-01&nbsp;&nbsp;来源：示例县财政局</div>
<p style="display:none">隐藏的文字</p>
<p>根据预算信息公开有关规定，现将相关绩效目标公开如下：</p>
<p align="center"><strong>{_esc(target['title'])}</strong></p>
<p align="center">（{target['year']}年度）</p>
<p align="right">单位：万元</p>
{table_html(project_target_layout(target))}
<p>&nbsp;</p>
<table width="100%"><tr><td>
<p align="center"><b>{_esc(self_eval['title'])}</b></p>
<p align="center">（{self_eval['year']}年度）</p>
{table_html(self_eval_layout(self_eval), br_split="2、")}
</td></tr></table>
<div class="foot">主办单位：示例县人民政府办公室</div>
</body></html>
"""


def word_gbk_page() -> str:
    form = forms.DEPARTMENT_TARGET
    first, indicators = department_target_layouts(form)
    return f"""<html xmlns:v="urn:schemas-microsoft-com:vml" xmlns:o="urn:schemas-microsoft-com:office:office"
xmlns:w="urn:schemas-microsoft-com:office:word" xmlns="http://www.w3.org/TR/REC-html40">
<head>
<meta http-equiv=Content-Type content="text/html; charset=gb2312">
<meta name=ProgId content=Word.Document>
<meta name=Generator content="Microsoft Word 15">
<!--[if gte mso 9]><xml><w:WordDocument><w:View>Print</w:View></w:WordDocument></xml><![endif]-->
<style><!-- p.MsoNormal {{mso-style-parent:""; margin:0cm; font-size:10.5pt;}} --></style>
</head>
<body lang=ZH-CN style='tab-interval:21.0pt'>
<div class=WordSection1 style='layout-grid:15.6pt'>
<p class=MsoNormal align=center style='text-align:center'><b><span style='font-size:16.0pt;font-family:宋体'>
{_esc(form['title'])}<span lang=EN-US><o:p></o:p></span></span></b></p>
<p class=MsoNormal align=center style='text-align:center'><span style='font-family:宋体'>（</span><span
lang=EN-US>{form['year']}</span><span style='font-family:宋体'>年度）<span lang=EN-US><o:p></o:p></span></span></p>
<p class=MsoNormal><![if !supportLists]><span lang=EN-US>&nbsp;</span><![endif]><span style='font-family:宋体'>单位：万元</span></p>
{table_html(first, word=True)}
<p class=MsoNormal><span lang=EN-US><o:p>&nbsp;</o:p></span></p>
{table_html(indicators, word=True, thead_rows=1)}
</div>
</body>
</html>
"""


def build() -> list[Path]:
    HTML_DIR.mkdir(parents=True, exist_ok=True)
    p1 = HTML_DIR / "html_disclosure.html"
    p1.write_text(disclosure_page(), encoding="utf-8")
    write_expected(p1.name, "html", [forms.PROJECT_TARGET, forms.DEPARTMENT_SELF_EVAL])
    p2 = HTML_DIR / "html_word_gbk.html"
    p2.write_bytes(word_gbk_page().encode("gb18030"))
    write_expected(p2.name, "html", [forms.DEPARTMENT_TARGET])
    return [p1, p2]


if __name__ == "__main__":
    for path in build():
        print(path)
