"""``python -m jixiao.summary OUTDIR``: a short human summary of an extraction's output tables."""
from __future__ import annotations

import sys
from pathlib import Path


def main(outdir: str) -> int:
    import duckdb

    db = Path(outdir) / "jixiao.duckdb"
    if not db.exists():
        print(f"no {db}", file=sys.stderr)
        return 1
    con = duckdb.connect(str(db), read_only=True)
    try:
        print(f"\n{db}: " + ", ".join(f"{t} {con.execute(f'SELECT count(*) FROM {t}').fetchone()[0]}"
                                      for t in ("documents", "forms", "indicators", "budget", "goals")))
        print("\nforms by type:")
        for ft, n in con.execute("SELECT form_type, count(*) FROM forms GROUP BY 1 ORDER BY 2 DESC").fetchall():
            print(f"  {ft:<22} {n}")
        print("\nindicator targets by comparator:")
        for c, n in con.execute("SELECT coalesce(comparator, '(empty)'), count(*) FROM indicators GROUP BY 1 ORDER BY 2 DESC").fetchall():
            print(f"  {c:<10} {n}")
        failed = con.execute("SELECT source, error FROM documents WHERE status = 'failed'").fetchall()
        for src, err in failed:
            print(f"  failed: {src}: {err}")
    finally:
        con.close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1] if len(sys.argv) > 1 else "out"))
