"""The domain: what a board, meeting, agenda and action plan are, with no I/O and no UI."""
