"""The review report (jixiao report) and jixiao.debug.plot, without a browser."""
from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from cell_accounting import process_with_cells, strip_cells
from jixiao.batch.assemble import write_tables
from jixiao.cli import main
from jixiao.pipeline import process_file
from jixiao.report import NoTables, build_report
from jixiao.report.roles import ROLE_COLOUR
from jixiao.report.view import document_view, pages_to_show

ROOT = Path(__file__).resolve().parents[1]
PDF = ROOT / "samples" / "pdf" / "pdf_department_self_eval_calc.pdf"
TEXT = ROOT / "samples" / "text" / "text_self_evals_pipes.txt"
SEEDED = ROOT / "samples" / "checks" / "checks_weights_90.txt"


def overview(dest: Path) -> dict:
    text = (dest / "data" / "overview.js").read_text(encoding="utf-8")
    return json.loads(text.removeprefix("window.JIXIAO_OVERVIEW = ").rstrip().rstrip(";"))


def doc_page(dest: Path, name: str) -> str:
    (page,) = [p for p in (dest / "docs").glob("*.html") if p.name.startswith(name)]
    return page.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def outdir(tmp_path_factory) -> Path:
    """An OUTDIR of a text-layer PDF and a text file whose forms carry a cell accounting, a seeded
    fault read without one, and a PDF that has since been moved away."""
    root = tmp_path_factory.mktemp("report")
    gone = root / "moved.pdf"
    shutil.copy(PDF, gone)
    results = [process_with_cells(PDF), process_with_cells(TEXT), strip_cells(process_file(SEEDED, SEEDED.name)),
               process_file(gone, gone.name)]
    gone.unlink()
    out = root / "out"
    write_tables(results, out, ["parquet", "csv"])
    return out


@pytest.fixture(scope="module")
def report(outdir) -> Path:
    summary = build_report(outdir)
    assert summary.documents == 4 and summary.missing_sources == ["moved.pdf"]
    return outdir / "report"


def test_site_layout_and_overview_rows(report):
    assert (report / "index.html").exists()
    for asset in ("report.css", "document.js", "overview.js"):
        assert (report / "assets" / asset).stat().st_size > 500
    data = overview(report)
    rows = {r[data["cols"].index("source")]: dict(zip(data["cols"], r)) for r in data["rows"]}
    assert rows["checks_weights_90.txt"]["failed_rules"] == ["scores_sum_to_100"]
    assert rows["checks_weights_90.txt"]["fail_sub"] == 1
    assert rows["moved.pdf"]["missing"] == 1
    assert rows[PDF.name]["forms"] == 1 and rows[TEXT.name]["forms"] == 2
    assert "scores_sum_to_100" in data["rules"]
    index = (report / "index.html").read_text(encoding="utf-8")
    assert "财预〔2020〕10号" in index and "1 source files missing" in index


def test_no_external_fetches(report):
    """Everything is local: no http(s) URL in any page, script or stylesheet (the SVG namespace aside)."""
    for p in report.rglob("*"):
        if p.suffix in (".html", ".js", ".css"):
            text = p.read_text(encoding="utf-8").replace("http://www.w3.org/2000/svg", "")
            assert not re.search(r"(?:https?:)?//[a-z0-9.-]+\.[a-z]{2,}", text), p


def test_pdf_page_has_image_and_role_outlines_linked_to_rows(report):
    html = doc_page(report, PDF.name)
    imgs = re.findall(r'<img loading="lazy"[^>]*src="\.\./img/([^"]+)"', html)
    assert len(imgs) == 2  # the form spans pages 1-2
    for name in imgs:
        assert (report / "img" / name).read_bytes()[:3] == b"\xff\xd8\xff"  # JPEG
    assert re.search(r'<svg viewBox="0 0 841\.\d+ 595\.\d+"', html)  # landscape A4 in points
    # a row and its cells share a rec id; every role has its class
    assert 'class="c g-indicator" ' in html and 'data-rec="1:indicator:3"' in html
    assert html.count('data-rec="1:indicator:3"') >= 5  # row + name, levels, target, actual, scores
    assert "g-unread" in html  # the stand-in accounting leaves the 总分 numbers unread
    assert ".g-unread{stroke:#e00000" in html


def test_text_document_is_shown_as_its_grid(report):
    html = doc_page(report, TEXT.name)
    assert "<img" not in html and 'class="grid"' in html
    assert re.search(r'<td class="c gc g-indicator" data-rec="2:indicator:1"[^>]*>职业技能培训人数</td>', html)


def test_without_cells_rows_are_listed_and_missing_sources_reported(report):
    html = doc_page(report, SEEDED.name)
    assert "no cell accounting" in html and 'data-rec="1:indicator:1"' in html
    assert "scores_sum_to_100" in html and "分值 add up to 90" in html
    html = doc_page(report, "moved.pdf")
    assert "the source file is not found at" in html


def test_rebuild_keeps_images_and_reads_csv_alone(outdir, report, tmp_path):
    before = {p.name: p.stat().st_mtime_ns for p in (report / "img").iterdir()}
    build_report(outdir)
    assert {p.name: p.stat().st_mtime_ns for p in (report / "img").iterdir()} == before
    csv_only = tmp_path / "csv"
    csv_only.mkdir()
    for p in outdir.glob("*.csv"):
        shutil.copy(p, csv_only / p.name)
    build_report(csv_only)
    html = doc_page(csv_only / "report", SEEDED.name)
    assert '<td class="st">n/a</td>' in html  # the status n/a stays a string when read from CSV


def test_report_command_and_extract_report(tmp_path, capsys):
    assert main(["report", str(tmp_path)]) == 2  # no tables
    with pytest.raises(NoTables):
        build_report(tmp_path)
    out = tmp_path / "out"
    code = main(["extract", str(SEEDED), "-o", str(out), "--format", "csv", "-q", "--workers", "1", "--report"])
    assert code == 0 and (out / "report" / "index.html").exists()
    assert main(["report", str(out), "--dest", str(tmp_path / "r2"), "--dpi", "72"]) == 0
    with pytest.raises(SystemExit) as exc:
        main(["extract", str(SEEDED), "-o", str(out), "--format", "duckdb", "--report"])
    assert exc.value.code == 2
    assert "review report of 1 documents" in capsys.readouterr().err


def test_document_view_and_pages_to_show():
    doc = {"source": "a.pdf", "status": "ok", "pages": 35}
    forms = [{"form_id": "a.pdf#1", "page_start": 31, "page_end": 32, "needs_review": "True"}]
    inds = [{"form_id": "a.pdf#1", "indicator": "x", "page": 33, "x0": 1, "top": 2, "x1": 3, "bottom": 4}]
    cells = [{"form_id": "a.pdf#1", "record": "indicator:1", "role": "target", "text": "≥5", "page": 34,
              "x0": 1, "top": 2, "x1": 3, "bottom": 4}]
    checks = [{"form_id": "a.pdf#1", "rule": "r", "kind": "extraction", "status": "fail", "detail": "d"}]
    view = document_view(doc, forms, inds, [], [], checks, cells)
    assert view["forms"][0]["indicators"][0]["rec"] == "1:indicator:1"
    assert view["cells"][0]["rec"] == "1:indicator:1" and view["cells"][0]["group"] == "target"
    assert view["needs_review"] == 1 and view["failed_extraction"] == 1
    assert pages_to_show(view, 35) == [31, 32, 33, 34]
    bare = document_view({"source": "b.pdf", "status": "no_forms"}, [], [], [], [], [], [])
    assert pages_to_show(bare, 20) == [1]
    assert pages_to_show({**bare, "status": "failed"}, 20) == []


def _pixels(image) -> set:
    import numpy as np

    return {tuple(p) for p in np.asarray(image.convert("RGB")).reshape(-1, 3).tolist()}


def test_debug_plot_draws_role_colours(monkeypatch):
    import jixiao.debug as debug

    result = process_with_cells(PDF)
    image = debug.plot(PDF, page=1, result=result, dpi=72, highlight="indicator:3")
    assert abs(image.width - 842) <= 1 and abs(image.height - 595) <= 1  # A4 landscape at 72 dpi
    colours = _pixels(image)
    rgb = lambda h: tuple(int(h[i:i + 2], 16) for i in (1, 3, 5))  # noqa: E731
    for role in ("indicator", "level1", "target", "amount"):
        assert rgb(ROLE_COLOUR[role]) in colours, role
    bare = strip_cells(process_file(PDF, PDF.name))  # no cells: the rows' own boxes are drawn, if any
    for r in bare.indicators:
        r.update(x0=100.0, top=100.0, x1=300.0, bottom=120.0, page=1)
    drawn = _pixels(debug.plot(PDF, page=1, result=bare, dpi=72))
    assert rgb(ROLE_COLOUR["indicator"]) in drawn and rgb(ROLE_COLOUR["target"]) not in drawn
    for r in bare.indicators + bare.budget + bare.goals:
        r.update(x0=None)
    plain = debug.plot(PDF, page=1, result=bare, dpi=72)  # no cells, no boxes: the page alone
    assert rgb(ROLE_COLOUR["indicator"]) not in _pixels(plain)
    with pytest.raises(ValueError, match="has no pages"):
        debug.plot(TEXT)


def test_an_old_outdir_with_documents_only(tmp_path):
    """An OUTDIR from before the checks/cells tables (no path column either) still gives a report."""
    (tmp_path / "documents.csv").write_text(
        "source,sha256,format,status,error,pages,forms,indicators,warnings,seconds\n"
        "a.pdf,abc,pdf,failed,the file is empty (0 bytes),,0,0,,0.01\n"
        "b.txt,def,txt,no_forms,,,0,0,,0.02\n", encoding="utf-8")
    summary = build_report(tmp_path)
    assert summary.documents == 2
    data = overview(tmp_path / "report")
    assert [r[data["cols"].index("status")] for r in data["rows"]] == ["failed", "no_forms"]
    assert "the file is empty" in doc_page(tmp_path / "report", "a.pdf")
