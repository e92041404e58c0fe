"""`python -m board_tui` runs the same command line as `board-tui`."""

from board_tui.cli.launch import main

main()
