"""Batch benchmark: 1,000 files (copies of the repo's samples) through ``jixiao extract``.

Measures files/s with 1 and 2 workers (and the scaling efficiency), the peak resident memory of a
worker and of the main process, and what ``--resume`` costs on an unchanged rerun. Only samples
with a text layer are copied (DOCX, XLSX, XLS, HTML, text and text-layer PDF; ``bad_*``/encrypted
ones and everything under ``samples/scan`` are left out, and runs use ``--ocr never``) so the
benchmark takes minutes, not hours: OCR costs seconds per page and would swamp the batch machinery.

    .venv/bin/python benchmarks/bench_batch.py [--files 1000] [--workers 1,2] [--keep DIR]
"""
from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
KINDS = {".docx", ".xlsx", ".xls", ".html", ".htm", ".txt", ".pdf"}


def sample_files() -> list[Path]:
    picked = []
    for p in sorted((REPO / "samples").rglob("*")):
        rel = p.relative_to(REPO / "samples").parts
        if not p.is_file() or rel[0] in ("expected", "generators", "scan") or p.suffix.lower() not in KINDS:
            continue
        if p.name.startswith("bad_") or "encrypted" in p.name:
            continue
        picked.append(p)
    return picked


def build_batch(folder: Path, count: int) -> dict[str, int]:
    """``count`` copies spread over departments/years folders (Chinese names, spaces)."""
    samples = sample_files()
    if not samples:
        sys.exit("no samples found under samples/")
    kinds: dict[str, int] = {}
    for n in range(count):
        src = samples[n % len(samples)]
        dest = folder / f"部门 {n % 10:02d}" / f"{2020 + n % 4}年" / f"{n:04d} {src.name}"
        dest.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(src, dest)
        kinds[src.suffix.lower()] = kinds.get(src.suffix.lower(), 0) + 1
    return kinds


def snapshot_code(work: Path) -> Path:
    """A frozen copy of the jixiao package: every run measures the same code, even while it is edited."""
    target = work / "code"
    shutil.rmtree(target, ignore_errors=True)
    shutil.copytree(REPO / "jixiao", target / "jixiao", ignore=shutil.ignore_patterns("__pycache__"))
    return target


def run(code: Path, inputs: Path, out: Path, *extra: str) -> dict:
    cmd = ["/usr/bin/time", "-f", "MAXRSS_KB=%M CPU_S=%U+%S", sys.executable, "-m", "jixiao", "extract", str(inputs),
           "-o", str(out), "--ocr", "never", "--debug", *extra]
    if not Path("/usr/bin/time").exists():
        cmd = cmd[3:]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, cwd=code, env=dict(os.environ, PYTHONPATH=str(code)))
    seconds = time.perf_counter() - start
    err = proc.stderr
    if proc.returncode not in (0, 1):
        sys.exit(f"jixiao failed ({proc.returncode}):\n{err}")
    summary = next((line for line in err.splitlines() if line.startswith("jixiao: ")), "")
    files = int(re.search(r"jixiao: (\d+) files", summary).group(1))
    worker = re.search(r"peak worker memory (\d+) MiB", summary)
    parent = re.search(r"MAXRSS_KB=(\d+) CPU_S=([\d.]+)\+([\d.]+)", err)
    reused = re.search(r"(\d+) reused from cache", summary)
    cpu = re.search(r"worker CPU ([\d.]+) s", err)
    return {"seconds": seconds, "files": files, "rate": files / seconds, "summary": summary,
            "worker_mib": int(worker.group(1)) if worker else None,
            "parent_mib": int(parent.group(1)) / 1024 if parent else None,
            "main_cpu_ms_per_file": 1000 * (float(parent.group(2)) + float(parent.group(3))) / files if parent and files else None,
            "reused": int(reused.group(1)) if reused else 0,
            "cpu_ms_per_file": 1000 * float(cpu.group(1)) / files if cpu and files else None}


def mib(value) -> str:
    return "" if value is None else f"{value:.0f} MiB"


def ms(value) -> str:
    return "" if value is None else f"{value:.1f} ms"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=1000)
    ap.add_argument("--workers", default="1,2")
    ap.add_argument("--rounds", type=int, default=2, help="interleaved rounds; the fastest round of each run counts")
    ap.add_argument("--keep", help="build the batch and outputs here and keep them")
    args = ap.parse_args()
    work = Path(args.keep) if args.keep else Path(tempfile.mkdtemp(prefix="jixiao-bench-"))
    inputs = work / "批量 输入"
    if inputs.exists():
        shutil.rmtree(inputs)
    kinds = build_batch(inputs, args.files)
    code = snapshot_code(work)
    counts = [int(x) for x in args.workers.split(",")]
    last = max(counts)
    print(f"load average before: {os.getloadavg()[0]:.1f}")
    print(f"batch: {args.files} files in {inputs} ({', '.join(f'{k} {v}' for k, v in sorted(kinds.items()))}); "
          f"{os.cpu_count()} CPUs; {args.rounds} interleaved rounds, fastest counts", flush=True)
    best: dict[str, dict] = {}
    for round_no in range(args.rounds):
        for w in counts:
            out = work / f"out-w{w}"
            shutil.rmtree(out, ignore_errors=True)
            r = run(code, inputs, out, "--workers", str(w))
            print(f"  round {round_no + 1}, {w} worker(s): {r['summary']}", flush=True)
            if f"w{w}" not in best or r["seconds"] < best[f"w{w}"]["seconds"]:
                best[f"w{w}"] = r
        r = run(code, inputs, work / f"out-w{last}", "--workers", str(last), "--resume")
        print(f"  round {round_no + 1}, --resume: {r['summary']}", flush=True)
        if "resume" not in best or r["seconds"] < best["resume"]["seconds"]:
            best["resume"] = r

    base = best["w1"]["rate"] if "w1" in best else None
    rows = [(f"clean run, {w} worker{'s' if w > 1 else ''}", best[f"w{w}"],
             best[f"w{w}"]["rate"] / (w * base) if base else None) for w in counts]
    rows.append((f"--resume, unchanged rerun, {last} workers", best["resume"], None))
    print()
    print("| run | seconds | files/s | scaling efficiency | worker CPU per file | main process CPU per file "
          "| peak RSS per worker | peak RSS main process |")
    print("|---|---:|---:|---:|---:|---:|---:|---:|")
    for label, r, eff in rows:
        cells = [label, f"{r['seconds']:.1f}", f"{r['rate']:.1f}", "" if eff is None else f"{eff:.0%}",
                 ms(r["cpu_ms_per_file"]), ms(r["main_cpu_ms_per_file"]), mib(r["worker_mib"]), mib(r["parent_mib"])]
        print("| " + " | ".join(cells) + " |")
    resume, clean = best["resume"], best[f"w{last}"]
    print(f"\n--resume on an unchanged rerun: {resume['reused']}/{resume['files']} files reused, "
          f"{resume['seconds']:.1f} s = {resume['seconds'] / clean['seconds']:.0%} of the clean {last}-worker run "
          f"(start-up, hashing every file, reading {resume['files']} stored results, writing the tables)")
    print(f"load average after: {os.getloadavg()[0]:.1f} (other processes share the CPUs: files/s depends on it, "
          "CPU per file does not)")
    if not args.keep:
        shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
