"""The plain-text front end: the coach as lines, for screen readers, braille displays, pipes and logs."""
