"""Making a file that must be new: never one already there, and never through a planted link."""

from __future__ import annotations

import os

NEW_FILE_FLAGS = (
    os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
)
"""O_EXCL|O_NOFOLLOW (where the system has them): a partial export or backup is always a
file this process made, whatever an attacker put at the name first."""


def random_part(nbytes: int) -> str:
    """A random hex name part for a file made new, as secrets.token_hex makes it (from
    os.urandom): importing secrets loads hashlib, 0.6 MiB the app does not otherwise need."""
    return os.urandom(nbytes).hex()
