"""Textual screens, widgets and their .tcss styles."""

from pathlib import Path

STYLES_DIR = Path(__file__).parent
