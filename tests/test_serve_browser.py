"""``jixiao serve`` in a real browser: Debian's Chromium driven by Playwright (never a downloaded one).

The server runs on a free loopback port in a thread. The page is used as a person would: files
picked and dropped, each followed to its result, the forms read off the page, the language
switched, the review overlay opened, the workbook downloaded and opened with openpyxl. Set
JIXIAO_SCREENSHOTS=DIR to keep the upload and result pages' screenshots (``make screenshots``
writes them to docs/).
"""
from __future__ import annotations

import time
from pathlib import Path

import openpyxl
import pytest

from jixiao.serve.settings import ServeSettings
from serve_helpers import running_server

from browser_helpers import screenshots

pytestmark = pytest.mark.browser

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "seed" / "bazhou_ecology_2022_department_target.txt"
DOCX = ROOT / "samples" / "docx" / "docx_projects.docx"
BAD = ROOT / "samples" / "bad" / "bad_not_a_zip.docx"
PDF = ROOT / "samples" / "pdf" / "pdf_department_self_eval_calc.pdf"
FINISHED = "['done','failed','rejected']"


@pytest.fixture(scope="module")
def base():
    with running_server() as (url, _):
        yield url


def _page(browser, base, width=1280, height=800):
    context = browser.new_context(viewport={"width": width, "height": height}, accept_downloads=True, locale="zh-CN")
    page = context.new_page()
    errors: list[str] = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("request", lambda r: errors.append(f"network: {r.url}") if not r.url.startswith(base) else None)
    page.goto(base + "/")
    page.wait_for_selector("body[data-ready='1']")
    return page, errors


def _wait_for(page, script: str, arg=None, timeout: float = 120) -> None:
    """Poll ``script`` (a JS function) from here: the page's CSP forbids the eval Playwright's own waiting uses."""
    deadline = time.monotonic() + timeout
    while not page.evaluate(script, arg):
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {script}")
        page.wait_for_timeout(100)


def _wait_all(page, n: int) -> None:
    _wait_for(page, "n => { const l = [...document.querySelectorAll('li.file')]; return l.length === n && "
                    f"l.every(li => {FINISHED}.includes(li.dataset.status) && "
                    "(li.dataset.status === 'rejected' || li.dataset.ready === '1')); }", n)


def _saved(download, folder: Path) -> Path:
    target = folder / download.suggested_filename
    download.save_as(target)
    return target


def _card(page, name: str):
    return page.locator("li.file", has=page.locator(".name", has_text=name))


def test_pick_files_read_the_forms_and_download_the_workbook(browser, base, tmp_path):
    page, errors = _page(browser, base)
    assert page.locator("#drop").is_visible() and page.locator("#batch").is_hidden()
    assert "把文件拖到这里" in page.inner_text("#drop")
    if screenshots():
        page.screenshot(path=str(screenshots() / "serve-upload.png"))
    page.set_input_files("#pick", [str(SEED), str(DOCX), str(BAD)])
    _wait_all(page, 3)

    seed = _card(page, SEED.name)
    assert seed.get_attribute("data-status") == "done" and seed.locator(".status").inner_text() == "完成"
    sheet = seed.locator("table.sheet")
    assert sheet.locator(".s-title").inner_text() == "2022年度部门（单位）整体支出绩效目标表"
    level1 = sheet.locator("td[data-key='level1']").first
    assert level1.inner_text() == "产出指标" and level1.get_attribute("rowspan") == "22"
    targets = sheet.locator("td[data-key='target_raw']").all_inner_texts()
    assert len(targets) == 28 and targets[0] == "≥204人"
    assert sheet.locator("td[data-key='value']").first.inner_text() == "204"
    assert seed.locator(".issues .ok").inner_text() == "检查全部通过"

    docx = _card(page, DOCX.name)
    assert docx.locator("section.formview").count() == 2
    assert "level1_cost_present" in docx.locator("ul.fails").first.inner_text()

    bad = _card(page, BAD.name)
    assert bad.get_attribute("data-status") == "failed"
    assert bad.locator(".msg.bad").inner_text().startswith("读取失败：the file is not a valid DOCX file")

    if screenshots():
        page.evaluate("window.scrollTo(0, 0)")
        page.screenshot(path=str(screenshots() / "serve-result.png"), full_page=True,
                        clip={"x": 0, "y": 0, "width": 1280, "height": 1500})

    # the batch's form-shaped workbook: a sheet per form of every file that had forms
    with page.expect_download() as got:
        page.click("a.dl[data-kind='forms-xlsx']")
    download = got.value
    assert download.suggested_filename == "jixiao-forms.xlsx"
    wb = openpyxl.load_workbook(_saved(download, tmp_path))
    assert wb.sheetnames[0] == "1 新疆巴州生态环境局" and len(wb.sheetnames) == 3
    ws = wb[wb.sheetnames[0]]
    cells = {(c.row, c.column): c.value for row in ws.iter_rows() for c in row if c.value is not None}
    head = next(r for (r, col), v in cells.items() if v == "一级指标")
    assert [cells.get((head + 1, col)) for col in range(1, 8)] == ["产出指标", "数量指标", "保障办公人员数量", "≥204人",
                                                                  "≥", 204, "人"]
    assert f"A{head + 1}:A{head + 22}" in {str(r) for r in ws.merged_cells.ranges}
    # and one file's own workbook
    with page.expect_download() as got:
        seed.locator("a.dl-file").click()
    assert got.value.suggested_filename == "bazhou_ecology_2022_department_target-forms.xlsx"
    assert openpyxl.load_workbook(_saved(got.value, tmp_path)).sheetnames == ["1 新疆巴州生态环境局"]
    with page.expect_download() as got:
        page.click("a.dl[data-kind='zip']")
    assert got.value.suggested_filename == "jixiao.zip"
    assert errors == []


def test_english_switch(browser, base):
    page, errors = _page(browser, base)
    page.set_input_files("#pick", [str(SEED), str(BAD)])
    _wait_all(page, 2)
    page.click("#lang")
    assert page.locator("#lang").inner_text() == "中文"
    assert "Drop files here" in page.inner_text("#drop")
    assert _card(page, SEED.name).locator(".status").inner_text() == "Done"
    assert _card(page, SEED.name).locator(".issues .ok").inner_text() == "All checks passed"
    assert _card(page, BAD.name).locator(".msg.bad").inner_text().startswith("Could not read: ")
    assert page.evaluate("document.documentElement.lang") == "en"
    page.reload()  # the choice is remembered, and so is the batch (its id is in the address)
    page.wait_for_selector("body[data-ready='1']")
    _wait_all(page, 2)
    assert "Drop files here" in page.inner_text("#drop")
    assert _card(page, SEED.name).locator(".status").inner_text() == "Done"
    page.click("#lang")
    assert errors == []


def test_drop_a_file_and_check_it_on_its_pages(browser, base):
    page, errors = _page(browser, base)
    data = list(PDF.read_bytes())
    page.evaluate("""([name, bytes]) => {
        const dt = new DataTransfer();
        dt.items.add(new File([new Uint8Array(bytes)], name, {type: "application/pdf"}));
        const drop = document.getElementById("drop");
        drop.dispatchEvent(new DragEvent("dragover", {dataTransfer: dt, bubbles: true, cancelable: true}));
        drop.dispatchEvent(new DragEvent("drop", {dataTransfer: dt, bubbles: true, cancelable: true}));
    }""", [PDF.name, data])
    _wait_all(page, 1)
    card = _card(page, PDF.name)
    assert card.locator("section.formview").count() == 1
    card.locator("details.overlay summary").click()
    frame = card.frame_locator("iframe.review")
    frame.locator("figure.page img").first.wait_for()
    assert frame.locator("figure.page img").count() == 2
    assert frame.locator("a.home").is_hidden()
    row = frame.locator("#rows tr[data-rec='1:indicator:3']")
    assert "救助资金发放准确率" in row.inner_text()
    row.click()
    assert frame.locator("body").get_attribute("data-highlight") == "cells:6"
    assert errors == []


@pytest.mark.parametrize("width,height", [(1280, 800), (768, 1024)])
def test_fits_a_laptop_and_a_tablet(browser, base, width, height):
    page, errors = _page(browser, base, width, height)
    page.set_input_files("#pick", [str(SEED)])
    _wait_all(page, 1)
    overflow = page.evaluate("document.documentElement.scrollWidth - document.documentElement.clientWidth")
    assert overflow <= 0  # wide forms scroll inside their own box, not the page
    for selector in ("#pick + *, label[for=pick]", "a.dl[data-kind='forms-xlsx']", "#lang"):
        box = page.locator(selector).first.bounding_box()
        assert box and box["height"] >= 32 and box["x"] + box["width"] <= width  # touchable, on screen
    assert errors == []


def test_a_file_over_the_limit_is_refused_on_the_page(browser):
    with running_server(ServeSettings(max_upload_mb=0.002)) as (url, _):
        page, errors = _page(browser, url)
        small = ROOT / "samples" / "text" / "text_project_target_spaces.txt"  # 1.2 KB: under the 2 KB limit
        page.set_input_files("#pick", [str(SEED), str(small)])
        _wait_all(page, 2)
        assert _card(page, SEED.name).get_attribute("data-status") == "rejected"
        assert _card(page, SEED.name).locator(".msg.bad").inner_text() == "文件太大（5.3 KB），上限 0.002 MB。"
        assert _card(page, small.name).get_attribute("data-status") == "done"
        assert errors == []
