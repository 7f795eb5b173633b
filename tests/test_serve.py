"""``jixiao serve`` without a browser: a real uvicorn server on a loopback port, driven with httpx.

The API (batches, uploads, status, results, downloads), the limits (size, type, decompression
bombs, time), traversal (names and URLs), cleanup (uploads deleted once read, batches on expiry
and on request), the loopback rule and the interface strings.
"""
from __future__ import annotations

import io
import re
import struct
import zipfile
import zlib
from pathlib import Path

import duckdb
import httpx
import openpyxl
import pytest

from jixiao.cli import main
from jixiao.serve.guard import display_name
from jixiao.serve.i18n import strings
from jixiao.serve.server import serve
from jixiao.serve.settings import RemoteRefused, ServeSettings, check_host, is_loopback
from jixiao.serve.store import Store
from serve_helpers import app_state, running_server, upload, wait_finished

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "samples" / "seed" / "bazhou_ecology_2022_department_target.txt"
DOCX = ROOT / "samples" / "docx" / "docx_projects.docx"
BAD = ROOT / "samples" / "bad" / "bad_not_a_zip.docx"
PDF = ROOT / "samples" / "pdf" / "pdf_department_self_eval_calc.pdf"


@pytest.fixture(scope="module")
def server():
    with running_server() as (base, app):
        with httpx.Client(base_url=base, timeout=120) as client:
            yield client, app_state(app)


@pytest.fixture(scope="module")
def batch(server):
    """The seed, a DOCX with two forms, a broken DOCX and a text-layer PDF, uploaded and read."""
    client, state = server
    bid = client.post("/api/batches").json()["id"]
    answers = [upload(client, bid, p) for p in (SEED, DOCX, BAD, PDF)]
    assert [a.status_code for a in answers] == [202] * 4
    files = wait_finished(client, bid)
    return bid, {f["name"]: f for f in files}


def test_page_and_assets(server):
    client, _ = server
    page = client.get("/")
    assert page.status_code == 200 and "绩效表格转换" in page.text and 'id="drop"' in page.text
    csp = page.headers["content-security-policy"]
    assert "script-src 'self'" in csp and "default-src 'self'" in csp
    assert client.get("/assets/app.js").headers["content-type"].startswith("text/javascript")
    assert client.get("/assets/report/document.js").status_code == 200
    assert "a.home" in client.get("/assets/report/report.css").text
    assert client.get("/assets/secret.py").status_code == 404
    assert client.get("/assets/report/..%2F..%2F__init__.py").status_code == 404


def test_every_file_gets_its_own_outcome(batch):
    _, files = batch
    seed, docx, bad, pdf = (files[p.name] for p in (SEED, DOCX, BAD, PDF))
    assert (seed["status"], seed["forms"], seed["indicators"]) == ("done", 1, 28)
    assert (docx["status"], docx["forms"], docx["indicators"]) == ("done", 2, 16)
    assert docx["failed_checks"] == 1
    assert bad["status"] == "failed" and bad["message"] == "read_error"
    assert "not a valid DOCX file" in bad["params"]["error"]
    assert (pdf["status"], pdf["forms"], pdf["paged"], pdf["pages"]) == ("done", 1, True, 2)


def test_result_shows_the_form_as_the_form(server, batch):
    client, _ = server
    bid, files = batch
    view = client.get(f"/api/batches/{bid}/files/{files[SEED.name]['id']}/view").text
    assert "2022年度部门（单位）整体支出绩效目标表" in view
    assert '<td class="s-level" rowspan="22" data-key="level1">产出指标</td>' in view
    assert '<td class="s-text" data-key="target_raw">≥204人</td>' in view
    assert '<td class="s-parsed" data-key="comparator">≥</td>' in view
    assert "检查全部通过" in view
    docx = client.get(f"/api/batches/{bid}/files/{files[DOCX.name]['id']}/view").text
    assert docx.count('class="formview"') == 2 and "level1_cost_present" in docx
    bad = client.get(f"/api/batches/{bid}/files/{files[BAD.name]['id']}/view").text
    assert 'class="msg bad"' in bad and "读取失败" in bad


def test_review_overlay_of_a_pdf(server, batch):
    client, _ = server
    bid, files = batch
    pdf = files[PDF.name]
    view = client.get(f"/api/batches/{bid}/files/{pdf['id']}/view").text
    href = re.search(r'data-src="([^"]+)"', view).group(1)
    review = client.get(href)
    assert review.status_code == 200 and review.text.count("<img") == 2 and "rect class=\"c" in review.text
    image = re.search(r'src="(img/[^"]+)"', review.text).group(1)
    got = client.get(href.rsplit("/", 1)[0] + "/" + image)
    assert got.status_code == 200 and got.headers["content-type"] == "image/jpeg" and got.content[:3] == b"\xff\xd8\xff"
    assert client.get(href.rsplit("/", 1)[0] + "/img/..%2F..%2Fout%2Fx.json").status_code == 404


def test_downloads(server, batch):
    client, _ = server
    bid, files = batch
    got = client.get(f"/api/batches/{bid}/download/forms-xlsx")
    assert got.status_code == 200 and 'filename="jixiao-forms.xlsx"' in got.headers["content-disposition"]
    wb = openpyxl.load_workbook(io.BytesIO(got.content))
    assert len(wb.sheetnames) == 4 and wb.sheetnames[0] == "1 新疆巴州生态环境局"
    one = client.get(f"/api/batches/{bid}/download/forms-xlsx", params={"file": files[SEED.name]["id"]})
    assert "bazhou_ecology_2022_department_target-forms.xlsx" in one.headers["content-disposition"]
    assert openpyxl.load_workbook(io.BytesIO(one.content)).sheetnames == ["1 新疆巴州生态环境局"]
    csv = zipfile.ZipFile(io.BytesIO(client.get(f"/api/batches/{bid}/download/csv").content))
    assert sorted(csv.namelist()) == sorted(f"{t}.csv" for t in ("forms", "indicators", "budget", "goals",
                                                                   "documents", "checks", "cells"))
    documents = csv.read("documents.csv").decode("utf-8")
    assert documents.count("\n") == 5 and "bad_not_a_zip.docx" in documents and "/tmp/" not in documents
    parquet = zipfile.ZipFile(io.BytesIO(client.get(f"/api/batches/{bid}/download/parquet").content))
    assert "indicators.parquet" in parquet.namelist()
    xlsx = openpyxl.load_workbook(io.BytesIO(client.get(f"/api/batches/{bid}/download/xlsx").content))
    assert "indicators" in xlsx.sheetnames and xlsx["indicators"].max_row == 1 + 28 + 16 + 7
    everything = zipfile.ZipFile(io.BytesIO(client.get(f"/api/batches/{bid}/download/zip").content))
    assert {"forms.xlsx", "jixiao.xlsx", "jixiao.duckdb", "forms.csv", "forms.parquet"} <= set(everything.namelist())
    db = client.get(f"/api/batches/{bid}/download/duckdb")
    assert db.status_code == 200 and db.content[8:12] == b"DUCK"
    assert client.get(f"/api/batches/{bid}/download/exe").status_code == 404


def test_duckdb_download_opens(server, batch, tmp_path):
    client, _ = server
    bid, _ = batch
    target = tmp_path / "x.duckdb"
    target.write_bytes(client.get(f"/api/batches/{bid}/download/duckdb").content)
    con = duckdb.connect(str(target), read_only=True)
    assert con.execute("SELECT count(*) FROM indicators").fetchone()[0] == 51
    con.close()


def test_uploads_are_not_kept_and_a_batch_can_be_removed(server, batch):
    client, state = server
    bid, files = batch
    folder = state.store.root / bid
    assert list((folder / "in").iterdir()) == []  # every upload deleted once read
    assert len(list((folder / "out").iterdir())) == 4
    other = client.post("/api/batches").json()["id"]
    upload(client, other, SEED)
    wait_finished(client, other)
    assert client.delete(f"/api/batches/{other}").status_code == 204
    assert not (state.store.root / other).exists()
    assert client.get(f"/api/batches/{other}").json()["message"] == "expired"
    assert list(state.store.root.iterdir()) == [folder]


def test_names_never_reach_a_path(server):
    client, state = server
    bid = client.post("/api/batches").json()["id"]
    evil = "../../../../../tmp/jixiao-evil-test.txt"
    answer = upload(client, bid, SEED, name=evil)
    assert answer.json()["name"] == "jixiao-evil-test.txt"
    upload(client, bid, SEED, name="..\\..\\x\x00y.txt")
    files = wait_finished(client, bid)
    assert [f["name"] for f in files] == ["jixiao-evil-test.txt", "x_y.txt"]
    assert not Path("/tmp/jixiao-evil-test.txt").exists()
    names = [p.name for p in (state.store.root / bid).rglob("*")]
    assert not any("evil" in n for n in names)
    # ids in URLs are looked up, never joined into paths
    assert client.get("/api/batches/..%2F..%2Fetc").status_code == 404
    assert client.get(f"/api/batches/{bid}/files/..%2Fin/view").status_code == 404
    assert client.get(f"/b/{bid}/f/{'x' * 22}/review").status_code == 404


def test_same_name_twice_stays_apart(server):
    client, _ = server
    bid = client.post("/api/batches").json()["id"]
    upload(client, bid, SEED, name="表.txt")
    upload(client, bid, SEED, name="表.txt")
    assert [f["name"] for f in wait_finished(client, bid)] == ["表.txt", "表 (2).txt"]
    forms = client.get(f"/api/batches/{bid}/download/csv").content
    text = zipfile.ZipFile(io.BytesIO(forms)).read("forms.csv").decode("utf-8")
    assert "表.txt#1" in text and "表 (2).txt#1" in text


def test_unknown_types_are_refused(server):
    client, state = server
    bid = client.post("/api/batches").json()["id"]
    exe = client.put(f"/api/batches/{bid}/files", params={"name": "setup.exe"}, content=b"MZ\x90\x00" + bytes(100))
    assert exe.status_code == 415 and exe.json()["message"] == "unknown_type"
    blob = client.put(f"/api/batches/{bid}/files", params={"name": "noextension"}, content=bytes(range(256)) * 4)
    assert blob.status_code == 202
    archive = io.BytesIO()
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("a.txt", "hello")
    zipped = client.put(f"/api/batches/{bid}/files", params={"name": "data.zip"}, content=archive.getvalue())
    assert zipped.status_code == 415
    files = {f["name"]: f for f in wait_finished(client, bid)}
    assert files["noextension"]["status"] == "rejected" and files["noextension"]["message"] == "unknown_type"
    assert list((state.store.root / bid / "in").iterdir()) == []


def _zip_bomb() -> bytes:
    """A DOCX whose document.xml unpacks 1000-fold (50 MB of zeros)."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", b"\0" * (50 * 1024 * 1024))
    return buf.getvalue()


def _png_header(width: int, height: int) -> bytes:
    """A PNG that declares a size (and holds no pixels): what a decompression bomb looks like to a header check."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)
    ihdr = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(b"\0" * 16)) + chunk(b"IEND", b"")


def test_decompression_bombs_are_refused(server):
    client, state = server
    bid = client.post("/api/batches").json()["id"]
    bomb = _zip_bomb()
    assert len(bomb) < 200_000
    client.put(f"/api/batches/{bid}/files", params={"name": "bomb.docx"}, content=bomb)
    client.put(f"/api/batches/{bid}/files", params={"name": "huge.png"}, content=_png_header(10_000, 9_000))
    client.put(f"/api/batches/{bid}/files", params={"name": "giant.png"}, content=_png_header(100_000, 100_000))
    upload(client, bid, SEED)
    files = {f["name"]: f for f in wait_finished(client, bid)}
    assert files["bomb.docx"]["status"] == "rejected" and files["bomb.docx"]["message"] == "bomb_zip"
    assert files["huge.png"]["message"] == "bomb_image" and files["huge.png"]["params"] == {"width": 10000, "height": 9000}
    assert files["giant.png"]["message"] == "bomb_pixels"
    assert files[SEED.name]["status"] == "done"  # the others are not held up
    assert list((state.store.root / bid / "in").iterdir()) == []
    view = client.get(f"/api/batches/{bid}/files/{files['bomb.docx']['id']}/view").text
    assert "压缩炸弹" in view


def test_size_limit_declared_and_streamed(tmp_path):
    settings = ServeSettings(max_upload_mb=0.002)  # about 2 KB; the seed is 5 KB
    with running_server(settings) as (base, app), httpx.Client(base_url=base, timeout=60) as client:
        bid = client.post("/api/batches").json()["id"]
        declared = upload(client, bid, SEED)
        assert declared.status_code == 413 and declared.json()["message"] == "too_large"

        def chunks():  # no Content-Length: the server counts as the bytes arrive
            data = SEED.read_bytes()
            for k in range(0, len(data), 1000):
                yield data[k:k + 1000]
        streamed = client.put(f"/api/batches/{bid}/files", params={"name": "s.txt"}, content=chunks())
        assert streamed.status_code == 413 and streamed.json()["status"] == "rejected"
        small = client.put(f"/api/batches/{bid}/files", params={"name": "ok.txt"}, content="≥5次\n".encode())
        assert small.status_code == 202
        files = wait_finished(client, bid)
        assert [f["status"] for f in files] == ["rejected", "rejected", "done"]
        assert list((app_state(app).store.root / bid / "in").iterdir()) == []


def test_a_file_past_the_time_limit_fails_alone(monkeypatch):
    monkeypatch.setenv("JIXIAO_TEST_SLOW", "5")  # the batch worker's test hook: a pause before every file
    with running_server(ServeSettings(timeout_seconds=1)) as (base, app), \
            httpx.Client(base_url=base, timeout=60) as client:
        bid = client.post("/api/batches").json()["id"]
        upload(client, bid, SEED)
        (f,) = wait_finished(client, bid, timeout=60)
        assert f["status"] == "failed" and f["message"] == "timed_out" and f["params"] == {"s": "1"}
        assert list((app_state(app).store.root / bid / "in").iterdir()) == []


def test_too_many_files_in_a_batch():
    with running_server(ServeSettings(max_files=1)) as (base, _), httpx.Client(base_url=base, timeout=60) as client:
        bid = client.post("/api/batches").json()["id"]
        assert upload(client, bid, SEED).status_code == 202
        refused = upload(client, bid, SEED)
        assert refused.status_code == 429 and refused.json() == {"message": "too_many", "params": {"n": 1}}


def test_expired_batches_are_swept(tmp_path):
    store = Store(tmp_path)
    old, busy, fresh = store.new_batch(), store.new_batch(), store.new_batch()
    store.add_entry(busy, "x.txt", ".txt").status = "reading"
    old.touched = busy.touched = fresh.touched - 7200
    assert store.sweep(3600, now=fresh.touched + 1) == [old.id]
    assert not old.folder.exists() and busy.folder.exists() and fresh.folder.exists()
    store.close()
    assert not store.root.exists()


def test_only_loopback_unless_asked(capsys):
    assert is_loopback("127.0.0.1") and is_loopback("localhost") and is_loopback("::1") and not is_loopback("0.0.0.0")
    assert check_host(ServeSettings()) is None
    with pytest.raises(RemoteRefused):
        check_host(ServeSettings(host="0.0.0.0"))
    with pytest.raises(RemoteRefused):
        serve(ServeSettings(host="0.0.0.0", port=0))
    assert "no login" in check_host(ServeSettings(host="0.0.0.0", allow_remote=True))
    with pytest.raises(SystemExit) as e:
        main(["serve", "--port", "70000"])
    assert e.value.code == 2


def test_foreign_host_headers_are_refused(server):
    client, _ = server
    assert client.get("/", headers={"host": "evil.example"}).status_code == 400
    assert client.get("/", headers={"host": "localhost"}).status_code == 200


def test_display_names():
    assert display_name("C:\\Users\\张三\\绩效 表.docx") == "绩效 表.docx"
    assert display_name("") == "upload" and display_name("..") == "upload"
    long = display_name("长" * 300 + ".xlsx")
    assert len(long) == 120 and long.endswith(".xlsx")


def test_every_interface_string_exists_in_both_languages():
    serve_dir = ROOT / "jixiao" / "serve"
    used = set()
    js = (serve_dir / "assets" / "app.js").read_text(encoding="utf-8")
    used |= set(re.findall(r'(?:label\([^,]+, |tr\()"([a-z_]+)"', js))
    used |= {"st_" + s for s in ("waiting", "uploading", "queued", "reading", "rendering", "done", "failed", "rejected",
                                 "no_forms")}
    for name in ("html.py", "guard.py", "jobs.py", "app.py"):
        src = (serve_dir / name).read_text(encoding="utf-8")
        used |= set(re.findall(r'\bt\("([a-z_]+)"', src))
        used |= set(re.findall(r'Refusal\("([a-z_]+)"', src))
        used |= set(re.findall(r'return "([a-z_]+)", \{', src))
        used |= set(re.findall(r'_error\("([a-z_]+)"', src))
        used |= set(re.findall(r'^\s*entry\.message, entry\.params = "([a-z_]+)"', src, re.M))
        used |= set(re.findall(r'entry\.params = "[a-z]+", "([a-z_]+)"', src))
    used |= {label for _, label in __import__("jixiao.serve.html", fromlist=["DOWNLOADS"]).DOWNLOADS}
    table = strings()
    missing = sorted(k for k in used if k not in table)
    assert missing == []
    assert len(used) > 30 and all(v["zh"] and v["en"] for v in table.values())


def test_isolated_children_time_out_crash_and_raise_alone():
    import os
    import time

    from jixiao.serve.isolate import IsolatedError, call_isolated

    assert call_isolated(divmod, (7, 2), timeout=30) == (3, 1)
    with pytest.raises(IsolatedError, match="stopped after 0.5 s"):
        call_isolated(time.sleep, (30,), timeout=0.5)
    with pytest.raises(IsolatedError, match="ended unexpectedly"):
        call_isolated(os.abort, (), timeout=30)
    with pytest.raises(IsolatedError, match="ZeroDivisionError"):
        call_isolated(divmod, (1, 0), timeout=30)


def test_downloads_keep_the_order_the_files_were_picked_in(server):
    """The page uploads several files at once, so they may arrive in any order; each says its place among
    the files picked, and the tables list them in that order."""
    client, _ = server
    bid = client.post("/api/batches").json()["id"]
    for name, order in (("second.txt", 1), ("first.txt", 0)):  # the later pick arrives first
        got = client.put(f"/api/batches/{bid}/files", params={"name": name, "order": order},
                         content=SEED.read_bytes())
        assert got.status_code == 202
    wait_finished(client, bid)
    csv = zipfile.ZipFile(io.BytesIO(client.get(f"/api/batches/{bid}/download/csv").content))
    sources = [line.split(",")[0] for line in csv.read("documents.csv").decode("utf-8").splitlines()[1:]]
    assert sources == ["first.txt", "second.txt"]
