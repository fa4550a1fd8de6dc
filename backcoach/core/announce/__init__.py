"""Sounds and speech for each moment of a session."""
