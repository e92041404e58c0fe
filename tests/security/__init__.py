"""Confidentiality checks: Part 2 (exempt) business never reaches a public output.

A package, so other tests can import the scenario: `from security.part2 import build_part2`.
"""
