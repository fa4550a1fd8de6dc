"""Command-line tools over the core: check, the JSON Schemas, show."""
