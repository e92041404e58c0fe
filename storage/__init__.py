"""The SQLite store. Never imports Textual: the command line and exporters use it too."""
