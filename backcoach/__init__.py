"""backcoach: a keyboard-driven terminal coach for back-pain exercise."""

__version__ = "0.1.0"
