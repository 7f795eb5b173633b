"""The batch runner end to end: discovery, workers, crashes and hangs, resume after kill -9, output."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pandas as pd
import pyarrow.parquet as pq
import pytest

from jixiao.batch.assemble import write_tables
from jixiao.batch.cache import CACHE_DIRNAME
from jixiao.batch.discover import discover
from jixiao.batch.local import run_local
from jixiao.dataset.frames import Dataset
from jixiao.dataset.schema import TABLES
from jixiao.dataset.writers import write_dataset
from jixiao.pipeline import process_file
from test_batch_support import (assert_same_tables, extract, read_tables, write_docx_form,
                                write_text_forms)

REPO = Path(__file__).resolve().parents[1]


@pytest.fixture
def mixed_inputs(tmp_path: Path) -> Path:
    """Text and DOCX forms in folders with Chinese names and spaces, plus hidden and temp files."""
    root = tmp_path / "报送 材料"
    write_text_forms(root / "2023年 部门", 4)
    write_text_forms(root / "other dept", 3, prefix="表 格")
    write_docx_form(root / "2023年 部门" / "项目 目标表.docx", 7)
    (root / ".DS_Store").write_bytes(b"\x00\x00\x00\x01Bud1")
    (root / "2023年 部门" / "~$项目 目标表.docx").write_bytes(b"owner file")
    (root / "other dept" / "Thumbs.db").write_bytes(b"\xd0\xcf")
    (root / ".~lock.表格.xlsx#").write_text("lock", encoding="utf-8")
    (root / ".git").mkdir()
    (root / ".git" / "HEAD").write_text("ref", encoding="utf-8")
    return root


def cached_entries(outdir: Path) -> list[Path]:
    return list((outdir / CACHE_DIRNAME).glob("*/*.json"))


def test_discovery_order_sources_and_skips(mixed_inputs: Path, tmp_path: Path):
    found = discover([mixed_inputs])
    sources = [i.source for i in found.items]
    assert sources == sorted(sources)
    assert "2023年 部门/项目 目标表.docx" in sources
    assert "other dept/表 格_000.txt" in sources
    assert len(sources) == 8
    skipped = {p.name for p in found.skipped}
    assert skipped == {".DS_Store", "~$项目 目标表.docx", "Thumbs.db", ".~lock.表格.xlsx#", ".git"}
    # an explicitly named file is always taken, and its source is its name
    single = discover([mixed_inputs / "other dept" / "表 格_001.txt"])
    assert [i.source for i in single.items] == ["表 格_001.txt"]
    # the output folder inside an INPUT is not read back as input
    out = mixed_inputs / "out"
    write_text_forms(out, 1, prefix="stale")
    assert all(not i.source.startswith("out/") for i in discover([mixed_inputs], exclude=[out]).items)


def test_workers_1_and_2_give_identical_tables(mixed_inputs: Path, tmp_path: Path, capsys):
    assert extract(mixed_inputs, "-o", tmp_path / "w1", "--workers", "1") == 0
    assert extract(mixed_inputs, "-o", tmp_path / "w2", "--workers", "2") == 0
    assert_same_tables(tmp_path / "w1", tmp_path / "w2")
    docs = read_tables(tmp_path / "w2")["documents"]
    assert list(docs["source"]) == sorted(docs["source"])
    assert set(docs["status"]) == {"ok"}
    assert "2023年 部门/项目 目标表.docx" in set(docs["source"])
    ind = read_tables(tmp_path / "w1")["indicators"]
    assert len(ind) == 8 * 5 and ind["form_id"].str.endswith("#1").all()
    err = capsys.readouterr().err
    assert "8 files (8 ok, 0 no_forms, 0 failed, 5 hidden/temporary skipped)" in err
    assert "8 forms, 40 indicators" in err


def test_streamed_tables_equal_write_dataset(mixed_inputs: Path, tmp_path: Path):
    """The chunked writer gives exactly what the dataset layer's writer gives for the same results."""
    items = discover([mixed_inputs]).items
    results = [process_file(i.path, i.source) for i in items]
    write_dataset(Dataset.from_results(results), tmp_path / "ref", ["csv", "parquet", "duckdb"])
    write_tables(results, tmp_path / "mine", ["csv", "parquet", "duckdb"], chunk_rows=7)
    import duckdb

    for t in TABLES:
        assert (tmp_path / "mine" / f"{t}.csv").read_bytes() == (tmp_path / "ref" / f"{t}.csv").read_bytes(), t
        mine, ref = pq.read_table(tmp_path / "mine" / f"{t}.parquet"), pq.read_table(tmp_path / "ref" / f"{t}.parquet")
        assert mine.schema.equals(ref.schema, check_metadata=True) and mine.equals(ref), t
    with duckdb.connect(str(tmp_path / "mine" / "jixiao.duckdb"), read_only=True) as a, \
            duckdb.connect(str(tmp_path / "ref" / "jixiao.duckdb"), read_only=True) as b:
        for t in TABLES:
            assert a.execute(f"DESCRIBE {t}").fetchall() == b.execute(f"DESCRIBE {t}").fetchall()
            assert a.execute(f"SELECT * FROM {t}").fetchall() == b.execute(f"SELECT * FROM {t}").fetchall()
    assert not list((tmp_path / "mine").glob(".*tmp"))


def test_crash_and_hang_fail_only_their_file(tmp_path: Path, monkeypatch, capsys):
    inputs = tmp_path / "in"
    write_text_forms(inputs, 6)
    monkeypatch.setenv("JIXIAO_TEST_CRASH", "form_001.txt")
    monkeypatch.setenv("JIXIAO_TEST_HANG", "form_004.txt")
    start = time.monotonic()
    assert extract(inputs, "-o", tmp_path / "out", "--workers", "2", "--timeout", "1.5", "--format", "parquet") == 1
    assert time.monotonic() - start < 30
    docs = read_tables(tmp_path / "out")["documents"].set_index("source")
    assert docs.loc["form_001.txt", "status"] == "failed"
    assert "crashed (SIGSEGV)" in docs.loc["form_001.txt", "error"]
    assert docs.loc["form_004.txt", "status"] == "failed"
    assert "1.5 s per-file time limit" in docs.loc["form_004.txt", "error"]
    assert (docs.drop(index=["form_001.txt", "form_004.txt"])["status"] == "ok").all()
    assert all("\n" not in e and "Traceback" not in e for e in docs["error"].dropna())
    assert docs.loc["form_004.txt", "sha256"] and docs.loc["form_004.txt", "format"] == "txt"
    err = capsys.readouterr().err
    assert "6 files (4 ok, 0 no_forms, 2 failed)" in err


def test_kill_9_then_resume_equals_clean_run(tmp_path: Path, capsys):
    inputs = tmp_path / "in"
    write_text_forms(inputs, 16)
    killed = tmp_path / "killed"
    env = dict(os.environ, JIXIAO_TEST_SLOW="0.25", PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-m", "jixiao", "extract", str(inputs), "-o", str(killed),
                             "--workers", "1", "-q"], env=env, stderr=subprocess.PIPE)
    try:
        deadline = time.monotonic() + 60
        while len(cached_entries(killed)) < 4:
            assert proc.poll() is None, proc.stderr.read().decode()
            assert time.monotonic() < deadline
            time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(10)
    finally:
        if proc.poll() is None:
            proc.kill()
    done_before = len(cached_entries(killed))
    assert 4 <= done_before < 16
    assert not (killed / "documents.parquet").exists()

    assert extract(inputs, "-o", killed, "--resume", "--workers", "2") == 0
    err = capsys.readouterr().err
    reused = int(err.split(" reused from cache")[0].rsplit(", ", 1)[1])
    assert reused == done_before  # every stored result is whole and reused; only in-flight work was lost
    assert extract(inputs, "-o", tmp_path / "clean", "--workers", "1") == 0
    assert_same_tables(killed, tmp_path / "clean")
    assert len(cached_entries(killed)) == 16


def test_resume_reprocesses_only_new_changed_and_failed(tmp_path: Path, capsys):
    inputs = tmp_path / "in"
    paths = write_text_forms(inputs, 5)
    (inputs / "empty.txt").write_bytes(b"")
    out = tmp_path / "out"
    assert extract(inputs, "-o", out, "--workers", "1") == 1
    capsys.readouterr()
    assert extract(inputs, "-o", out, "--resume", "--workers", "1") == 1
    assert "5 reused from cache" in capsys.readouterr().err  # the failed file is retried
    paths[2].write_text(paths[2].read_text(encoding="utf-8").replace("≥95%", "≥97%"), encoding="utf-8")
    write_text_forms(inputs, 1, prefix="new")
    assert extract(inputs, "-o", out, "--resume", "--workers", "2") == 1
    assert "4 reused from cache" in capsys.readouterr().err
    assert extract(inputs, "-o", tmp_path / "clean", "--workers", "2") == 1
    assert_same_tables(out, tmp_path / "clean")
    ind = read_tables(out)["indicators"]
    assert "≥97%" in set(ind[ind["source"] == "form_002.txt"]["target_raw"])
    assert len(cached_entries(out)) == 7  # entries of files no longer in the run are pruned


def test_run_local_api_is_order_stable(mixed_inputs: Path):
    items = discover([mixed_inputs]).items
    one = [r.documents["source"] for r in run_local(items, workers=1)]
    two = list(run_local(items, workers=2, timeout=60))
    assert one == [r.documents["source"] for r in two] == [i.source for i in items]


def test_no_input_files_writes_empty_tables(tmp_path: Path):
    (tmp_path / "empty").mkdir()
    assert extract(tmp_path / "empty", "-o", tmp_path / "out", "-q") == 0
    tables = read_tables(tmp_path / "out")
    assert all(len(df) == 0 for df in tables.values())
    assert list(tables["documents"].columns)[:3] == ["source", "sha256", "format"]


def test_progress_bar_and_summary_only_when_asked(tmp_path: Path, capsys):
    from jixiao.batch.progress import ProgressBar, Tally, progress_enabled

    class Tty:
        def isatty(self):
            return True

    assert progress_enabled(False, Tty()) and not progress_enabled(True, Tty())
    assert not progress_enabled(False)  # pytest's captured stderr is no terminal
    with ProgressBar(3, enabled=True) as bar:
        for _ in range(3):
            bar.advance()
    tally = Tally()
    tally.add(0, {"source": "a", "status": "ok", "forms": 2, "indicators": 9})
    tally.add(1, {"source": "b", "status": "failed", "error": "the file is empty (0 bytes)"}, reused=False)
    lines = tally.summary_lines(skipped=1, seconds=2.0, outdir="out/")
    assert lines[0].startswith("jixiao: 2 files (1 ok, 0 no_forms, 1 failed, 1 hidden/temporary skipped) → 2 forms, 9 indicators")
    assert lines[1] == "  failed: b: the file is empty (0 bytes)"
    write_text_forms(tmp_path / "in", 1)
    capsys.readouterr()
    assert extract(tmp_path / "in", "-o", tmp_path / "out", "-q") == 0
    assert capsys.readouterr().err == ""


def test_two_runs_cannot_share_an_outdir(tmp_path: Path, capsys):
    from jixiao.batch.cache import ResultStore

    write_text_forms(tmp_path / "in", 1)
    holder = ResultStore(tmp_path / "out")
    holder.lock()
    try:
        assert extract(tmp_path / "in", "-o", tmp_path / "out") == 2
        assert "another jixiao run is writing to" in capsys.readouterr().err
    finally:
        holder.unlock()
    assert extract(tmp_path / "in", "-o", tmp_path / "out", "-q") == 0


def test_workers_retire_after_max_tasks_without_losing_files(tmp_path: Path):
    from jixiao.batch.pool import PoolStats, Task, run_supervised
    from jixiao.batch.worker import WorkerConfig

    paths = write_text_forms(tmp_path / "in", 7)
    stats = PoolStats()
    tasks = [Task(index=i, path=p, source=p.name) for i, p in enumerate(paths)]
    done = list(run_supervised(tasks, 2, WorkerConfig(max_tasks=2), stats=stats))
    assert sorted(t.index for t, _ in done) == list(range(7))
    assert all(r.documents["status"] == "ok" for _, r in done)
    assert stats.workers_started >= 4  # 7 files, 2 per process


def test_extra_columns_keep_first_seen_order_across_chunks(tmp_path: Path, mixed_inputs: Path):
    from jixiao.batch.assemble import ColumnPlan

    items = discover([mixed_inputs]).items
    results = [process_file(i.path, i.source) for i in items]
    for row in results[5].indicators:
        row["reviewer_note"] = "checked"
    results[6].documents["batch"] = "2024-06"
    plan = ColumnPlan()
    for n in reversed(range(len(results))):  # results arrive in any order
        plan.note(n, results[n])
    write_dataset(Dataset.from_results(results), tmp_path / "ref", ["csv", "parquet"])
    write_tables(results, tmp_path / "mine", ["csv", "parquet"], columns=plan.columns(), chunk_rows=4)
    for t in TABLES:
        assert (tmp_path / "mine" / f"{t}.csv").read_bytes() == (tmp_path / "ref" / f"{t}.csv").read_bytes(), t
        assert pq.read_table(tmp_path / "mine" / f"{t}.parquet").equals(pq.read_table(tmp_path / "ref" / f"{t}.parquet")), t
    assert list(pd.read_parquet(tmp_path / "mine" / "indicators.parquet").columns)[-1] == "reviewer_note"


def test_no_worker_starts_when_every_file_is_reused(tmp_path: Path):
    from jixiao.batch.pool import PoolStats, run_supervised
    from jixiao.batch.worker import WorkerConfig

    stats = PoolStats()
    assert list(run_supervised(iter([]), 2, WorkerConfig(), stats=stats)) == []
    assert stats.workers_started == 0


def test_sigterm_stops_cleanly_and_resume_finishes(tmp_path: Path, capsys):
    inputs = tmp_path / "in"
    write_text_forms(inputs, 12)
    out = tmp_path / "out"
    env = dict(os.environ, JIXIAO_TEST_SLOW="0.25", PYTHONPATH=str(REPO))
    proc = subprocess.Popen([sys.executable, "-m", "jixiao", "extract", str(inputs), "-o", str(out), "--workers", "1"],
                            env=env, stderr=subprocess.PIPE, text=True)
    deadline = time.monotonic() + 60
    while len(cached_entries(out)) < 3 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)
    proc.terminate()
    err = proc.communicate(timeout=30)[1]
    assert proc.returncode == 130, err
    assert "run again with --resume" in err
    assert not list(out.glob(".*.tmp")) and not (out / "documents.csv").exists()
    assert extract(inputs, "-o", out, "--resume", "-q") == 0
    assert len(read_tables(out)["documents"]) == 12


def test_unwritable_outdir_is_a_usage_error(tmp_path: Path, capsys):
    write_text_forms(tmp_path / "in", 1)
    (tmp_path / "a_file").write_text("x", encoding="utf-8")
    assert extract(tmp_path / "in", "-o", tmp_path / "a_file" / "out") == 2
    assert "cannot write to" in capsys.readouterr().err
