"""Readers: Word, text and CSV papers turned into plain records, before anything is stored."""
