"""The history's schema, changed only through MIGRATIONS (keyed by SQLite's user_version), and the SQL
that decides which sessions count."""

from __future__ import annotations

from backcoach.core.domain.status import Status

CSV_HEADER = (
    "started_at",
    "region",
    "exercise",
    "side",
    "hold_seconds",
    "reps",
    "pain_before",
    "pain_after",
    "status",
    "sharp",  # appended: the first nine columns are as earlier versions wrote them
    "verdict",
)

MIGRATIONS = (
    # 1: sessions and their exercise results
    """
    CREATE TABLE sessions (
        id INTEGER PRIMARY KEY,
        started_at TEXT NOT NULL,      -- ISO 8601 with offset
        day TEXT NOT NULL,             -- local date, for weeks and streaks
        region TEXT NOT NULL,
        routine_name TEXT NOT NULL,
        pain_before INTEGER,
        status TEXT NOT NULL DEFAULT 'in progress'
    );
    CREATE INDEX sessions_day ON sessions(day);
    CREATE TABLE results (
        id INTEGER PRIMARY KEY,
        session_id INTEGER NOT NULL REFERENCES sessions(id),
        exercise TEXT NOT NULL,
        name TEXT NOT NULL,
        side TEXT NOT NULL DEFAULT '',
        hold_seconds INTEGER NOT NULL,
        reps INTEGER NOT NULL,
        rating INTEGER,
        sharp INTEGER NOT NULL DEFAULT 0,
        verdict TEXT,
        status TEXT NOT NULL,
        recorded_at TEXT NOT NULL
    );
    CREATE INDEX results_session ON results(session_id);
    CREATE INDEX results_exercise ON results(exercise, session_id);
    """,
    # 2: the process running a session, so a session left "in progress" by a killed one can be told apart
    """
    ALTER TABLE sessions ADD COLUMN pid INTEGER;
    """,
    # 3: the weekly check-in (morning pain and stiffness), and each change of an exercise's own dose
    """
    CREATE TABLE checkins (
        id INTEGER PRIMARY KEY,
        recorded_at TEXT NOT NULL,     -- ISO 8601 with offset
        day TEXT NOT NULL,             -- local date, for weeks
        morning_pain INTEGER NOT NULL, -- 0-10: pain on getting up this morning
        stiffness INTEGER NOT NULL     -- 0-10: morning stiffness
    );
    CREATE INDEX checkins_day ON checkins(day);
    CREATE TABLE dose_changes (
        id INTEGER PRIMARY KEY,
        recorded_at TEXT NOT NULL,
        day TEXT NOT NULL,
        exercise TEXT NOT NULL,
        name TEXT NOT NULL,
        hold_seconds INTEGER NOT NULL, -- the dose from then on
        reps INTEGER NOT NULL,
        note TEXT NOT NULL DEFAULT ''  -- how it changed: accepted on the summary, or in settings
    );
    """,
    # 4: the morning-after answer (had the back settled after the last session?), asked once per session
    """
    CREATE TABLE mornings_after (
        id INTEGER PRIMARY KEY,
        recorded_at TEXT NOT NULL,     -- ISO 8601 with offset: when it was answered
        day TEXT NOT NULL,             -- local date it was answered
        session_day TEXT NOT NULL,     -- local date of the session it is about
        answer TEXT NOT NULL           -- settled, about the same as before, worse
    );
    CREATE INDEX mornings_after_day ON mornings_after(day);
    """,
    # 5: outcomes. The PSFS: activities in the person's own words (kept, added or retired, never
    # re-chosen: a rating belongs to one activity) and their 0-10 ratings; and each review shown at
    # weeks 6 and 12, as it was shown, so the history can show it again
    """
    CREATE TABLE psfs_activities (
        id INTEGER PRIMARY KEY,
        text TEXT NOT NULL,            -- the person's words
        added_day TEXT NOT NULL,       -- local date
        retired_day TEXT               -- local date; NULL while it is rated
    );
    CREATE TABLE psfs_ratings (
        id INTEGER PRIMARY KEY,
        activity_id INTEGER NOT NULL REFERENCES psfs_activities(id),
        day TEXT NOT NULL,             -- local date
        recorded_at TEXT NOT NULL,     -- ISO 8601 with offset
        score INTEGER NOT NULL         -- 0 unable to do it, 10 as well as before the problem
    );
    CREATE INDEX psfs_ratings_day ON psfs_ratings(day);
    CREATE TABLE reviews (
        id INTEGER PRIMARY KEY,
        recorded_at TEXT NOT NULL,     -- ISO 8601 with offset: when it was shown
        day TEXT NOT NULL,
        week INTEGER NOT NULL,         -- the review's week: 6 or 12
        verdict TEXT NOT NULL,         -- better, not better, not enough to compare
        lines TEXT NOT NULL            -- what was shown, one line each
    );
    """,
)

# A session counts (in totals, weeks, streaks, the table and the CSV) once one exercise was done:
# completed or stopped part-way; a session of skips only, or quit before the first, does not.
DONE = f"EXISTS (SELECT 1 FROM results AS d WHERE d.session_id = sessions.id AND d.status != '{Status.SKIPPED.value}')"
# A session's status until it ends with an Outcome (migration 1's default, kept as written there).
IN_PROGRESS = "in progress"


# The Monday of a session's local day, in SQL: weekday 0 is Sunday there.
# By the moment each began, not the clock's text (a change of time zone); the day first, so the index
# on it serves a query for the last few without sorting years of sessions.
NEWEST_FIRST = "day DESC, julianday(started_at) DESC, id DESC"
MONDAY_OF_DAY = "date(day, '-' || ((CAST(strftime('%w', day) AS INTEGER) + 6) % 7) || ' days')"
