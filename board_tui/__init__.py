"""board-tui: the board clerk's keyboard-driven meeting and action-plan tool.

Kept import-light: the command line must start fast, so nothing heavy loads here.
"""

__version__ = "0.1.0"
