"""The command line: ``jixiao extract``, ``jixiao report``, ``jixiao panel``, ``jixiao normalize`` and
``jixiao serve`` (also ``python -m jixiao``).

The outer edge of the pipeline. Exit status per the contract: 0 when every file was processed
(forms found or not), 1 when any file failed, 2 on bad usage.
"""
from __future__ import annotations

import argparse
import csv
import sys
from pathlib import Path

EXTRACT_HELP = """\
Find every budget-performance form (绩效目标表 / 绩效自评表) in the given files and folders and
write tidy tables: forms, indicators, budget, goals and documents.

examples:
  jixiao extract 表格.docx -o out/                 # one file → out/*.parquet, out/*.csv, out/jixiao.duckdb
  jixiao extract submissions/ -o out/ --format csv,xlsx
  jixiao extract 表格.pdf -o out/ --format forms-xlsx   # out/forms.xlsx: a sheet per form, laid out like the form
  jixiao extract scans/ -o out/ --ocr always --workers 4

Every input file gets a row in documents (status ok / no_forms / failed, with the reason).
"""

REPORT_HELP = """\
Write a review report of an extraction: OUTDIR/report/index.html, a static site that opens from
disk (no server, nothing fetched from the network). The overview lists every document with its
status, forms, failed checks and warnings; each document's page shows its pages with every read
cell outlined in the colour of its role and the forms' rows and checks beside them.

examples:
  jixiao extract submissions/ -o out/ && jixiao report out/
  jixiao extract submissions/ -o out/ --report      # the same in one command
"""

NORMALIZE_HELP = """\
Parse indicator target strings (指标值) into comparator, value, unit, standard value and deadline.
Reads one value per line from FILE (or standard input) and writes CSV to standard output.

example:
  printf '≥26158平方米\\n≤15.44万元\\n有所提升\\n' | jixiao normalize
"""


PANEL_HELP = """\
Line up the same department's indicators across years from the tables `jixiao extract` wrote:
one row per department_key × indicator_key × year. Writes OUTDIR/panel.parquet,
OUTDIR/panel_links.parquet and OUTDIR/panel_linkage.txt (how many departments and indicators
were seen in more than one year), and prints the linkage report.

example:
  jixiao extract submissions/ -o out/ && jixiao panel out/ --charts out/charts
"""


SERVE_HELP = """\
Start a local web page for converting forms without a terminal: drop files on it, see each form
read back as the form with its failed checks, and download an Excel workbook laid out like the
forms (or the tidy tables as XLSX, CSV, Parquet, DuckDB). Listens on this computer only
(127.0.0.1) unless --host names another address. Uploads are deleted once read; results after
--ttl minutes unused, and all of it when the server stops.

examples:
  jixiao serve                       # then open http://127.0.0.1:8765/
  jixiao serve --port 9000 --open
  jixiao serve --host 0.0.0.0        # other machines may connect (no login!): a warning is printed
"""


def build_parser() -> argparse.ArgumentParser:
    from jixiao.version import __version__

    ap = argparse.ArgumentParser(prog="jixiao", description="Chinese budget-performance forms → one clean dataset.")
    ap.add_argument("--version", action="version", version=f"jixiao {__version__}")
    sub = ap.add_subparsers(dest="command", metavar="COMMAND")

    e = sub.add_parser("extract", help="extract forms from files/folders into tables", description=EXTRACT_HELP,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    e.add_argument("inputs", nargs="+", metavar="INPUT", help="files and folders (folders are walked recursively)")
    e.add_argument("-o", "--out", required=True, metavar="OUTDIR", help="folder for the output tables")
    e.add_argument("--format", default="parquet,csv,duckdb",
                   help="comma-separated: parquet,csv,duckdb,xlsx,forms-xlsx (default: parquet,csv,duckdb); "
                        "forms-xlsx writes OUTDIR/forms.xlsx, one sheet per form laid out like the printed form")
    e.add_argument("--workers", type=int, default=None, help="parallel worker processes (default: CPU count)")
    e.add_argument("--engine", choices=["local", "dask"], default="local", help="run locally or on Dask")
    e.add_argument("--scheduler", metavar="ADDRESS", help="Dask scheduler address (default: a local cluster)")
    e.add_argument("--ocr", choices=["auto", "always", "never"], default="auto",
                   help="OCR pages without a usable text layer (auto), every page (always) or none (never)")
    e.add_argument("--resume", action="store_true", help="reuse results cached in OUTDIR for unchanged files")
    e.add_argument("--timeout", type=float, default=None, metavar="S", help="seconds allowed per file")
    e.add_argument("--max-memory", type=int, default=None, metavar="MB",
                   help="memory cap per worker process (Linux); a file needing more fails")
    e.add_argument("--pdf-engine", choices=["native", "camelot"], default="native", help="PDF table engine")
    e.add_argument("--password", help="password for encrypted PDFs")
    e.add_argument("--debug", action="store_true", help="show tracebacks in errors")
    e.add_argument("-q", "--quiet", action="store_true", help="no progress or summary output")
    e.add_argument("--report", action="store_true", help="also write the review report (OUTDIR/report/index.html)")

    r = sub.add_parser("report", help="write the review report of an extraction (OUTDIR/report/index.html)",
                       description=REPORT_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    r.add_argument("outdir", metavar="OUTDIR", help="the folder `jixiao extract -o` wrote (Parquet or CSV tables)")
    r.add_argument("--dest", metavar="DIR", help="where the report goes (default: OUTDIR/report)")
    r.add_argument("--dpi", type=int, default=None, help="resolution of the page images (default: 120)")
    r.add_argument("-q", "--quiet", action="store_true", help="no summary output")

    n = sub.add_parser("normalize", help="parse target strings (指标值) into typed values (CSV)",
                       description=NORMALIZE_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    n.add_argument("file", nargs="?", default="-", metavar="FILE", help="one value per line; - or nothing for stdin")
    n.add_argument("--year", type=int, help="year for dates written without one (12月31日前)")
    p = sub.add_parser("panel", help="line up departments' indicators across years (Parquet + linkage report)",
                       description=PANEL_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("outdir", metavar="OUTDIR", help="a folder written by `jixiao extract`")
    p.add_argument("-o", "--out", metavar="DIR", help="where to write the panel files (default: OUTDIR)")
    p.add_argument("--charts", metavar="DIR", help="also write PNG charts to DIR (needs matplotlib)")
    p.add_argument("-q", "--quiet", action="store_true", help="do not print the linkage report")

    from jixiao.serve.settings import ServeSettings

    d = ServeSettings()
    s = sub.add_parser("serve", help="a local web page: drop files, see the forms, download Excel",
                       description=SERVE_HELP, formatter_class=argparse.RawDescriptionHelpFormatter)
    s.add_argument("--host", default=None, help=f"address to listen on (default {d.host}: this computer only)")
    s.add_argument("--port", type=int, default=d.port, help=f"port (default {d.port}; 0: any free port)")
    s.add_argument("--max-upload-mb", type=float, default=d.max_upload_mb, metavar="MB",
                   help=f"largest file accepted (default {d.max_upload_mb:g})")
    s.add_argument("--ttl", type=float, default=d.ttl_seconds / 60, metavar="MIN",
                   help=f"minutes results are kept after their last use (default {d.ttl_seconds / 60:g})")
    s.add_argument("--timeout", type=float, default=d.timeout_seconds, metavar="S",
                   help=f"seconds allowed to read one file (default {d.timeout_seconds:g})")
    s.add_argument("--workers", type=int, default=d.workers, help=f"files read at the same time (default {d.workers})")
    s.add_argument("--ocr", choices=["auto", "always", "never"], default=d.ocr, help="as for extract")
    s.add_argument("--open", action="store_true", help="open the page in the default browser")
    return ap


def main(argv=None) -> int:
    ap = build_parser()
    args = ap.parse_args(argv)
    if args.command is None:
        ap.print_help(sys.stderr)
        return 2
    if args.command == "normalize":
        return cmd_normalize(args)
    if args.command == "panel":
        return cmd_panel(args)
    if args.command == "report":
        return cmd_report(args, ap)
    if args.command == "serve":
        return cmd_serve(args, ap)
    return cmd_extract(args, ap)


def cmd_normalize(args) -> int:
    from jixiao.normalize import CSV_COLUMNS, normalize_lines

    if args.file == "-":
        data = sys.stdin.buffer.read()
    else:
        try:
            data = Path(args.file).read_bytes()
        except OSError as e:
            print(f"jixiao normalize: cannot read {args.file}: {e.strerror}", file=sys.stderr)
            return 2
    from jixiao.extract.text import decode_text
    from jixiao.normalize import input_lines

    lines = input_lines(decode_text(data))
    rows = normalize_lines(lines, year=args.year)
    out = csv.DictWriter(sys.stdout, fieldnames=CSV_COLUMNS, lineterminator="\n")
    out.writeheader()
    for r in rows:
        out.writerow({k: ("" if r.get(k) is None else r[k]) for k in CSV_COLUMNS})
    return 0


def cmd_panel(args) -> int:
    from jixiao.panel import PanelError, build_panel

    try:
        report = build_panel(Path(args.outdir), Path(args.out) if args.out else None,
                             Path(args.charts) if args.charts else None)
    except PanelError as e:
        print(f"jixiao panel: {e}", file=sys.stderr)
        return 2
    except ImportError as e:
        print(f"jixiao panel: {e.name or e} is needed for --charts (pip install 'jixiao[charts]')", file=sys.stderr)
        return 2
    if not args.quiet:
        print(report.text())
        print("wrote " + ", ".join(str(p) for p in report.files))
    return 0


def cmd_extract(args, ap) -> int:
    from jixiao.batch.run import run_extract
    from jixiao.dataset.writers import FORMATS

    formats = [f.strip().lower() for f in args.format.split(",") if f.strip()]
    bad = [f for f in formats if f not in FORMATS]
    if bad or not formats:
        ap.error(f"--format takes a comma-separated list of {', '.join(FORMATS)} (got {args.format!r})")
    if args.report and not {"parquet", "csv"} & set(formats):
        ap.error("--report reads the Parquet or CSV tables: add parquet or csv to --format")
    if args.workers is not None and args.workers < 1:
        ap.error("--workers must be at least 1")
    missing = [p for p in args.inputs if not Path(p).exists()]
    if missing:
        ap.error("no such file or folder: " + ", ".join(missing))
    code = run_extract(args, formats)
    if args.report and code in (0, 1):
        report_code = write_report(Path(args.out), None, None, args.quiet)
        code = code or report_code
    return code


def cmd_serve(args, ap) -> int:
    from jixiao.serve.settings import RemoteRefused, ServeSettings

    if not 0 <= args.port <= 65535:
        ap.error("--port must be between 0 and 65535")
    if args.max_upload_mb <= 0 or args.ttl <= 0 or args.timeout <= 0 or args.workers < 1:
        ap.error("--max-upload-mb, --ttl and --timeout must be positive, --workers at least 1")
    settings = ServeSettings(host=args.host or ServeSettings.host, port=args.port, allow_remote=args.host is not None,
                             max_upload_mb=args.max_upload_mb, ttl_seconds=args.ttl * 60,
                             timeout_seconds=args.timeout, workers=args.workers, ocr=args.ocr)
    try:
        from jixiao.serve.server import serve
    except ImportError as e:
        print(f"jixiao serve: needs {e.name or e} (pip install 'jixiao[serve]')", file=sys.stderr)
        return 2

    def announce(url: str) -> None:
        print(f"jixiao serve: open {url} in a browser (Ctrl-C stops)", file=sys.stderr)
        if args.open:
            import webbrowser

            webbrowser.open(url)
    try:
        return serve(settings, announce)
    except RemoteRefused as e:
        print(f"jixiao serve: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"jixiao serve: cannot listen on {settings.host}:{settings.port}: {e.strerror or e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0


def cmd_report(args, ap) -> int:
    if not Path(args.outdir).is_dir():
        ap.error(f"no such folder: {args.outdir}")
    if args.dpi is not None and not 30 <= args.dpi <= 400:
        ap.error("--dpi must be between 30 and 400")
    return write_report(Path(args.outdir), Path(args.dest) if args.dest else None, args.dpi, args.quiet)


def write_report(outdir: Path, dest, dpi, quiet: bool) -> int:
    from jixiao.report import NoTables, build_report
    from jixiao.report.pages import DEFAULT_DPI

    try:
        summary = build_report(outdir, dest, dpi or DEFAULT_DPI)
    except NoTables as e:
        print(f"jixiao report: {e}", file=sys.stderr)
        return 2
    except OSError as e:
        print(f"jixiao report: cannot write the report: {e.strerror or e}", file=sys.stderr)
        return 2
    if not quiet:
        print(f"jixiao: review report of {summary.documents} documents ({summary.pages} page images) in "
              f"{summary.seconds:.1f} s → {summary.index}", file=sys.stderr)
        if summary.missing_sources:
            print(f"jixiao: {len(summary.missing_sources)} source files are no longer where they were read "
                  f"(their pages are not shown): {', '.join(summary.missing_sources[:3])}"
                  + (" …" if len(summary.missing_sources) > 3 else ""), file=sys.stderr)
        for err in summary.render_errors[:3]:
            print(f"jixiao: pages not rendered: {err}", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
