"""Sample generators: one synthetic set of forms (``forms.py``) rendered into every input format.

Each ``<format>.py`` module here has ``build(outdir: Path) -> list[Path]`` writing its files and a
``samples/expected/<file>.json`` per file (same shape as the scorer's truth JSON).
"""
