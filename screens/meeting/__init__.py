"""The live meeting screen: its layout and walking (screen.py), its captures (captures.py),
and how its parts are drawn (render.py)."""
