"""Use cases over the store that the command line and the screens share."""
