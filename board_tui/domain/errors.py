"""Errors a clerk may see: each carries a one-line message fit to print as it is."""


class BoardTuiError(Exception):
    """A problem with the user's input or files, not a bug: shown as one line, never a traceback."""


class NotFoundError(BoardTuiError):
    """Something named by id, name or date does not exist."""
