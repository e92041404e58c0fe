"""The Textual shell: the two apps, their themes, keymap, footer, palette and notices."""
