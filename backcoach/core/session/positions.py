"""What to do when the next exercise is done in another position: the words for getting there."""

from __future__ import annotations

from backcoach.core.domain.exercise import Position

ON_THE_FLOOR: frozenset[Position] = frozenset({"lying", "all-fours", "side-lying", "face-down"})

# From a chair or standing.
GET_INTO: dict[Position, str] = {
    "lying": "Get down onto your back",
    "all-fours": "Get down onto your hands and knees",
    "side-lying": "Get down and lie on your side",
    "face-down": "Get down and lie on your front",
    "sitting": "Sit on a firm chair",
    "standing": "Stand up, with room around you",
}
# From one position on the floor to another.
MOVE_ONTO: dict[Position, str] = {
    "lying": "Roll onto your back",
    "all-fours": "Come up onto your hands and knees",
    "side-lying": "Roll onto your side",
    "face-down": "Roll onto your front",
}
# Off the floor the first thing is getting up, and that is done slowly.
GET_UP_INTO: dict[Position, str] = {
    "sitting": "Get up slowly and sit on a firm chair",
    "standing": "Get up slowly and stand, with room around you",
}


def move_words(before: Position | None, after: Position) -> str:
    """What to say when the position changes from one exercise to the next; "" when it does not."""
    if before is None or before == after:
        return ""
    if before in ON_THE_FLOOR:
        return MOVE_ONTO.get(after) or GET_UP_INTO[after]
    return GET_INTO[after]
