from __future__ import annotations

from dataclasses import replace

from backcoach.core.domain.exercise import Catalog
from backcoach.core.session.flare import gentle_offer
from backcoach.core.settings.model import Settings


def test_a_starting_rating_at_stop_at_offers_the_gentle_day(catalog: Catalog) -> None:
    lower, gentle = catalog.routines["lower"], catalog.routines["gentle"]
    settings = Settings()  # stop_at 6
    offer = gentle_offer(6, lower, catalog, settings)
    assert offer is not None and offer.routine is gentle and offer.chosen is lower
    assert offer.question == "Today looks like a flare-up: try the gentle routine instead of Lower back?"
    assert "rated your back 6" in offer.reason and "about 7 minutes" in offer.reason
    assert "cut back but keep moving" in offer.reason
    assert gentle_offer(5, lower, catalog, settings) is None
    assert gentle_offer(7, lower, catalog, replace(settings, stop_at=8)) is None  # this person's stop_at
    assert gentle_offer(None, lower, catalog, settings) is None  # not asked
    assert gentle_offer(9, gentle, catalog, settings) is None  # gentle already
    others = replace(catalog, routines={k: v for k, v in catalog.routines.items() if k != "gentle"})
    assert gentle_offer(9, lower, others, settings) is None  # a catalog without it
