"""The Dask engine gives the same tables as the local engine (tests start their own LocalCluster)."""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

from test_batch_support import assert_same_tables, extract, read_tables, write_docx_form, write_text_forms

distributed = pytest.importorskip("distributed")  # an optional extra: jixiao[dask]


@pytest.fixture(scope="module")
def cluster():
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=False,
                                  dashboard_address=None) as c:
        yield c


@pytest.fixture
def inputs(tmp_path: Path) -> Path:
    root = tmp_path / "输入 文件"
    write_text_forms(root / "a", 5)
    write_docx_form(root / "b" / "项目 表.docx", 3)
    (root / "b" / "empty.pdf").write_bytes(b"")
    return root


def test_dask_equals_local(cluster, inputs: Path, tmp_path: Path, capsys):
    assert extract(inputs, "-o", tmp_path / "local", "--workers", "2") == 1
    assert extract(inputs, "-o", tmp_path / "dask", "--engine", "dask", "--scheduler", cluster.scheduler_address) == 1
    assert_same_tables(tmp_path / "local", tmp_path / "dask")
    docs = read_tables(tmp_path / "dask")["documents"].set_index("source")
    assert docs.loc["b/empty.pdf", "error"] == "the file is empty (0 bytes)"
    assert (docs.drop(index="b/empty.pdf")["status"] == "ok").all()
    # resume works the same way on Dask: only the failed file runs again
    capsys.readouterr()
    assert extract(inputs, "-o", tmp_path / "dask", "--engine", "dask", "--scheduler", cluster.scheduler_address,
                   "--resume") == 1
    assert "6 reused from cache" in capsys.readouterr().err
    assert_same_tables(tmp_path / "local", tmp_path / "dask")


def test_dask_timeout_reports_the_file(cluster, tmp_path: Path, monkeypatch):
    import jixiao.batch.dask_engine as engine

    write_text_forms(tmp_path / "in", 3)
    real = engine._process

    def slow_on_one(path, source, *rest):
        if source == "form_001.txt":
            import time
            time.sleep(4)
        return real(path, source, *rest)

    monkeypatch.setattr(engine, "_process", slow_on_one)
    assert extract(tmp_path / "in", "-o", tmp_path / "out", "--engine", "dask", "--scheduler",
                   cluster.scheduler_address, "--timeout", "1") == 1
    docs = read_tables(tmp_path / "out")["documents"].set_index("source")
    assert "1 s per-file time limit" in docs.loc["form_001.txt", "error"]
    assert list(docs["status"]) == ["ok", "failed", "ok"]


def test_dask_missing_is_a_usage_error(tmp_path: Path, monkeypatch, capsys):
    write_text_forms(tmp_path / "in", 1)
    monkeypatch.setitem(sys.modules, "distributed", None)
    assert extract(tmp_path / "in", "-o", tmp_path / "out", "--engine", "dask") == 2
    assert "pip install 'jixiao[dask]'" in capsys.readouterr().err


def test_scheduler_without_dask_engine_is_a_usage_error(tmp_path: Path, capsys):
    write_text_forms(tmp_path / "in", 1)
    assert extract(tmp_path / "in", "-o", tmp_path / "out", "--scheduler", "tcp://127.0.0.1:1") == 2
    assert "--scheduler is only used with --engine dask" in capsys.readouterr().err


@pytest.mark.slow
def test_dask_without_scheduler_starts_a_local_cluster(inputs: Path, tmp_path: Path):
    assert extract(inputs, "-o", tmp_path / "local", "--workers", "1") == 1
    assert extract(inputs, "-o", tmp_path / "dask", "--engine", "dask", "--workers", "2") == 1
    assert_same_tables(tmp_path / "local", tmp_path / "dask")


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_dask_worker_crash_fails_only_that_file(tmp_path: Path, monkeypatch):
    """A file that kills its Dask worker (SIGSEGV, test-only hook) every time is reported, the rest go on."""
    write_text_forms(tmp_path / "in", 3)
    monkeypatch.setenv("JIXIAO_TEST_CRASH", "form_001.txt")
    assert extract(tmp_path / "in", "-o", tmp_path / "out", "--engine", "dask", "--workers", "1") == 1
    docs = read_tables(tmp_path / "out")["documents"].set_index("source")
    assert list(docs["status"]) == ["ok", "failed", "ok"], docs["error"].to_dict()
    assert "kept dying" in docs.loc["form_001.txt", "error"]


@pytest.mark.slow
@pytest.mark.timeout(300)
def test_dask_lost_worker_is_started_again(tmp_path: Path, monkeypatch):
    """Our own cluster whose only worker is gone for good (its nanny closed, as the cluster does when a
    restart outlasts ``lost-worker-timeout`` under load) starts a worker again: no queued file fails."""
    import time

    import jixiao.batch.dask_engine as engine

    real_connect = engine.connect

    def connect_and_lose_the_worker(scheduler, workers, debug=False):
        client, cluster = real_connect(scheduler, workers, debug)
        for name in list(cluster.workers):
            cluster.sync(cluster.workers.pop(name).close)  # closed for good, its spec kept
        deadline = time.monotonic() + 60
        while client.nthreads() and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not client.nthreads()
        return client, cluster

    monkeypatch.setattr(engine, "connect", connect_and_lose_the_worker)
    monkeypatch.setattr(engine, "REVIVE_SECONDS", 1.0)
    monkeypatch.setattr(engine, "NO_WORKERS_SECONDS", 60.0)
    monkeypatch.setattr(engine, "WATCH_SECONDS", 1.0)
    write_text_forms(tmp_path / "in", 3)
    assert extract(tmp_path / "in", "-o", tmp_path / "out", "--engine", "dask", "--workers", "1") == 0
    docs = read_tables(tmp_path / "out")["documents"].set_index("source")
    assert list(docs["status"]) == ["ok", "ok", "ok"], docs["error"].to_dict()
