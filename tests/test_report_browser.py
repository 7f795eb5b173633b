"""The review report in a real browser: Debian's Chromium driven by Playwright (never a downloaded one).

Opens the overview from disk (file://), filters and sorts it, follows a document's link, clicks an
indicator row and checks that exactly that row's cells are highlighted on the page image. Set
JIXIAO_SCREENSHOTS=DIR to keep the two screenshots (``make screenshots`` writes them to docs/).
"""
from __future__ import annotations

from pathlib import Path

import pytest

from cell_accounting import process_with_cells, strip_cells
from jixiao.batch.assemble import write_tables
from jixiao.pipeline import process_file
from jixiao.report import build_report

from browser_helpers import CHROMIUM, screenshots

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"


@pytest.fixture(scope="module")
def site(tmp_path_factory) -> Path:
    out = tmp_path_factory.mktemp("browser") / "out"
    with_cells = [SAMPLES / "pdf" / "pdf_department_self_eval_calc.pdf", SAMPLES / "pdf" / "pdf_disclosure_multi_form.pdf",
                  SAMPLES / "text" / "text_self_evals_pipes.txt", SAMPLES / "xlsx" / "xlsx_forms.xlsx"]
    plain = sorted((SAMPLES / "checks").glob("*.txt")) + [SAMPLES / "text" / "text_project_target_spaces.txt"]
    results = [process_with_cells(p) for p in with_cells] + [strip_cells(process_file(p, p.name)) for p in plain]
    boxed = process_with_cells(SAMPLES / "pdf" / "pdf_department_target_long.pdf")
    results.append(strip_cells(boxed, keep_row_boxes=True))
    paged = SAMPLES / "pdf" / "pdf_project_target_split_row.pdf"
    results.append(strip_cells(process_file(paged, paged.name), drop_row_boxes=True))
    write_tables(results, out, ["parquet"])
    build_report(out)
    return out / "report"


def _page(browser):
    page = browser.new_page(viewport={"width": 1400, "height": 900})
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("requestfailed", lambda r: errors.append(f"request failed: {r.url}"))
    page.on("request", lambda r: errors.append(f"network: {r.url}") if not r.url.startswith("file://") else None)
    return page, errors


def test_overview_filters_sorts_and_links(site, browser):
    page, errors = _page(browser)
    page.goto(site.joinpath("index.html").as_uri())
    page.wait_for_selector("body[data-ready='1']")
    assert page.locator("#tbody tr").count() == 12
    page.check("#fails")
    assert page.locator("#tbody tr").count() == 7  # four seeded faults + three forms without a 成本 一级
    page.uncheck("#fails")
    page.select_option("#rule", "funding_adds_up")
    assert page.locator("#tbody tr").all_inner_texts()[0].startswith("checks_funding_mismatch.txt")
    page.select_option("#rule", "")
    page.fill("#q", "示例区民政局")
    page.wait_for_function("document.querySelectorAll('#tbody tr').length === 3")
    page.fill("#q", "")
    page.wait_for_function("document.querySelectorAll('#tbody tr').length === 12")
    page.click("th[data-k='indicators']")
    page.click("th[data-k='indicators']")  # descending
    assert page.locator("#tbody tr").first.get_attribute("data-source") == "xlsx_forms.xlsx"
    if screenshots():
        page.set_viewport_size({"width": 1400, "height": 640})
        page.screenshot(path=str(screenshots() / "report-overview.png"))
    page.click("a:text('pdf_department_self_eval_calc.pdf')")
    page.wait_for_selector("#rows")
    assert page.url.endswith(".html") and "/docs/" in page.url
    assert errors == []


def test_click_on_a_row_highlights_its_cells(site, browser):
    page, errors = _page(browser)
    (doc,) = site.joinpath("docs").glob("pdf_department_self_eval_calc.pdf-*.html")
    page.goto(doc.as_uri())
    page.wait_for_load_state("load")
    assert page.locator("figure.page img").count() == 2
    row = page.locator("#rows tr[data-rec='1:indicator:3']")
    assert "救助资金发放准确率" in row.inner_text()
    row.click()
    assert page.locator("body").get_attribute("data-highlight") == "cells:6"
    lit = page.locator("#pages rect.hl")
    assert lit.count() == 6
    assert set(lit.evaluate_all("els => els.map(e => e.dataset.rec)")) == {"1:indicator:3"}
    titles = lit.evaluate_all("els => els.map(e => e.querySelector('title').textContent)")
    assert any(t.startswith("indicator") and "救助资金发放准确率" in t for t in titles)
    assert any(t.startswith("target") and "100%" in t for t in titles)
    # the highlighted boxes are on screen, over the page image
    box = lit.first.bounding_box()
    img = page.locator("figure#p1 img").bounding_box()
    assert box and img and img["x"] <= box["x"] <= img["x"] + img["width"] and 0 <= box["y"] <= 900
    assert page.locator("#rows tr.sel").count() == 1
    # a click on a cell selects its row
    page.locator("#pages rect[data-rec='1:budget:1']").first.click(force=True)
    assert page.locator("#rows tr.sel").get_attribute("data-rec") == "1:budget:1"
    if screenshots():
        row.click()
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(screenshots() / "report-document.png"))
    assert errors == []


def test_rows_without_cells_fall_back_to_their_box_then_page(site, browser):
    page, errors = _page(browser)
    (doc,) = site.joinpath("docs").glob("pdf_department_target_long.pdf-*.html")
    page.goto(doc.as_uri())
    page.locator("#rows tr[data-rec='1:indicator:2']").click()
    assert page.locator("body").get_attribute("data-highlight") == "row"
    assert page.locator("#pages rect.rowbox").count() == 1
    (doc,) = site.joinpath("docs").glob("pdf_project_target_split_row.pdf-*.html")
    page.goto(doc.as_uri())
    page.locator("#rows tr[data-rec='1:indicator:2']").click()  # a page but no box: the page flashes
    assert page.locator("body").get_attribute("data-highlight") == "page"
    assert page.locator("figure.flash").count() == 1
    (doc,) = site.joinpath("docs").glob("checks_weights_90.txt-*.html")
    page.goto(doc.as_uri())
    page.locator("#rows tr[data-rec='1:indicator:1']").click()
    assert page.locator("body").get_attribute("data-highlight") == "none"
    assert page.locator("#rows tr.sel").count() == 1
    assert errors == []


def test_grid_view_of_a_text_document(site, browser):
    page, errors = _page(browser)
    (doc,) = site.joinpath("docs").glob("text_self_evals_pipes.txt-*.html")
    page.goto(doc.as_uri())
    page.locator("#rows tr[data-rec='2:indicator:1']").click()
    lit = page.locator("#pages td.hl")
    assert lit.count() >= 4 and "职业技能培训人数" in lit.all_inner_texts()
    assert errors == []


def test_chromium_is_debians(browser):
    """The browser is the system's Chromium: its version is the one /usr/bin/chromium reports."""
    import subprocess

    out = subprocess.run([CHROMIUM, "--version"], capture_output=True, text=True, timeout=60).stdout
    assert browser.version.split(".")[0] in out
