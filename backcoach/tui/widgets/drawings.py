"""Small text drawings of each starting position, with words, so the picture is never needed alone."""

from __future__ import annotations

DRAWINGS = {
    "lying": ("on your back, knees bent", "         /\\\n  O_____/  \\__\n▔▔▔▔▔▔▔▔▔▔▔▔▔▔▔▔"),
    "all-fours": ("on hands and knees", " O__________\n  |        |\\_\n▔▔▔▔▔▔▔▔▔▔▔▔▔▔▔▔"),
    "sitting": ("sitting tall on a chair", "   O\n   |__\n   |  |\n▔▔▔▔▔▔▔▔▔▔"),
    "standing": ("standing", "   O\n  /|\\\n  / \\\n▔▔▔▔▔▔▔▔"),
    "side-lying": ("lying on your side", "  O____\n (_____\\__/\n▔▔▔▔▔▔▔▔▔▔▔▔▔▔"),
    "face-down": ("on your front, on your elbows", "  O\n   \\_________\n▔▔▔▔▔▔▔▔▔▔▔▔▔▔▔▔"),
}


def drawing_for(position: str) -> str:
    caption, art = DRAWINGS.get(position, (position, ""))
    return f"{art}\n{caption}"
