"""The SQLite history: schema and queries, the write queue with its side file."""
