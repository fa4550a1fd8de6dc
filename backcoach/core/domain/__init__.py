"""The types everything shares: exercises and routines, doses, phases, ratings, verdicts, outcomes."""
