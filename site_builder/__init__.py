"""Studyhall's build: load a content snapshot, analyse it, gate it, render it, write it."""

__version__ = "0.1.0"
