"""`backcoach serve`: the app in a web browser, through textual-serve (a phone on the floor beside you)."""
