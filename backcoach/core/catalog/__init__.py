"""Loading and checking the shipped and the user's catalog of exercises, routines and drawings."""
