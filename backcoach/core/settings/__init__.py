"""The settings: their declarations, loading, editing in place and saving."""
