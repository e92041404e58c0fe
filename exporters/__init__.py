"""Word output: minutes, the updated action plan and the agenda. Never imports Textual."""
