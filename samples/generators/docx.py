"""Sample DOCX files for the DOCX reader's tests, rendered from the synthetic forms.

Part of ``samples/`` (not of the pipeline). python-docx writes real Word merges (``w:vMerge``
restart/continue, ``w:gridSpan``); the XML is then touched up where python-docx has no API:

- ``docx_department_target.docx``: title paragraphs, a header/budget table, and the indicator
  table split in two tables that both start with the header row (marked ``w:tblHeader``); the
  first part also repeats that header row in its middle (as a page-break repeat pasted as text);
- ``docx_projects.docx``: a project target form whose title sits in a text box, its goals and
  indicators inside a one-cell frame table (nested tables), then a project self-evaluation form
  with a small nested note table inside a cell, and a distractor budget table;
- ``bad_not_a_zip.docx``: HTML saved with a .docx name; ``bad_encrypted.docx``: an encrypted
  (password-protected) Office container.

Run ``python -m samples.generators.docx`` to regenerate; outputs are committed.
"""
from __future__ import annotations

import copy
import json
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: its folder must not shadow python-docx's 'docx'
    sys.path[:] = [p for p in sys.path if Path(p or ".").resolve() != Path(__file__).resolve().parent]
    sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from samples.generators import forms  # noqa: E402
from samples.generators.pdf import (department_target_layouts, distractor_layout,  # noqa: E402
                                    project_target_layout, self_eval_layout)

SAMPLES = Path(__file__).resolve().parents[1]
DOCX_DIR = SAMPLES / "docx"
BAD_DIR = SAMPLES / "bad"  # files that must fail, kept out of `make run`
EXPECTED_DIR = SAMPLES / "expected"
TEXTBOX_TITLE = "项目支出绩效目标表"
NESTED_NOTE = [["说明", "数据来源"], ["自评口径", "财务年报"]]


def new_document():
    from docx import Document
    from docx.oxml.ns import qn

    doc = Document()
    style = doc.styles["Normal"]
    style.font.name = "Noto Serif CJK SC"
    style.element.rPr.rFonts.set(qn("w:eastAsia"), "Noto Serif CJK SC")
    return doc


def para(container, text: str, bold: bool = False, center: bool = False):
    from docx.enum.text import WD_ALIGN_PARAGRAPH

    p = container.add_paragraph()
    run = p.add_run(text)
    run.bold = bold
    if center:
        p.alignment = WD_ALIGN_PARAGRAPH.CENTER
    return p


def add_table(container, layout, header_rows: int = 0):
    """A table from a layout ``(n_cols, cells, _, _)`` with python-docx merges; rows < header_rows
    get ``w:tblHeader``."""
    from docx.oxml import OxmlElement
    from docx.oxml.ns import qn

    n_cols, cells = layout[0], layout[1]
    n_rows = max(r + rs for r, _, rs, _, _ in cells)
    table = container.add_table(rows=n_rows, cols=n_cols)
    table.style = "Table Grid"
    for r, c, rs, cs, text in cells:
        cell = table.cell(r, c)
        if rs > 1 or cs > 1:
            cell = cell.merge(table.cell(r + rs - 1, c + cs - 1))
        lines = text.split("\n")
        cell.text = lines[0]
        for line in lines[1:]:
            cell.add_paragraph(line)
    for r in range(header_rows):
        el = OxmlElement("w:tblHeader")
        el.set(qn("w:val"), "true")
        table.rows[r]._tr.get_or_add_trPr().append(el)
    return table


def split_indicator_layout(layout, at: int):
    """The indicator layout (header row 0, indicators 1..n) cut before indicator ``at``: two layouts
    that both start with the header row; merged level cells are cut at the split."""
    n_cols, cells = layout[0], layout[1]
    header = [c for c in cells if c[0] == 0]
    first, second = list(header), list(header)
    for r, c, rs, cs, text in cells:
        if r == 0:
            continue
        end = r + rs
        if end <= at + 1:
            first.append((r, c, rs, cs, text))
        elif r >= at + 1:
            second.append((r - at, c, rs, cs, text))
        else:  # crosses the split: both parts show the label
            first.append((r, c, at + 1 - r, cs, text))
            second.append((1, c, end - (at + 1), cs, text))
    return (n_cols, first, 1, {}), (n_cols, second, 1, {})


def repeat_header_row(table, after_row: int) -> None:
    """Copy the table's first row (the header) to after row ``after_row`` (a repeat mid-table)."""
    header = table.rows[0]._tr
    target = table.rows[after_row]._tr
    target.addnext(copy.deepcopy(header))


def textbox_paragraph(doc, text: str):
    """A paragraph holding a DrawingML text box (with its VML fallback copy) showing ``text``."""
    from docx.oxml import parse_xml

    xml = f"""
<w:p xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"
     xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006"
     xmlns:wp="http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing"
     xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main"
     xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape"
     xmlns:v="urn:schemas-microsoft-com:vml">
 <w:r><mc:AlternateContent>
  <mc:Choice Requires="wps"><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0">
   <wp:extent cx="4000000" cy="400000"/><wp:docPr id="11" name="TextBox 1"/>
   <a:graphic><a:graphicData uri="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">
    <wps:wsp><wps:cNvSpPr txBox="1"/><wps:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="4000000" cy="400000"/></a:xfrm>
     <a:prstGeom prst="rect"><a:avLst/></a:prstGeom></wps:spPr>
     <wps:txbx><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></wps:txbx>
     <wps:bodyPr/></wps:wsp></a:graphicData></a:graphic></wp:inline></w:drawing></mc:Choice>
  <mc:Fallback><w:pict><v:shape style="width:300pt;height:30pt"><v:textbox><w:txbxContent><w:p><w:r><w:t>{text}</w:t></w:r></w:p></w:txbxContent></v:textbox></v:shape></w:pict></mc:Fallback>
 </mc:AlternateContent></w:r>
</w:p>"""
    placeholder = doc.add_paragraph()._p  # python-docx keeps body order before the section properties
    placeholder.addnext(parse_xml(xml))
    placeholder.getparent().remove(placeholder)


def department_target_docx(path: Path) -> None:
    form = forms.DEPARTMENT_TARGET
    doc = new_document()
    para(doc, form["title"], bold=True, center=True)
    para(doc, f"（{form['year']}年度）", center=True)
    para(doc, "单位：万元")
    first, indicators = department_target_layouts(form)
    add_table(doc, first)
    para(doc, "")
    part1, part2 = split_indicator_layout(indicators, at=6)
    t1 = add_table(doc, part1, header_rows=1)
    repeat_header_row(t1, after_row=3)  # a pasted page-break repeat inside the table
    para(doc, "")
    add_table(doc, part2, header_rows=1)
    doc.save(path)


def projects_docx(path: Path) -> None:
    doc = new_document()
    # 1. project target: title in a text box; the form inside a one-cell frame table
    form = forms.PROJECT_TARGET
    textbox_paragraph(doc, TEXTBOX_TITLE)
    para(doc, f"（{form['year']}年度）", center=True)
    frame = doc.add_table(rows=1, cols=1)
    frame_cell = frame.cell(0, 0)
    frame_cell.paragraphs[0].add_run("单位：万元")
    add_table(frame_cell, project_target_layout(form))
    para(doc, "")
    # 2. project self-evaluation with a small note table nested in its last cell
    form = forms.PROJECT_SELF_EVAL
    para(doc, form["title"], bold=True, center=True)
    para(doc, f"（{form['year']}年度）", center=True)
    table = add_table(doc, self_eval_layout(form))
    last = table.rows[-1].cells[-1]
    inner = last.add_table(rows=2, cols=2)
    for r, row in enumerate(NESTED_NOTE):
        for c, text in enumerate(row):
            inner.cell(r, c).text = text
    para(doc, "")
    para(doc, "2023年收支预算总表", bold=True, center=True)
    add_table(doc, distractor_layout())
    doc.save(path)


def write_expected(name: str, fmt: str, form_list: list[dict]) -> Path:
    EXPECTED_DIR.mkdir(parents=True, exist_ok=True)
    out = EXPECTED_DIR / f"{name}.json"
    out.write_text(json.dumps(forms.expected(name, fmt, form_list), ensure_ascii=False, indent=1) + "\n",
                   encoding="utf-8")
    return out


def encrypted_office_container(path: Path) -> None:
    """An OLE compound file holding EncryptionInfo/EncryptedPackage streams: what Office writes for a
    password-protected DOCX/XLSX (contents are random here: only the container matters)."""
    import random
    import struct

    rng = random.Random(5)
    streams = [("EncryptionInfo", bytes(rng.randrange(256) for _ in range(4096))),
               ("EncryptedPackage", bytes(rng.randrange(256) for _ in range(8192)))]
    sector = 512
    data_sectors: list[bytes] = []
    starts = []
    for _, payload in streams:
        starts.append(len(data_sectors) + 1)  # sector 0 is the directory
        for off in range(0, len(payload), sector):
            data_sectors.append(payload[off:off + sector].ljust(sector, b"\0"))
    n_sectors = 1 + len(data_sectors) + 1  # directory + data + one FAT sector
    fat_index = n_sectors - 1
    fat = [0xFFFFFFFE]  # directory chain
    for (_, payload), start in zip(streams, starts):
        count = len(payload) // sector
        fat += [start + i + 1 for i in range(count - 1)] + [0xFFFFFFFE]
    fat.append(0xFFFFFFFD)  # the FAT sector itself
    fat += [0xFFFFFFFF] * (sector // 4 - len(fat))

    def entry(name: str, kind: int, child: int, right: int, start: int, size: int) -> bytes:
        raw = name.encode("utf-16-le") + b"\0\0"
        return (raw.ljust(64, b"\0") + struct.pack("<HBB", len(raw), kind, 1) +
                struct.pack("<iii", -1, right, child) + b"\0" * 16 + b"\0" * 4 + b"\0" * 16 +
                struct.pack("<IQ", start, size))

    directory = (entry("Root Entry", 5, 1, -1, 0xFFFFFFFE, 0) +
                 entry(streams[0][0], 2, -1, 2, starts[0], len(streams[0][1])) +
                 entry(streams[1][0], 2, -1, -1, starts[1], len(streams[1][1])) +
                 b"\0" * 128)
    header = bytearray(512)
    header[:8] = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"
    struct.pack_into("<HHHH", header, 0x18, 0x3E, 3, 0xFFFE, 9)
    struct.pack_into("<H", header, 0x20, 6)
    struct.pack_into("<IIII", header, 0x2C, 1, 0, 0, 4096)
    struct.pack_into("<IIII", header, 0x3C, 0xFFFFFFFE, 0, 0xFFFFFFFE, 0)
    difat = [fat_index] + [0xFFFFFFFF] * 108
    struct.pack_into("<109I", header, 0x4C, *difat)
    body = directory + b"".join(data_sectors) + struct.pack(f"<{sector // 4}I", *fat)
    path.write_bytes(bytes(header) + body)


def build() -> list[Path]:
    DOCX_DIR.mkdir(parents=True, exist_ok=True)
    BAD_DIR.mkdir(parents=True, exist_ok=True)
    written = []
    p = DOCX_DIR / "docx_department_target.docx"
    department_target_docx(p)
    write_expected(p.name, "docx", [forms.DEPARTMENT_TARGET])
    written.append(p)
    p = DOCX_DIR / "docx_projects.docx"
    projects_docx(p)
    write_expected(p.name, "docx", [forms.PROJECT_TARGET, forms.PROJECT_SELF_EVAL])
    written.append(p)
    p = BAD_DIR / "bad_not_a_zip.docx"
    p.write_text("<html><body>这不是一个Word文档</body></html>\n", encoding="utf-8")
    written.append(p)
    p = BAD_DIR / "bad_encrypted.docx"
    encrypted_office_container(p)
    written.append(p)
    return written


if __name__ == "__main__":
    for path in build():
        print(path)
