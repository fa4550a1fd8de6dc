"""Drafts config/drawings.toml from stick-figure poses: joints on a 40 x 20 grid, drawn in both sizes.

The TOML it writes is the data the app reads; this script is only a drafting aid (edit the poses and
run it again, or edit the pictures in the TOML by hand). Run: python docs/make_drawings.py

One convention for every figure, so that the app can mirror a drawing for the other side: a figure in
profile faces left (a lying figure has its head on the left, a sitting or standing one looks left).
Four movements that do not show in profile are seen from another side, and their captions say so:
the knee rolls and the open book from above (head still on the left), the seated rotation from the
front, the shoulder-blade squeeze from behind.
"""

from __future__ import annotations

import itertools
import math
from dataclasses import dataclass
from pathlib import Path

W, H = 40, 20  # the normal size in pixels; compact is half of each
Point = tuple[float, float]
# A polyline: its ink ("#" the body, "+" the part that moves), its joints, and for a thick line (the
# trunk) the offset of its second stroke in normal pixels; the compact size draws every line thin.
Line = tuple[str, list[Point], Point | None]


@dataclass(frozen=True)
class Pose:
    head: Point | None
    lines: list[Line]
    head_ink: str = "#"
    nose: int = 0  # -1: a dot on the head's left shows the way the face looks (profile heads)


def limb(*points: Point, ink: str = "#") -> Line:
    return (ink, list(points), None)


def trunk(*points: Point, ink: str = "#", side: Point = (0, -1)) -> Line:
    """A thick line; its second stroke one pixel above (or beside, with side=(1, 0))."""
    return (ink, list(points), side)


def move(*points: Point) -> Line:
    return limb(*points, ink="+")


# Lying on the back, head on the left: the trunk on the floor, knees bent up, feet flat.
HEAD_LYING: Point = (4.5, 16.5)
SHOULDER, HIP = (7.0, 18.0), (19.0, 18.0)
KNEE, FOOT = (25.0, 11.0), (30.0, 18.0)


def back(ink: str = "#") -> Line:
    return trunk(SHOULDER, HIP, ink=ink)


def bent_leg(ink: str = "#", knee: Point = KNEE, foot: Point = FOOT) -> list[Line]:
    return [limb((HIP[0], 17.5), knee, foot, ink=ink), limb(foot, (foot[0] + 2, foot[1]), ink=ink)]


def lying() -> list[Line]:
    return [back(), *bent_leg(), limb((8, 17), (15, 17))]


# On hands and knees, head on the left: hands under the shoulders, knees under the hips.
FOURS_SHOULDER, FOURS_HIP = (9.0, 10.0), (24.0, 10.0)
FOURS_HEAD: Point = (5.0, 8.7)


def arm_down(shoulder: Point = FOURS_SHOULDER) -> Line:
    return limb(shoulder, (shoulder[0], 18), (shoulder[0] - 2, 18))


def leg_down(hip: Point = FOURS_HIP) -> Line:
    return limb(hip, (hip[0], 18), (hip[0] + 8, 17.5))


def fours(back_line: Line | None = None) -> list[Line]:
    line = back_line or trunk(FOURS_SHOULDER, (16.5, 9.5), FOURS_HIP)
    return [line, arm_down(), leg_down(), limb(FOURS_SHOULDER, (7, 9.5))]


# Sitting on a stool in profile, looking left: seat at row 14, hip (22, 13.5), knee (14, 13.5).
SEAT_HIP = (22.0, 13.5)


def stool(back_top: float | None = None) -> list[Line]:
    lines = [limb((13, 14.5), (26, 14.5)), limb((14, 14.5), (14, 18)), limb((25, 14.5), (25, 18))]
    if back_top is not None:
        lines.append(trunk((25, 14.5), (25, back_top), side=(1, 0)))
    return lines


def seated_legs() -> list[Line]:
    return [limb(SEAT_HIP, (14, 13.5), (13, 18), (10, 18))]


def sitting_tall(ink: str = "#", head_ink: str = "#") -> Pose:
    body = [trunk(SEAT_HIP, (22, 5), ink=ink, side=(1, 0)), limb((22, 6), (21, 10), (17, 12.5))]
    return Pose((21.5, 2.5), [*body, *seated_legs(), *stool()], head_ink, nose=-1)


def standing() -> Pose:
    body = [
        trunk((20, 12), (20, 5), side=(1, 0)),
        limb((20, 12), (19, 18), (17, 18)),
        limb((20, 12), (22, 18), (20, 18)),
        limb((20, 6), (18.5, 11.5)),
    ]
    return Pose((19.5, 2.5), body, nose=-1)


# Seen from the front, sitting on a stool: the knees towards us.
def from_front(*upper: Line, head_ink: str = "#", nose: int = 0) -> Pose:
    body = [
        *upper,
        limb((17, 13), (23, 13)),  # the hips
        limb((16.5, 13), (16.5, 18), (15, 18)),
        limb((23.5, 13), (23.5, 18), (25, 18)),
        limb((12, 14), (28, 14)),  # the stool
        limb((13, 14), (13, 18)),
        limb((27, 14), (27, 18)),
    ]
    return Pose((20.5, 2.5), body, head_ink, nose)


# Seen from above, head on the left: the movements that go out to the side (the knee rolls and the
# open book), which a profile hides. The trunk lies along row 9; the feet are to the right.
ABOVE_HEAD: Point = (4.5, 9.5)
ABOVE_SHOULDER, ABOVE_HIP = (7.0, 9.5), (19.0, 9.5)


def from_above(*lines: Line) -> Pose:
    return Pose(ABOVE_HEAD, [trunk(ABOVE_SHOULDER, ABOVE_HIP), *lines])


# A doorway seen edge on: the frame the forearm rests on, and the wall above the door.
DOORWAY = [trunk((20, 2), (20, 18), side=(1, 0)), trunk((17, 1), (23, 1), side=(0, -1))]


# Seen from behind, sitting: the spine, and a shoulder blade each side of it.
def from_behind(blades: list[Line], shoulders: float = 14.5, height: float = 5.5) -> Pose:
    body = [
        limb((shoulders, height), (40 - shoulders, height)),
        limb((shoulders, height), (shoulders - 0.5, 13)),  # the arms by the sides
        limb((40 - shoulders, height), (40.5 - shoulders, 13)),
        trunk((20, 4), (20, 13), side=(1, 0)),  # the spine
        limb((16.5, 13), (23.5, 13)),
        limb((12, 14), (28, 14)),  # the stool
        limb((13, 14), (13, 18)),
        limb((27, 14), (27, 18)),
        limb((17, 14), (17, 18)),  # the lower legs
        limb((23, 14), (23, 18)),
        *blades,
    ]
    return Pose((20.5, 2), body)


# One ankle crossed over the other knee: the lower leg bent, foot flat; the crossed shin across its knee.
FIGURE_FOUR = [
    limb((HIP[0], 17.5), KNEE, FOOT, (32, 18)),
    limb((HIP[0], 17), (17, 12), (25, 10), (27.5, 9.5)),
]

POSES: dict[str, tuple[Pose, Pose]] = {
    "pelvic-tilt": (
        Pose(HEAD_LYING, [trunk(SHOULDER, (10, 18), (12, 14.8), (15, 14.8), (17, 18), HIP), *bent_leg()]),
        Pose(HEAD_LYING, [trunk(SHOULDER, (11, 18)), trunk((11, 18), HIP, ink="+"), *bent_leg()]),
    ),
    "knee-to-chest": (
        Pose(HEAD_LYING, lying()),
        Pose(
            HEAD_LYING,
            [
                back(),
                *bent_leg(),
                limb((HIP[0], 17), (13.5, 10.5), (20.5, 11.5), ink="+"),
                limb((8, 16.5), (12, 14), (17, 13)),
            ],
        ),
    ),
    "knees-to-chest": (
        Pose(HEAD_LYING, lying()),
        Pose(
            HEAD_LYING,
            [
                back(),
                limb((HIP[0], 17), (13.5, 10.5), (20.5, 11.5), ink="+"),  # both legs in: neither foot down
                limb((HIP[0] + 1, 17.5), (15.5, 12), (22, 13.5), ink="+"),
                limb((8, 16.5), (12, 14), (17, 13)),  # hands behind the thighs
            ],
        ),
    ),
    "basic-twist": (
        from_above(
            limb((9, 2), (9, 17)),  # the arms out to the sides
            limb(ABOVE_HIP, (27, 9.5)),  # the legs, knees up and together: short, seen from above
            trunk((23.5, 10), (24.5, 10)),  # the knees
            limb((27, 8.5), (27, 10.5)),  # the feet
        ),
        from_above(
            limb((9, 2), (9, 17)),
            move(ABOVE_HIP, (24, 16.5), (27, 10.5)),  # both knees rolled over to one side
            trunk((23.5, 16.5), (24.5, 16.5), ink="+"),
            limb((27, 8.5), (27, 10.5)),
        ),
    ),
    "bottom-to-heels": (
        Pose(FOURS_HEAD, fours()),
        Pose(
            (12.5, 15.5),
            [
                trunk((30, 13), (22, 12), (16, 14), ink="+"),
                limb((30, 13), (24, 18), (32, 17.5)),
                limb((16, 14), (7, 18)),
            ],
        ),
    ),
    "back-extension": (
        Pose(
            (6.5, 14.5),
            [
                trunk((24, 18), (16, 17.5), (10, 16.5)),  # nearly flat, the forearms reaching forward
                limb((10, 16.5), (8.5, 15.5)),
                trunk((24, 18), (37, 18)),
                limb((10, 16.5), (6.5, 18), (1, 18)),
            ],
        ),
        Pose(
            (9, 10.5),
            [
                trunk((24, 18), (18, 17), (13.5, 14.5), (11.5, 13), ink="+"),  # the chest up, hips down
                limb((11.5, 13), (10, 12), ink="+"),
                trunk((24, 18), (37, 18)),
                limb((11.5, 13), (11, 18), (5.5, 18)),  # the elbow under the shoulder, same arm
            ],
        ),
    ),
    "bridge": (
        Pose(HEAD_LYING, lying()),
        Pose(
            HEAD_LYING,
            [
                trunk(SHOULDER, (19, 12.5), ink="+"),
                limb((19, 12.5), (26, 9.5), (29, 18), (31, 18)),
                limb((8, 17), (15, 17)),
            ],
        ),
    ),
    "bird-dog": (
        Pose(FOURS_HEAD, fours()),
        Pose(
            FOURS_HEAD,
            [
                trunk(FOURS_SHOULDER, (16.5, 9.5), FOURS_HIP),
                arm_down(),
                leg_down(),
                limb(FOURS_SHOULDER, (7, 9.5)),
                move((9, 11), (0, 12)),
                move(FOURS_HIP, (39, 9)),
            ],
        ),
    ),
    "leg-raise": (
        Pose(HEAD_LYING, [*lying(), trunk((HIP[0], 18), (37, 18)), limb((37, 18), (37, 16))]),
        Pose(HEAD_LYING, [*lying(), trunk((HIP[0], 17.5), (35, 11), ink="+"), move((35, 11), (34, 9))]),
    ),
    "crunch": (
        Pose(HEAD_LYING, [back(), *bent_leg(), limb((8, 17), (10, 18), (15, 18))]),
        Pose(
            (6.6, 13.6),
            [
                trunk(HIP, (14, 18), (9, 15), ink="+"),
                move((9, 15), (7.5, 14)),
                *bent_leg(),
                limb((9, 15), (11, 18), (15, 18)),
            ],
            head_ink="+",
        ),
    ),
    "piriformis-stretch": (
        Pose(HEAD_LYING, [*lying(), *FIGURE_FOUR]),
        Pose(
            HEAD_LYING,
            [
                back(),
                limb((HIP[0], 17.5), (20, 10), (27, 11), (27.5, 9.5), ink="+"),  # the lower leg drawn in
                limb((HIP[0], 17), (14, 13), (20, 9.5), (22.5, 9)),  # the crossed leg rides on its knee
            ],
        ),
    ),
    "cat-cow": (
        Pose(
            (6.5, 13.5),
            [
                trunk(FOURS_SHOULDER, (12, 6.5), (16.5, 5.5), (21, 6.5), FOURS_HIP, ink="+"),
                arm_down(),
                leg_down(),
                limb(FOURS_SHOULDER, (7.5, 11.5)),
            ],
        ),
        Pose(
            (4.5, 7.5),
            [
                trunk(FOURS_SHOULDER, (12, 12), (16.5, 13), (21, 12), FOURS_HIP, ink="+"),
                arm_down(),
                leg_down(),
                move(FOURS_SHOULDER, (6.5, 8.5)),
            ],
            head_ink="+",
            nose=-1,
        ),
    ),
    "seated-rotation": (
        from_front(
            trunk((20, 13), (20, 5), side=(1, 0)),
            limb((16, 5.5), (25, 5.5)),  # the shoulders, square to us
            limb((16, 5.5), (25, 10)),  # the arms crossed over the chest
            limb((25, 5.5), (16, 10)),
        ),
        from_front(
            trunk((20, 13), (20, 5), side=(1, 0), ink="+"),  # turned: the chest seen side on
            move((21, 6.5), (24.5, 9.5), (21, 8)),  # the crossed arms point to the side
            head_ink="+",
            nose=1,
        ),
    ),
    "open-book": (
        from_above(
            trunk(ABOVE_HIP, (21, 15), (28, 15)),  # the knees bent forward, together
            limb((8, 10), (8, 17)),  # both arms straight out in front
            limb((9.5, 10), (9.5, 17)),
        ),
        Pose(
            ABOVE_HEAD,
            [
                trunk(ABOVE_SHOULDER, ABOVE_HIP, ink="+"),  # the chest turns with the arm, hips stay
                trunk(ABOVE_HIP, (21, 15), (28, 15)),
                limb((9.5, 10), (9.5, 17)),
                move((8, 9), (8, 1)),  # the top arm opened to the other side
            ],
            head_ink="+",
        ),
    ),
    "thoracic-extension": (
        Pose(
            (22, 2.5),
            [
                trunk(SEAT_HIP, (22, 5.5), side=(1, 0)),
                limb((22, 6), (17.5, 3.5), (20, 2.5)),  # elbows forward, hands behind the head
                limb((24, 1.5), (24.5, 3)),
                *seated_legs(),
                *stool(back_top=9.5),
            ],
        ),
        Pose(
            (26.5, 2.5),
            [
                trunk(SEAT_HIP, (22.5, 9.5), side=(1, 0)),
                trunk((22.5, 9.5), (23.5, 7.5), (25, 5.5), side=(1, 0), ink="+"),  # a gentle arch back
                limb((25, 5.5), (21, 3.5), (24.5, 2)),  # elbows forward, hands behind the head
                *seated_legs(),
                *stool(back_top=9.5),
            ],
        ),
    ),
    "chin-tuck": (
        Pose(
            (18.5, 3.2),
            [trunk(SEAT_HIP, (22, 5.5), side=(1, 0)), limb((22, 5.5), (20, 4.5)), *sitting_tall().lines[1:]],
            nose=-1,
        ),
        Pose(
            (22, 2),
            [trunk(SEAT_HIP, (22, 5.5), side=(1, 0)), move((22, 5.5), (22, 4)), *sitting_tall().lines[1:]],
            head_ink="+",
            nose=-1,
        ),
    ),
    "doorway-chest-stretch": (
        Pose(
            (27, 2.5),
            [
                *DOORWAY,
                trunk((27.5, 12), (27.5, 5), side=(1, 0)),
                limb((27.5, 12), (26.5, 18), (24.5, 18)),
                limb((27.5, 12), (29.5, 18), (27.5, 18)),
                limb((27.5, 6.5), (23.5, 6.5), (23.5, 3)),
            ],
            nose=-1,
        ),
        Pose(
            (15, 2.5),
            [
                *DOORWAY,
                trunk((15.5, 12), (15.5, 5), side=(1, 0), ink="+"),
                move((15.5, 12), (12, 18), (10, 18)),
                move((15.5, 12), (19, 18), (17, 18)),
                limb((16, 6.5), (23.5, 6.5), (23.5, 3)),
            ],
            head_ink="+",
            nose=-1,
        ),
    ),
    "shoulder-blade-squeeze": (
        from_behind([limb((16, 7), (17, 10.5)), limb((25, 7), (24, 10.5))]),
        from_behind([move((18, 7.5), (18, 11)), move((23, 7.5), (23, 11))], shoulders=15.5, height=6),
    ),
    "posture-reset": (
        Pose(
            (17.5, 5.5),
            [
                trunk(SEAT_HIP, (24, 10), (22.5, 7), (20.5, 6.5), side=(1, 0)),
                limb((20.5, 6.5), (19, 6)),
                limb((22, 7.5), (20, 11), (16, 12.5)),
                *seated_legs(),
                *stool(),
            ],
            nose=-1,
        ),
        sitting_tall(ink="+", head_ink="+"),
    ),
}
# After both sides of knee-to-chest (its setup's last step): both knees hugged together. Written into
# the TOML as a comment; the app shows one end frame.
EXTRA: dict[str, tuple[str, Pose]] = {
    "knee-to-chest": (
        "Both knees hugged to the chest, hands behind the thighs",
        Pose(
            HEAD_LYING,
            [
                back(),
                limb((HIP[0], 17), (13.5, 10.5), (20.5, 11.5), ink="+"),
                limb((8, 16.5), (12, 14), (17, 13)),
            ],
        ),
    ),
}
# Still figures for an exercise with no drawing of its own, by position.
POSITIONS: dict[str, Pose] = {
    "lying": Pose(HEAD_LYING, lying()),
    "all-fours": Pose(FOURS_HEAD, fours()),
    "sitting": sitting_tall(),
    "standing": standing(),
    "side-lying": POSES["open-book"][0],
    "face-down": POSES["back-extension"][0],
}
CAPTIONS = {
    "pelvic-tilt": (
        "On your back, knees bent, a small gap under the low back",
        "Tilt the pelvis: the low back presses flat to the floor",
    ),
    "knee-to-chest": (
        "On your back, both knees bent, feet flat",
        "One knee drawn to the chest, hands behind the thigh",
    ),
    "knees-to-chest": (
        "On your back, both knees bent",
        "Both knees drawn to the chest, hands behind the thighs",
    ),
    "basic-twist": (
        "Seen from above: on your back, knees up, arms out",
        "Both knees roll to one side; the shoulders stay down",
    ),
    "bottom-to-heels": ("On hands and knees", "The bottom sinks back to the heels, hands stay put"),
    "back-extension": (
        "Face down, propped on the forearms",
        "The chest lifts, elbows under the shoulders, hips down",
    ),
    "bridge": (
        "On your back, knees bent, feet flat",
        "The hips lift into a straight line from knees to shoulders",
    ),
    "bird-dog": ("On hands and knees, back level", "One arm reaches forward, the other leg back"),
    "leg-raise": (
        "On your back, one knee bent, the other leg straight",
        "The straight leg lifts to the height of the bent knee",
    ),
    "crunch": ("On your back, knees bent, hands under the low back", "Head and shoulders curl up a little"),
    "piriformis-stretch": (
        "On your back, one ankle crossed over the other knee",
        "The lower thigh drawn in towards the chest",
    ),
    "cat-cow": (
        "On hands and knees: the back rounds up (cat)",
        "Then the back sinks and the head lifts (cow)",
    ),
    "seated-rotation": (
        "Seen from the front: sitting tall, arms crossed",
        "The upper body turns to one side; the hips stay",
    ),
    "open-book": (
        "Seen from above: on your side, knees bent, arms in front",
        "The top arm opens over; the chest and head turn with it",
    ),
    "thoracic-extension": (
        "Sitting on a low-backed chair, hands behind the head",
        "The upper back arches back over the top of the chair",
    ),
    "chin-tuck": ("Sitting, the head poking forward", "The head slides straight back over the shoulders"),
    "doorway-chest-stretch": (
        "In a doorway, forearm on the frame at shoulder height",
        "A step through, upright: a stretch across the chest",
    ),
    "shoulder-blade-squeeze": (
        "Seen from behind: sitting tall, arms by your sides",
        "The shoulder blades squeeze back and together",
    ),
    "posture-reset": ("Sitting slumped", "Sitting tall: the head over the shoulders"),
}
POSITION_CAPTIONS = {
    "lying": "On your back, knees bent",
    "all-fours": "On hands and knees",
    "sitting": "Sitting tall on a chair",
    "standing": "Standing tall",
    "side-lying": "Seen from above: lying on your side, knees bent",
    "face-down": "Face down, propped on the forearms",
}


def draw(pose: Pose, scale: float) -> str:
    width, height = round(W * scale), round(H * scale)
    grid = [["."] * width for _ in range(height)]

    def put(x: float, y: float, ink: str) -> None:
        col, row = math.floor(x * scale + 0.5), math.floor(y * scale + 0.5)
        col, row = min(max(col, 0), width - 1), min(max(row, 0), height - 2)
        if grid[row][col] != "+":
            grid[row][col] = ink

    for ink, points, side in pose.lines:
        offsets = [(0.0, 0.0)] + ([side] if side and scale == 1 else [])
        for (x0, y0), (x1, y1) in itertools.pairwise(points):
            steps = int(max(abs(x1 - x0), abs(y1 - y0)) * 2) + 1
            for step in range(steps + 1):
                t = step / steps
                for ox, oy in offsets:
                    put(x0 + (x1 - x0) * t + ox, y0 + (y1 - y0) * t + oy, ink)
    if pose.head is not None:
        radius = 2.0 if scale == 1 else 1.4
        hx, hy = pose.head  # a round head: centred between pixels (normal), on one (compact)
        if scale == 1:
            hx, hy = math.floor(hx) + 0.5, math.floor(hy) + 0.5
        else:
            hx, hy = round(hx * scale) / scale, round(hy * scale) / scale
        for row in range(height - 1):
            for col in range(width):
                if (col - hx * scale) ** 2 + (row - hy * scale) ** 2 <= radius**2 * 0.8:
                    grid[row][col] = pose.head_ink
        if pose.nose:
            put(hx + pose.nose * (radius / scale + 0.6), hy, pose.head_ink)
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
        "# Figures in profile face left (lying: head on the left); a caption says when a figure is seen",
        "# from another side.",
        "",
    ]
    for exercise_id, (start, end) in POSES.items():
        first, last = CAPTIONS[exercise_id]
        out += [f"[exercises.{exercise_id}]", f'start = "{first}"', f'end = "{last}"']
        out += [f"start_normal = {picture(draw(start, 1))}", f"end_normal = {picture(draw(end, 1))}"]
        out += [f"start_compact = {picture(draw(start, 0.5))}"]
        out += [f"end_compact = {picture(draw(end, 0.5))}"]
        if exercise_id in EXTRA:
            caption, pose = EXTRA[exercise_id]
            out += [
                f"# Also, once both sides are done: {caption.lower()[0]}{caption[1:]} (not shown by the app)"
            ]
            out += [f"# {row}" for row in draw(pose, 1).splitlines()]
        out += [""]
    for position, pose in POSITIONS.items():
        out += [f"[positions.{position}]", f'start = "{POSITION_CAPTIONS[position]}"']
        out += [f"start_normal = {picture(draw(pose, 1))}", f"start_compact = {picture(draw(pose, 0.5))}", ""]
    path = Path(__file__).resolve().parent.parent / "config" / "drawings.toml"
    path.write_text("\n".join(out).rstrip() + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
