"""Shared test setup: the helpers folder on sys.path, and system tools a marked test needs.

A test that needs a program outside Python carries the program's marker (``@pytest.mark.soffice``).
Where the program is missing the test is skipped with the line that installs it, so `make test` on
a fresh machine passes and says what it did not run; `.ci/run` installs every tool listed here, so
CI runs them all. To require another tool: add its marker in pyproject.toml and a row below.
"""
from __future__ import annotations

import importlib.util
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))

# marker -> (what it is, executables any one of which will do (names on PATH or absolute paths),
#            the line that installs it on Debian/Ubuntu, Python packages it is driven with)
SYSTEM_TOOLS: dict[str, tuple[str, tuple[str, ...], str, tuple[str, ...]]] = {
    "soffice": ("LibreOffice", ("soffice", "libreoffice"),
                "apt-get install libreoffice-writer-nogui libreoffice-calc-nogui", ()),
    # the report's browser tests drive Debian's Chromium with Playwright (which never downloads one)
    "browser": ("Chromium", ("/usr/bin/chromium",), "apt-get install chromium chromium-driver", ("playwright",)),
    # tests that draw a scan render its text in an installed Noto CJK font (samples/generators/scan.py)
    "cjk_font": ("Noto CJK fonts", ("fc-list",), "apt-get install fonts-noto-cjk", ()),
}


def _cjk_font_installed() -> bool:
    out = subprocess.run(["fc-list", ":lang=zh", "file"], capture_output=True, text=True, check=False).stdout
    return "CJK" in out


# markers whose tool is no program on PATH: a probe says whether it is installed
PROBES = {"cjk_font": _cjk_font_installed}

_missing: dict[str, str | None] = {}


def missing(marker: str) -> str | None:
    """Why a marker's tests cannot run here (None: they can)."""
    if marker not in _missing:
        name, executables, install, packages = SYSTEM_TOOLS[marker]
        why = None
        if not any(shutil.which(exe) for exe in executables):
            why = f"needs {name} ({' or '.join(executables)} not found); install it with: {install}"
        elif marker in PROBES and not PROBES[marker]():
            why = f"needs {name} (none installed); install it with: {install}"
        else:
            absent = [p for p in packages if importlib.util.find_spec(p) is None]
            if absent:
                why = f"needs the Python package(s) {', '.join(absent)}: pip install -e '.[dev]'"
        _missing[marker] = why
    return _missing[marker]


def pytest_runtest_setup(item: pytest.Item) -> None:
    for marker in SYSTEM_TOOLS:
        if item.get_closest_marker(marker) is not None and missing(marker):
            # raised from this one line, so pytest's summary folds every such skip into one line
            pytest.skip(missing(marker))


@pytest.fixture(scope="module")
def browser():
    """Debian's Chromium driven by Playwright (the browser tests: report and serve)."""
    from playwright.sync_api import sync_playwright

    from browser_helpers import ARGS, CHROMIUM

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        try:
            yield b
        finally:
            b.close()
