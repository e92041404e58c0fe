"""`python -m board_tui` runs the same command line as `board-tui`."""

from board_tui.cli.main import main

main()
