"""Small helpers every layer may use: text, paths, file problems (FILE:LINE), TOML reading, safe files, clocks."""
