"""What the browser tests share: Debian's Chromium and its switches (the ``browser`` fixture in
conftest.py launches it with Playwright, never a downloaded browser) and where screenshots go
(JIXIAO_SCREENSHOTS=DIR; ``make screenshots`` writes docs/)."""
from __future__ import annotations

import os
from pathlib import Path

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run"]


def screenshots() -> Path | None:
    """The folder to keep screenshots in (created), or None when they are not wanted."""
    where = os.environ.get("JIXIAO_SCREENSHOTS")
    if not where:
        return None
    Path(where).mkdir(parents=True, exist_ok=True)
    return Path(where)
