"""Drafts config/drawings.toml from stick-figure poses: joints on a 40 x 20 grid, drawn in both sizes.

The TOML it writes is the data the app reads; this script is only a drafting aid (edit the poses and
run it again, or edit the pictures in the TOML by hand). Run: python docs/make_drawings.py
"""

from __future__ import annotations

import itertools
from pathlib import Path

W, H = 40, 20  # the normal size in pixels; compact is half of each
Point = tuple[float, float]
# A pose: head centre, then polylines, each with its ink: "#" the body, "+" the part that moves.
Pose = tuple[Point, list[tuple[str, list[Point]]]]

BACK_SHOULDER, BACK_HIP = (8, 17), (19, 17)
HEAD_LYING = (4.5, 16.5)


def lying(knee: Point = (25, 11), foot: Point = (30, 18)) -> list[tuple[str, list[Point]]]:
    return [("#", [BACK_SHOULDER, BACK_HIP]), ("#", [BACK_HIP, knee, foot])]


def fours(shoulder: Point = (9, 10), hip: Point = (24, 10), ink: str = "#") -> list[tuple[str, list[Point]]]:
    return [
        (ink, [shoulder, hip]),
        ("#", [shoulder, (shoulder[0], 18)]),
        ("#", [hip, (hip[0], 18), (32, 18)]),
    ]


def chair(back: bool = False) -> list[tuple[str, list[Point]]]:
    lines = [("#", [(14, 13), (25, 13)]), ("#", [(15, 13), (15, 18)]), ("#", [(24, 13), (24, 18)])]
    if back:
        lines.append(("#", [(25, 13), (25, 6)]))
    return lines


def seated(top: Point = (22, 3), head: Point | None = None, ink: str = "#") -> Pose:
    """Sitting on a stool, facing left: hip (22, 12), knee (14, 12), foot (14, 18)."""
    body = [(ink, [(22, 12), top]), ("#", [(22, 12), (13, 12), (13, 18), (10, 18)]), *chair()]
    return (head or (top[0] - 1, top[1] - 2.5)), body


POSES: dict[str, tuple[Pose, Pose]] = {
    "pelvic-tilt": (
        (HEAD_LYING, [("#", [BACK_SHOULDER, (13, 15), BACK_HIP]), ("#", [BACK_HIP, (25, 11), (30, 18)])]),
        (HEAD_LYING, [("#", [BACK_SHOULDER, (13, 17)]), ("+", [(13, 18), (19, 18)]), *lying()[1:]]),
    ),
    "knee-to-chest": (
        (HEAD_LYING, lying()),
        (HEAD_LYING, [*lying(), ("+", [BACK_HIP, (14, 9), (21, 8)]), ("#", [BACK_SHOULDER, (14, 11)])]),
    ),
    "basic-twist": (
        (HEAD_LYING, [*lying(), ("#", [BACK_SHOULDER, (9, 12)])]),
        (
            HEAD_LYING,
            [
                ("#", [BACK_SHOULDER, BACK_HIP]),
                ("+", [BACK_HIP, (27, 15), (31, 18)]),
                ("#", [BACK_SHOULDER, (9, 12)]),
            ],
        ),
    ),
    "bottom-to-heels": (
        ((5.5, 9.5), [*fours(), ("#", [(9, 10), (7, 9)])]),
        (
            (9.5, 14.5),
            [("+", [(13, 14), (26, 15)]), ("#", [(26, 15), (23, 18), (33, 18)]), ("#", [(13, 14), (3, 18)])],
        ),
    ),
    "back-extension": (
        ((5, 16.5), [("#", [(8, 18), (34, 18)]), ("#", [(11, 17), (5, 18)])]),
        (
            (7, 8.5),
            [("+", [(10, 11), (22, 18)]), ("#", [(22, 18), (35, 18)]), ("#", [(10, 11), (10, 18), (3, 18)])],
        ),
    ),
    "bridge": (
        (HEAD_LYING, lying()),
        (HEAD_LYING, [("+", [BACK_SHOULDER, (20, 10)]), ("#", [(20, 10), (27, 9), (30, 18)])]),
    ),
    "bird-dog": (
        ((5.5, 9.5), [*fours(), ("#", [(9, 10), (7, 9)])]),
        (
            (5.5, 9.5),
            [
                *fours()[:2],
                ("#", [(24, 10), (24, 18), (32, 18)]),
                ("+", [(9, 10), (0, 8)]),
                ("+", [(24, 10), (39, 8)]),
            ],
        ),
    ),
    "leg-raise": (
        (HEAD_LYING, [*lying(), ("#", [BACK_HIP, (37, 18)])]),
        (HEAD_LYING, [*lying(), ("+", [BACK_HIP, (35, 10)])]),
    ),
    "crunch": (
        (HEAD_LYING, lying()),
        ((6.5, 11.5), [("+", [(10, 14), BACK_HIP]), *lying()[1:], ("#", [(10, 14), (16, 13)])]),
    ),
    "piriformis-stretch": (
        (HEAD_LYING, [*lying(), ("#", [(25, 11), (21, 8), (25, 10)])]),
        (
            HEAD_LYING,
            [
                ("#", [BACK_SHOULDER, BACK_HIP]),
                ("+", [BACK_HIP, (20, 9), (26, 8)]),
                ("#", [(20, 9), (16, 6), (21, 8)]),
                ("#", [BACK_SHOULDER, (19, 10)]),
            ],
        ),
    ),
    "cat-cow": (
        ((5.5, 10.5), [("#", [(9, 10), (16, 12), (24, 10)]), *fours()[1:]]),
        ((5.5, 12.5), [("+", [(9, 10), (16, 5), (24, 10)]), *fours()[1:]]),
    ),
    "seated-rotation": (
        seated(),
        (
            (20.5, 0.5),
            [
                ("+", [(22, 12), (22, 3)]),
                ("+", [(17, 5), (27, 4)]),
                ("#", [(22, 12), (13, 12), (13, 18), (10, 18)]),
                *chair(),
            ],
        ),
    ),
    "open-book": (
        (
            (4.5, 16.5),
            [("#", [(8, 17), (22, 17)]), ("#", [(22, 17), (28, 12), (33, 17)]), ("#", [(8, 16), (17, 11)])],
        ),
        (
            (4.5, 16.5),
            [("#", [(8, 17), (22, 17)]), ("#", [(22, 17), (28, 12), (33, 17)]), ("+", [(9, 16), (2, 11)])],
        ),
    ),
    "thoracic-extension": (
        (
            (21, 0.5),
            [
                ("#", [(22, 12), (22, 3)]),
                ("#", [(22, 5), (17, 3), (20, 1)]),
                ("#", [(22, 12), (13, 12), (13, 18), (10, 18)]),
                *chair(True),
            ],
        ),
        (
            (30.5, 2.5),
            [
                ("#", [(22, 12), (25, 7)]),
                ("+", [(25, 7), (29, 4)]),
                ("#", [(28, 5), (24, 2), (28, 1)]),
                ("#", [(22, 12), (13, 12), (13, 18), (10, 18)]),
                *chair(True),
            ],
        ),
    ),
    "chin-tuck": (
        ((18.5, 0.5), [("#", [(22, 12), (22, 4), (20, 2)]), *seated()[1][1:]]),
        seated(head=(21.5, 0.5)),
    ),
    "doorway-chest-stretch": (
        (
            (19, 2.5),
            [
                ("#", [(15, 0), (15, 19)]),
                ("#", [(19, 5), (19, 12), (17, 18)]),
                ("#", [(19, 12), (21, 18)]),
                ("#", [(19, 6), (16, 6), (16, 1)]),
            ],
        ),
        (
            (11.5, 3.5),
            [
                ("#", [(15, 0), (15, 19)]),
                ("+", [(12, 6), (15, 12)]),
                ("#", [(15, 12), (10, 18)]),
                ("#", [(15, 12), (20, 18)]),
                ("#", [(12, 6), (16, 6), (16, 1)]),
            ],
        ),
    ),
    "shoulder-blade-squeeze": (
        (
            (19, 2.5),
            [
                ("#", [(19, 5), (19, 12), (17, 18)]),
                ("#", [(19, 12), (21, 18)]),
                ("#", [(19, 6), (16, 10), (12, 9)]),
            ],
        ),
        (
            (19, 2.5),
            [
                ("#", [(19, 5), (19, 12), (17, 18)]),
                ("#", [(19, 12), (21, 18)]),
                ("+", [(19, 6), (23, 10), (18, 10)]),
            ],
        ),
    ),
    "posture-reset": (
        (
            (17.5, 4.5),
            [("#", [(22, 12), (23, 8), (20, 6)]), ("#", [(22, 12), (13, 12), (13, 18), (10, 18)]), *chair()],
        ),
        ((21, 0.5), [("+", [(22, 12), (22, 3)]), ("#", [(22, 12), (13, 12), (13, 18), (10, 18)]), *chair()]),
    ),
}
# Still figures for an exercise with no drawing of its own, by position.
POSITIONS: dict[str, Pose] = {
    "lying": (HEAD_LYING, lying()),
    "all-fours": ((5.5, 9.5), [*fours(), ("#", [(9, 10), (7, 9)])]),
    "sitting": seated(),
    "standing": (
        (19, 2.5),
        [("#", [(19, 5), (19, 12), (17, 18)]), ("#", [(19, 12), (21, 18)]), ("#", [(19, 6), (17, 12)])],
    ),
    "side-lying": POSES["open-book"][0],
    "face-down": (
        (7, 8.5),
        [("#", [(10, 11), (22, 18)]), ("#", [(22, 18), (35, 18)]), ("#", [(10, 11), (10, 18), (3, 18)])],
    ),
}
CAPTIONS = {
    "pelvic-tilt": (
        "On your back, knees bent, a small gap under the low back",
        "Tilt the pelvis: the low back presses flat to the floor",
    ),
    "knee-to-chest": ("On your back, both knees bent", "One knee drawn to the chest, hands behind the thigh"),
    "basic-twist": (
        "On your back, knees bent and together, arms out",
        "Both knees roll to one side; shoulders stay down",
    ),
    "bottom-to-heels": ("On hands and knees", "The bottom sinks back to the heels, arms reach forward"),
    "back-extension": ("Face down, flat on the floor", "Up on the elbows: the chest lifts, hips stay down"),
    "bridge": (
        "On your back, knees bent, feet flat",
        "The hips lift into a straight line from knees to shoulders",
    ),
    "bird-dog": ("On hands and knees, back level", "One arm reaches forward, the other leg back"),
    "leg-raise": (
        "On your back, one knee bent, the other leg straight on the floor",
        "The straight leg lifts to the height of the bent knee",
    ),
    "crunch": ("On your back, knees bent, hands under the low back", "Head and shoulders curl up a little"),
    "piriformis-stretch": (
        "On your back, one ankle crossed over the other knee",
        "Both legs drawn towards the chest",
    ),
    "cat-cow": ("On hands and knees, the back dipped", "The back rounds up like a cat"),
    "seated-rotation": ("Sitting tall, arms crossed", "The upper body turns to one side"),
    "open-book": (
        "On your side, knees bent, arms out in front together",
        "The top arm opens to the other side",
    ),
    "thoracic-extension": ("Sitting tall, hands behind the head", "The upper back leans back over the chair"),
    "chin-tuck": ("Sitting tall, the head forward", "The chin draws straight back"),
    "doorway-chest-stretch": (
        "Forearm on the door frame, elbow at shoulder height",
        "A step through the doorway: a stretch across the chest",
    ),
    "shoulder-blade-squeeze": (
        "Standing tall, elbows bent",
        "Elbows back: the shoulder blades squeeze together",
    ),
    "posture-reset": ("Sitting slumped", "Sitting tall: the head over the shoulders"),
}
POSITION_CAPTIONS = {
    "lying": "On your back, knees bent",
    "all-fours": "On hands and knees",
    "sitting": "Sitting tall on a chair",
    "standing": "Standing tall",
    "side-lying": "Lying on your side, knees bent",
    "face-down": "Face down, on your elbows",
}


MOVING_HEAD = {"chin-tuck", "crunch", "seated-rotation"}  # end frames whose head is part of the movement


def draw(pose: Pose, scale: float, head_ink: str = "#") -> str:
    width, height = round(W * scale), round(H * scale)
    grid = [["."] * width for _ in range(height)]

    def put(x: float, y: float, ink: str) -> None:
        col, row = round(x * scale), round(y * scale)
        col, row = min(max(col, 0), width - 1), min(max(row, 0), height - 2)
        if grid[row][col] != "+":
            grid[row][col] = ink

    head, lines = pose
    for ink, points in lines:
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            steps = int(max(abs(x1 - x0), abs(y1 - y0)) * 2) + 1
            for step in range(steps + 1):
                t = step / steps
                put(x0 + (x1 - x0) * t, y0 + (y1 - y0) * t, ink)
    radius = 2.0 if scale == 1 else 1.4
    hx, hy = head
    for row in range(height - 1):
        for col in range(width):
            if ((col / scale - hx) * scale) ** 2 + ((row / scale - hy) * scale) ** 2 <= radius**2 * 0.8:
                grid[row][col] = head_ink
    grid[-1] = ["#"] * width  # the floor
    return "\n".join("".join(row) for row in grid)


def picture(text: str) -> str:
    return "'''\n" + text + "\n'''"


def main() -> None:
    out = [
        "# Drawings of the exercises: each a start and an end key frame, in two sizes.",
        "# Written by docs/make_drawings.py from stick-figure poses; edit either. The format is in README.md:",
        '# "#" is the body, "+" the part that moves (drawn in colour), "." is empty; two rows make one line',
        "# on screen. normal pictures are 40 x 20, compact ones 20 x 10; the last row is the floor.",
        "",
    ]
    for exercise_id, (start, end) in POSES.items():
        first, last = CAPTIONS[exercise_id]
        out += [f"[exercises.{exercise_id}]", f'start = "{first}"', f'end = "{last}"']
        head = "+" if exercise_id in MOVING_HEAD else "#"
        out += [f"start_normal = {picture(draw(start, 1))}", f"end_normal = {picture(draw(end, 1, head))}"]
        out += [f"start_compact = {picture(draw(start, 0.5))}"]
        out += [f"end_compact = {picture(draw(end, 0.5, head))}", ""]
    for position, pose in POSITIONS.items():
        out += [f"[positions.{position}]", f'start = "{POSITION_CAPTIONS[position]}"']
        out += [f"start_normal = {picture(draw(pose, 1))}", f"start_compact = {picture(draw(pose, 0.5))}", ""]
    path = Path(__file__).resolve().parent.parent / "config" / "drawings.toml"
    path.write_text("\n".join(out).rstrip() + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
