"""Parsers: the grid model → forms (header, funding, goals, indicator hierarchy).

Pure functions; nothing here knows the source file format. Entry point: :func:`parse_document`.
"""
from jixiao.parsers.forms import parse_document

__all__ = ["parse_document"]
