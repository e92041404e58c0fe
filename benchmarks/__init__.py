"""Speed and memory of board-tui on ten years of meetings, each against a bare floor."""
