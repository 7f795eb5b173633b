"""Legacy formats: the Word 97-2003 binary reader, and LibreOffice conversions (DOC, RTF, ODS …)."""
from __future__ import annotations

import shutil
import struct
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from jixiao.extract import ReadOptions, convert, read_converted, read_document
from jixiao.extract.docx import read as read_docx
from jixiao.extract.office_doc import read_doc_bytes
from jixiao.model import ReadError
from office_helpers import SAMPLES, assert_no_overlap, missing_indicators

DOC = SAMPLES / "doc" / "doc_department_target.doc"
DOCX = SAMPLES / "docx" / "docx_department_target.docx"
XLS = SAMPLES / "xls" / "xls_forms.xls"
XLSX = SAMPLES / "xlsx" / "xlsx_forms.xlsx"


def test_doc_binary_reader_gives_the_docx_grid():
    doc = read_document(DOC)
    assert doc.method == "doc"
    assert missing_indicators(doc, DOC.name) == []
    from_docx = read_docx(DOCX)
    assert [t.text_rows() for t in doc.tables()] == [t.text_rows() for t in from_docx.tables()]
    assert [b.text for b in doc.blocks if not hasattr(b, "cells")] == \
        [b.text for b in from_docx.blocks if not hasattr(b, "cells")]
    for table in doc.tables():
        assert_no_overlap(table)


def test_doc_text_box_frame_and_nested_table_read_like_the_docx():
    doc = read_document(SAMPLES / "doc" / "doc_projects.doc")
    assert missing_indicators(doc, "doc_projects.doc") == []
    from_docx = read_docx(SAMPLES / "docx" / "docx_projects.docx")

    def shape(d):
        return [b.text_rows() if hasattr(b, "cells") else b.text for b in d.blocks]

    assert shape(doc) == shape(from_docx)
    assert shape(doc)[0] == "项目支出绩效目标表"  # the text-box title


def test_web_page_saved_with_a_doc_name_is_read_as_html(tmp_path: Path):
    path = tmp_path / "form.doc"
    path.write_text("<html><body><p>项目支出绩效目标表</p><table><tr><td>项目名称</td><td>示例</td></tr></table>"
                    "</body></html>", encoding="utf-8")
    doc = read_document(path)
    assert [b.text_rows() if hasattr(b, "cells") else b.text for b in doc.blocks] == \
        ["项目支出绩效目标表", [["项目名称", "示例"]]]


def test_doc_merges_are_spans():
    doc = read_doc_bytes(DOC.read_bytes())
    [task] = [c for t in doc.tables() for c in t.cells if c.text == "年度主要任务"]
    assert (task.rowspan, task.colspan) == (5, 1)
    [amount] = [c for t in doc.tables() for c in t.cells if c.text == "预算金额（万元）"]
    assert (amount.rowspan, amount.colspan) == (1, 3)


def test_ole_files_with_the_wrong_extension_are_routed_by_content(tmp_path: Path):
    doc_as_xls = tmp_path / "form.xls"
    shutil.copyfile(DOC, doc_as_xls)
    assert read_document(doc_as_xls).method == "doc"
    xls_as_doc = tmp_path / "form.doc"
    shutil.copyfile(XLS, xls_as_doc)
    assert read_document(xls_as_doc).method == "xls"


def _with_fib_flag(data: bytes, flag: int) -> bytes:
    """The same .doc with a FIB flag set (the WordDocument stream starts on a sector boundary)."""
    out = bytearray(data)
    for off in range(512, len(out), 512):
        if out[off:off + 2] == b"\xec\xa5" and struct.unpack_from("<H", out, off + 2)[0] >= 0xC1:
            flags = struct.unpack_from("<H", out, off + 0x0A)[0]
            struct.pack_into("<H", out, off + 0x0A, flags | flag)
            return bytes(out)
    raise AssertionError("no FIB found")


def test_truncated_doc_is_a_clear_error_without_libreoffice(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(convert, "find_soffice", lambda: pytest.fail("LibreOffice must not be asked"))
    path = tmp_path / "cut.doc"
    path.write_bytes(DOC.read_bytes()[:5000])
    with pytest.raises(ReadError, match="damaged or truncated"):
        read_document(path)


def test_password_protected_doc_is_a_clear_error():
    with pytest.raises(ReadError, match="password-protected"):
        read_doc_bytes(_with_fib_flag(DOC.read_bytes(), 0x0100))


def test_missing_soffice_is_a_read_error_not_a_crash(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(convert, "find_soffice", lambda: None)
    path = tmp_path / "form.rtf"
    path.write_text(r"{\rtf1\ansi 2024}", encoding="ascii")
    with pytest.raises(ReadError) as err:
        read_document(path)
    assert str(err.value).startswith("LibreOffice (soffice) is needed to read RTF files and was not found")


def _soffice(source: Path, target: str, outdir: Path) -> Path:
    profile = Path(tempfile.mkdtemp(prefix="jixiao-test-lo-"))
    try:
        subprocess.run(["soffice", f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", target,
                        "--outdir", str(outdir), str(source)], check=True, capture_output=True, timeout=180)
    finally:
        shutil.rmtree(profile, ignore_errors=True)
    return outdir / f"{source.stem}.{target.split(':')[0]}"


@pytest.mark.soffice
def test_doc_through_libreoffice():
    # LibreOffice 7.x flattens a table that follows another one in this .doc into a paragraph,
    # which is why the binary reader comes first; the conversion path must still work
    converted = read_converted(DOC, ReadOptions(), "docx", "doc")
    assert converted.method == "doc"
    direct = read_doc_bytes(DOC.read_bytes())
    assert list(converted.tables())[0].text_rows() == list(direct.tables())[0].text_rows()
    assert [b.text for b in converted.blocks if not hasattr(b, "cells")][:3] == \
        ["部门（单位）整体支出绩效目标表", "（2024年度）", "单位：万元"]


@pytest.mark.soffice
def test_rtf_and_odt_are_converted(tmp_path: Path):
    projects = SAMPLES / "docx" / "docx_projects.docx"
    for ext in ("rtf", "odt"):
        path = _soffice(projects, ext, tmp_path)
        doc = read_document(path)
        assert doc.method == ext
        assert missing_indicators(doc, projects.name) == []


@pytest.mark.soffice
def test_ods_and_et_are_converted(tmp_path: Path):
    ods = _soffice(XLSX, "ods", tmp_path)
    doc = read_document(ods)
    assert doc.method == "ods"
    assert missing_indicators(doc, XLSX.name) == []
    et = tmp_path / "forms.et"  # a Kingsoft ET spreadsheet is an Excel 97 binary
    shutil.copyfile(XLS, et)
    assert read_document(et).method == "et"  # read by the XLS reader, no conversion needed


@pytest.mark.soffice
def test_xml_spreadsheet_named_xls_is_converted(tmp_path: Path):
    path = tmp_path / "export.xls"  # Excel 2003 XML, as some systems export "xls" files
    path.write_text('<?xml version="1.0"?><Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" '
                    'xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Sheet1"><Table>'
                    '<Row><Cell ss:MergeAcross="1"><Data ss:Type="String">项目支出绩效目标表</Data></Cell></Row>'
                    '<Row><Cell><Data ss:Type="String">项目名称</Data></Cell><Cell><Data ss:Type="String">示例</Data></Cell></Row>'
                    '</Table></Worksheet></Workbook>', encoding="utf-8")
    doc = read_document(path)
    assert doc.method == "xls"
    [table] = doc.tables()
    assert table.text_rows() == [["项目支出绩效目标表", "项目支出绩效目标表"], ["项目名称", "示例"]]


@pytest.mark.soffice
def test_parallel_conversions_do_not_collide():
    with ThreadPoolExecutor(max_workers=2) as pool:
        docs = list(pool.map(lambda _: read_converted(DOC, ReadOptions(), "docx", "doc"),
                             range(2)))
    first, second = ([t.text_rows() for t in d.tables()] for d in docs)
    assert first == second and len(first) >= 2


@pytest.mark.soffice
def test_conversion_past_the_timeout_is_stopped():
    with pytest.raises(ReadError, match="took longer than"):
        read_converted(DOC, ReadOptions(timeout=0.05), "docx", "doc")
