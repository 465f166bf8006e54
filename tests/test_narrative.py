"""WikiWarsDE (German history articles, narrative): BC and AD on one axis."""

from __future__ import annotations

from timeline.model import Timeline
from timeline.time.chrono import Instant
from timeline.views.figure import FigurePlan


def test_wikiwars_timelines_plot_with_bc_before_ad(wikiwars_timeline: Timeline) -> None:
    timeline = wikiwars_timeline
    assert not timeline.errors and len(timeline.documents) == 11
    placed = [e for e in timeline.events if e.start and e.end]
    bc = [e for e in placed if e.start.startswith("-")]
    ad = [e for e in placed if not e.start.startswith("-")]
    assert bc and ad
    plan = FigurePlan(timeline)
    figure = plan.figure(static=True)  # the whole span (the page opens on 1861-2012)
    assert figure.layout.xaxis.type == "linear"  # decimal years: BC fits
    earliest = min(Instant.parse(e.start).decimal_year() for e in bc)
    assert plan.axis[0] <= earliest < plan.axis[0] + 0.1 * (plan.axis[1] - plan.axis[0])
    assert any(text.endswith("v. Chr.") for text in figure.layout.xaxis.ticktext)
    opening = plan.figure()
    assert not any(text.endswith("v. Chr.") for text in opening.layout.xaxis.ticktext)
    opening.to_json()  # serialisable: what the page embeds


def test_narratives_lay_nothing_against_their_dct(wikiwars_timeline: Timeline) -> None:
    """The article's date is not the story's now: no "kurz zuvor" before 2011, no
    duration running up to it, "seit 1929" stays open."""
    dcts = {d.id: d.dct for d in wikiwars_timeline.documents}
    timexes = wikiwars_timeline.timex_index()
    for event in wikiwars_timeline.events:
        value = timexes[(event.doc_id, event.timex_id)].value
        assert value not in ("PAST_REF", "FUTURE_REF")
        assert not (event.end and event.end[:10] > dcts[event.doc_id] and
                    timexes[(event.doc_id, event.timex_id)].type.value == "DURATION")
