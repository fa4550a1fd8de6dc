"""One session: the plan, cues, the engine on a deadline clock, the pain check and the coach."""
