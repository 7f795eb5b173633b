"""Record how many differences from the truth each real sample has now (the test's ceilings).

Run after a parser change that reads real pages better: ``python samples/expected/real/update_floors.py``.
It refuses to raise a ceiling (a file read worse is a regression to fix, not to record).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from sample_truth import differences  # noqa: E402

HERE = Path(__file__).resolve().parent
FLOORS = HERE / "floors.json"


def main() -> int:
    old = json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.exists() else {}
    new = {}
    worse = []
    for p in sorted(HERE.glob("*.json")):
        if p.name == FLOORS.name:
            continue
        n = len(differences(p.name, expected_dir=HERE))
        if p.name in old and n > old[p.name]:
            worse.append(f"{p.name}: {old[p.name]} → {n}")
        new[p.name] = min(n, old.get(p.name, n))
    FLOORS.write_text(json.dumps(new, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    print(f"{sum(v == 0 for v in new.values())}/{len(new)} real samples exact; {sum(new.values())} differences")
    for w in worse:
        print("worse:", w)
    return 1 if worse else 0


if __name__ == "__main__":
    sys.exit(main())
