"""Plain-Python core: catalog, plans, timing, pain rules, settings, history. Never imports textual."""
