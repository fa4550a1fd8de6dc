from __future__ import annotations

from backcoach.core.catalog import Catalog
from backcoach.core.flare import gentle_offer


def test_a_starting_rating_at_stop_at_offers_the_gentle_day(catalog: Catalog) -> None:
    lower, gentle = catalog.routines["lower"], catalog.routines["gentle"]
    offer = gentle_offer(6, 6, lower, catalog.routines, 380)
    assert offer is not None and offer.routine is gentle and offer.chosen is lower
    assert offer.question == "Today looks like a flare-up: try the gentle routine instead of Lower back?"
    assert "rated your back 6" in offer.reason and "about 6 minutes" in offer.reason
    assert "cut back but keep moving" in offer.reason
    assert gentle_offer(7, 8, lower, catalog.routines, 380) is None  # below this person's stop_at
    assert gentle_offer(None, 6, lower, catalog.routines, 380) is None  # not asked
    assert gentle_offer(9, 6, gentle, catalog.routines, 380) is None  # gentle already
    others = {key: value for key, value in catalog.routines.items() if key != "gentle"}
    assert gentle_offer(9, 6, lower, others, 380) is None  # a catalog without it
