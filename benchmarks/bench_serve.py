"""Load test of ``jixiao serve``: concurrent uploads on loopback, every result checked, memory watched.

    python benchmarks/bench_serve.py                  # 3 rounds of 20 concurrent uploads
    python benchmarks/bench_serve.py --users 20 --rounds 5 --workers 2

Starts ``jixiao serve --port 0`` (127.0.0.1 only) as its own process, then in each round N
simulated users at once each make a batch, upload one sample file (text, DOCX, XLSX, HTML and
text-layer PDF samples in turn), wait for it to be read, download its form-shaped workbook and
check it: the forms and indicators counted on the page and the workbook's sheets against
``samples/expected/<file>.json``. Prints the round's wall time, per-upload latency (upload → workbook
in hand), and memory: the server process's peak RSS (VmHWM) and resident memory after each round
(flat = bounded), and the peak RSS of the whole process tree (server, forkserver, worker and
page-drawing processes), sampled every 50 ms. Fails (exit 1) if any upload is not read correctly.
Bounded: loopback only, a fixed number of uploads, a time limit per upload. Not part of `make bench`.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
import openpyxl

ROOT = Path(__file__).resolve().parents[1]
SAMPLES = ROOT / "samples"
FILES = [SAMPLES / p for p in (
    "seed/bazhou_ecology_2022_department_target.txt", "docx/docx_projects.docx", "xlsx/xlsx_forms.xlsx",
    "html/html_disclosure.html", "pdf/pdf_department_self_eval_calc.pdf", "text/text_self_evals_pipes.txt",
    "docx/docx_department_target.docx", "pdf/pdf_disclosure_multi_form.pdf", "xlsx/xlsx_real_forms.xlsx",
    "text/text_real_w05_w07_pipes.txt")]


def expected(path: Path) -> tuple[int, int]:
    data = json.loads((SAMPLES / "expected" / f"{path.name}.json").read_text(encoding="utf-8"))
    forms = data["forms"]
    return len(forms), sum(len(f.get("indicators", [])) for f in forms)


def tree_rss_kb(pid: int) -> int:
    """Resident memory of a process and all its descendants (Linux /proc)."""
    children: dict[int, list[int]] = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as f:
                ppid = int(f.read().rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            continue
        children.setdefault(ppid, []).append(int(entry))
    total, todo = 0, [pid]
    while todo:
        p = todo.pop()
        total += status_kb(p, "VmRSS")
        todo.extend(children.get(p, []))
    return total


def status_kb(pid: int, field: str) -> int:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith(field + ":"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


class Sampler(threading.Thread):
    def __init__(self, pid: int):
        super().__init__(daemon=True)
        self.pid, self.peak, self.stop = pid, 0, threading.Event()

    def run(self):
        while not self.stop.is_set():
            self.peak = max(self.peak, tree_rss_kb(self.pid))
            time.sleep(0.05)


def one_user(base: str, path: Path, timeout: float) -> tuple[float, str]:
    """Upload, wait, download the workbook, check it. Returns (seconds, problem or "")."""
    start = time.perf_counter()
    want_forms, want_indicators = expected(path)
    with httpx.Client(base_url=base, timeout=timeout) as client:
        bid = client.post("/api/batches").json()["id"]
        answer = client.put(f"/api/batches/{bid}/files", params={"name": path.name}, content=path.read_bytes())
        if answer.status_code != 202:
            return time.perf_counter() - start, f"{path.name}: upload answered {answer.status_code}"
        deadline = time.monotonic() + timeout
        while True:
            (f,) = client.get(f"/api/batches/{bid}").json()["files"]
            if f["status"] in ("done", "failed", "rejected"):
                break
            if time.monotonic() > deadline:
                return time.perf_counter() - start, f"{path.name}: still {f['status']} after {timeout} s"
            time.sleep(0.25)  # the page polls every 0.5 s
        if (f["status"], f["forms"], f["indicators"]) != ("done", want_forms, want_indicators):
            return time.perf_counter() - start, (f"{path.name}: {f['status']} {f['forms']} forms {f['indicators']} "
                                                 f"indicators, expected {want_forms}/{want_indicators}")
        workbook = client.get(f"/api/batches/{bid}/download/forms-xlsx")
        sheets = openpyxl.load_workbook(io.BytesIO(workbook.content)).sheetnames
        client.delete(f"/api/batches/{bid}")
    seconds = time.perf_counter() - start
    if len(sheets) != want_forms:
        return seconds, f"{path.name}: workbook has {len(sheets)} sheets for {want_forms} forms"
    return seconds, ""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--users", type=int, default=20, help="concurrent uploads per round (default 20)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--workers", type=int, default=2, help="the server's --workers")
    ap.add_argument("--timeout", type=float, default=300, help="seconds allowed per upload")
    args = ap.parse_args()

    server = subprocess.Popen([sys.executable, "-m", "jixiao", "serve", "--port", "0", "--workers", str(args.workers),
                               "--ocr", "never"], stderr=subprocess.PIPE, text=True, cwd=ROOT)
    try:
        line = server.stderr.readline()
        match = re.search(r"(http://127\.0\.0\.1:\d+)/", line)
        if not match:
            print(f"the server did not start: {line}{server.stderr.read()}", file=sys.stderr)
            return 1
        base = match.group(1)
        with httpx.Client(base_url=base) as c:  # wait for the page, and warm the forkserver with one file
            c.get("/")
        one_user(base, FILES[0], args.timeout)
        sampler = Sampler(server.pid)
        sampler.start()
        problems, latencies = [], []
        print(f"jixiao serve at {base}, --workers {args.workers}; {args.users} concurrent uploads × {args.rounds} rounds")
        print("round  wall s  uploads/s  p50 s  max s  server RSS MiB (peak)  tree peak MiB")
        for r in range(1, args.rounds + 1):
            files = [FILES[k % len(FILES)] for k in range(args.users)]
            start = time.perf_counter()
            with ThreadPoolExecutor(args.users) as pool:
                outcomes = list(pool.map(lambda p: one_user(base, p, args.timeout), files))
            wall = time.perf_counter() - start
            times = [s for s, _ in outcomes]
            latencies += times
            problems += [p for _, p in outcomes if p]
            rss = status_kb(server.pid, "VmRSS") / 1024
            hwm = status_kb(server.pid, "VmHWM") / 1024
            print(f"{r:>5}  {wall:6.1f}  {args.users / wall:9.2f}  {statistics.median(times):5.1f}  {max(times):5.1f}  "
                  f"{rss:8.0f} ({hwm:.0f}){'':>9}  {sampler.peak / 1024:8.0f}")
        sampler.stop.set()
        with httpx.Client(base_url=base) as c:
            health = c.get("/api/health").json()
        print(f"{len(latencies)} uploads: {len(latencies) - len(problems)} read correctly; latency p50 "
              f"{statistics.median(latencies):.2f} s, max {max(latencies):.2f} s; server peak RSS "
              f"{status_kb(server.pid, 'VmHWM') / 1024:.0f} MiB; process tree peak {sampler.peak / 1024:.0f} MiB; "
              f"largest worker peak {health['peak_worker_rss_kb'] / 1024:.0f} MiB; batches left {health['batches']}")
        for p in problems[:10]:
            print("  problem:", p)
        return 1 if problems else 0
    finally:
        server.terminate()
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()


if __name__ == "__main__":
    sys.exit(main())
