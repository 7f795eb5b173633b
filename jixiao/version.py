"""jixiao's version, in a module of its own so any layer can read it without importing the package API.

pyproject.toml reads it from here (``[tool.setuptools.dynamic]``).
"""
__version__ = "0.1.0"
