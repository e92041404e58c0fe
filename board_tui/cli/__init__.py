"""The command line: `board-tui` and its sub-commands (click)."""
