import importlib.util
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

# tests marked `browser` drive Debian's Chromium with Playwright; skipped, with the install line, without them
CHROMIUM = "/usr/bin/chromium"


def _browser_missing():
    if not Path(CHROMIUM).exists():
        return f"needs Chromium at {CHROMIUM}: apt-get install -y chromium"
    if importlib.util.find_spec("playwright") is None:
        return "needs Playwright's Python package: pip install -e '.[dev]'"
    return None


def pytest_collection_modifyitems(config, items):
    browser = [item for item in items if "browser" in item.keywords]
    why = _browser_missing() if browser else None
    if why:
        for item in browser:
            item.add_marker(pytest.mark.skip(reason=why))
