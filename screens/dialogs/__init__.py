"""Dialogs: the form every capture and edit shares, its fields, and the yes/no questions."""
