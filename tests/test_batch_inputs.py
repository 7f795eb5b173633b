"""Bad inputs through the whole CLI: each gets a failed documents row with a one-line reason, exit 1."""
from __future__ import annotations

import os
import random
import shutil
import zipfile
from pathlib import Path

import openpyxl
import pytest

from jixiao.batch.discover import discover
from test_batch_support import extract, png_bomb, read_tables, text_form, write_docx_form

REPO = Path(__file__).resolve().parents[1]
SAMPLE_PDF = REPO / "samples" / "pdf" / "pdf_department_target_long.pdf"
ENCRYPTED_PDF = REPO / "samples" / "bad" / "pdf_encrypted.pdf"


def make_bad_inputs(folder: Path) -> dict[str, str]:
    """Write one file per kind of bad input; returns {name: a phrase its error must contain}."""
    folder.mkdir(parents=True, exist_ok=True)
    expect = {}
    (folder / "empty.pdf").write_bytes(b"")
    expect["empty.pdf"] = "empty (0 bytes)"
    pdf = SAMPLE_PDF.read_bytes()
    (folder / "truncated.pdf").write_bytes(pdf[: len(pdf) // 2])
    expect["truncated.pdf"] = "truncated"
    shutil.copy(ENCRYPTED_PDF, folder / "encrypted.pdf")
    expect["encrypted.pdf"] = "encrypted"
    (folder / "not_a_zip.docx").write_bytes(b"PLAIN BYTES \x00\x01\x02 that are no zip archive")
    expect["not_a_zip.docx"] = "DOCX"
    docx = write_docx_form(folder / "whole.docx", 1).read_bytes()
    (folder / "whole.docx").unlink()
    (folder / "truncated.docx").write_bytes(docx[: len(docx) // 2])
    expect["truncated.docx"] = "DOCX"
    book = openpyxl.Workbook()
    for line in text_form(2).splitlines():
        book.active.append(line.split("\t"))
    book.save(folder / "whole.xlsx")
    xlsx = (folder / "whole.xlsx").read_bytes()
    (folder / "whole.xlsx").unlink()
    (folder / "truncated.xlsx").write_bytes(xlsx[: len(xlsx) // 2])
    expect["truncated.xlsx"] = "XLSX"
    png_bomb(folder / "bomb.png")
    expect["bomb.png"] = "decompression bomb"
    with zipfile.ZipFile(folder / "archive.zip", "w") as z:
        z.writestr("a.txt", "hello")
    expect["archive.zip"] = "unsupported file type"
    (folder / "clip.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 4)
    expect["clip.mp4"] = "unsupported file type"
    (folder / "binary.txt").write_bytes(bytes(range(256)) * 8)
    expect["binary.txt"] = "binary"
    os.symlink(folder / "gone.docx", folder / "dangling.docx")
    expect["dangling.docx"] = "link to a file that does not exist"
    return expect


def test_every_bad_input_is_failed_with_one_line_reason(tmp_path: Path, capsys):
    folder = tmp_path / "坏 文件"
    expect = make_bad_inputs(folder)
    shutil.copy(write_docx_form(tmp_path / "real.docx", 3), folder / "really_a_docx.xlsx")  # read by its real type
    assert extract(folder, "-o", tmp_path / "out", "--workers", "2", "--timeout", "120") == 1
    docs = read_tables(tmp_path / "out")["documents"].set_index("source")
    assert set(docs.index) == set(expect) | {"really_a_docx.xlsx"}
    for name, phrase in expect.items():
        row = docs.loc[name]
        assert row["status"] == "failed", name
        assert phrase in row["error"], (name, row["error"])
        assert "\n" not in row["error"] and "Traceback" not in row["error"], name
        assert row["forms"] == 0 and row["indicators"] == 0
    assert docs.loc["really_a_docx.xlsx", "status"] == "ok"
    assert docs.loc["really_a_docx.xlsx", "format"] == "docx"
    err = capsys.readouterr().err
    assert f"{len(expect) + 1} files (1 ok, 0 no_forms, {len(expect)} failed)" in err
    assert "failed: bomb.png: the image is too large to read safely" in err


def test_decompression_bomb_is_refused_without_allocating(tmp_path: Path, capsys):
    """20000×20000 pixels: decoding would take 1.2 GB as RGB (400 MB even as grey); the reader must
    stop at the header. The run reports its workers' peak resident memory, which must stay small."""
    (tmp_path / "in").mkdir()
    png_bomb(tmp_path / "in" / "poster.png")
    assert extract(tmp_path / "in", "-o", tmp_path / "out", "--workers", "1") == 1
    docs = read_tables(tmp_path / "out", drop_seconds=False)["documents"]
    assert docs["error"][0].startswith("the image is too large to read safely")
    assert docs["seconds"][0] < 5
    err = capsys.readouterr().err
    peak_mib = float(err.split("peak worker memory ")[1].split(" MiB")[0])
    assert 0 < peak_mib < 350


def test_memory_cap_turns_a_runaway_allocation_into_a_failed_file(tmp_path: Path, monkeypatch):
    (tmp_path / "in").mkdir()
    for n in range(3):
        (tmp_path / "in" / f"f{n}.txt").write_text(text_form(n), encoding="utf-8")
    monkeypatch.setenv("JIXIAO_TEST_ALLOCATE", "f1.txt")  # test-only hook: asks for 16 GiB on this file
    monkeypatch.setenv("JIXIAO_WORKER_MEMORY_MB", "4096")
    assert extract(tmp_path / "in", "-o", tmp_path / "out", "--workers", "1", "-q") == 1
    docs = read_tables(tmp_path / "out")["documents"]
    assert list(docs["status"]) == ["ok", "failed", "ok"]
    assert docs["error"][1] == "ran out of memory while reading the file"


def test_unreadable_file_and_folder(tmp_path: Path, monkeypatch):
    folder = tmp_path / "in"
    (folder / "locked").mkdir(parents=True)
    (folder / "locked" / "a.txt").write_text(text_form(1), encoding="utf-8")
    secret = folder / "secret.txt"
    secret.write_text(text_form(2), encoding="utf-8")
    (folder / "fine.txt").write_text(text_form(3), encoding="utf-8")
    secret.chmod(0)
    real_scandir = os.scandir

    def scandir(path="."):
        if Path(path).name == "locked":
            raise PermissionError(13, "Permission denied", str(path))
        return real_scandir(path)

    monkeypatch.setattr(os, "scandir", scandir)  # as root, chmod 000 does not stop listing a folder
    if os.geteuid() == 0:  # nor reading a file: make the permission check happen anyway
        import jixiao.batch.run as run
        real_sha = run.sha256_of

        def sha256_of(path):
            if Path(path).name == "secret.txt":
                raise PermissionError(13, "Permission denied")
            return real_sha(path)

        monkeypatch.setattr(run, "sha256_of", sha256_of)
    try:
        found = discover([folder])
        assert [u[1] for u in found.unreadable] == ["locked"]
        assert extract(folder, "-o", tmp_path / "out", "-q") == 1
    finally:
        secret.chmod(0o644)
    docs = read_tables(tmp_path / "out")["documents"].set_index("source")
    assert docs.loc["secret.txt", "error"] == "the file cannot be opened (Permission denied)"
    assert docs.loc["locked", "status"] == "failed"
    assert "folder cannot be read (Permission denied)" in docs.loc["locked", "error"]
    assert docs.loc["fine.txt", "status"] == "ok"


def test_debug_adds_the_traceback_only_with_debug(tmp_path: Path, monkeypatch):
    import jixiao.pipeline as pipeline

    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "a.txt").write_text(text_form(1), encoding="utf-8")

    def broken(document):
        raise ValueError("a parser bug\nsecond line")

    monkeypatch.setattr(pipeline, "parse_document", broken)
    from jixiao.batch.local import run_local
    items = discover([tmp_path / "in"]).items
    plain = next(run_local(items)).documents["error"]
    debug = next(run_local(items, debug=True)).documents["error"]
    assert plain == "could not read the file (ValueError: a parser bug)"
    assert "Traceback" in debug and plain in debug


def test_text_file_named_pdf_is_read_as_text(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "form.pdf").write_text(text_form(5), encoding="utf-8")
    extract(tmp_path / "in", "-o", tmp_path / "out", "-q")
    docs = read_tables(tmp_path / "out")["documents"]
    assert docs["format"][0] == "txt" and docs["status"][0] == "ok"


@pytest.mark.soffice
def test_random_bytes_named_doc_fail(tmp_path: Path):
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "junk.doc").write_bytes(random.Random(0).randbytes(3000))
    extract(tmp_path / "in", "-o", tmp_path / "out", "-q")
    assert read_tables(tmp_path / "out")["documents"]["status"][0] == "failed"
