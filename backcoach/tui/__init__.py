"""The Textual app: screens render engine state and send intents back."""
