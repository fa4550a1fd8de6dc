"""Progress over days and weeks: dose progression, trends, the week and its check-in."""
