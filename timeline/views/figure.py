"""The timeline figure: one lane per document, time on x.

Expressions of day granularity or finer are markers; coarser ones (month,
year, decade, ...) are bars over their interval. Exact events are solid;
approximate, estimated or inferred ones are hatched bars or open markers;
an open end ("vor 2008") runs, dotted, to the edge of the axis and ends in an
arrow; recurring events ("jeden Montag") are a dotted line across the lane. The axis is a calendar axis
when every event falls in years 1-9999 and a decimal-year axis otherwise, so
that BC dates sit on the same axis as modern ones.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from timeline.time.chrono import Instant
from timeline.model import Event, Timeline, Timex

_BAR_WIDTH = 0.5
_PALETTE = ("#1f77b4", "#d62728", "#2ca02c", "#9467bd", "#ff7f0e", "#8c564b", "#17becf",
            "#e377c2", "#7f7f7f", "#bcbd22")


def _safe(text: str, width: int = 80) -> str:
    """User text for plotly's hover labels: escaped (plotly renders some HTML), wrapped."""
    lines = textwrap.wrap(" ".join(text.split()), width) or [""]
    return "<br>".join(html.escape(line, quote=True) for line in lines)


@dataclass(frozen=True)
class _Placed:
    event: Event
    timex: Timex
    start: Instant
    end: Instant
    lane: str  # the document id
    open_start: bool = False
    open_end: bool = False


def _edges(events: list[Event]) -> tuple[Instant, Instant]:
    """The axis range: every finite end, padded, so open ends have somewhere to go."""
    ends = [Instant.parse(v) for e in events for v in (e.start, e.end) if v is not None]
    if not ends:
        return Instant.of(2000), Instant.of(2001)
    low, high = min(ends, key=lambda i: i.seconds), max(ends, key=lambda i: i.seconds)
    pad = max((high.seconds - low.seconds) // 10, 30 * 86400)
    return Instant(low.seconds - pad), Instant(high.seconds + pad)


def _placed(timeline: Timeline) -> tuple[list[_Placed], list[Event], tuple[Instant, Instant]]:
    """Drawable events (open ends cut at the axis edges), recurring ones, the edges."""
    timexes = timeline.timex_index()
    edges = _edges([e for e in timeline.events if not e.recurring])
    placed, recurring = [], []
    for event in timeline.events:
        if event.recurring:
            recurring.append(event)
            continue
        if event.start is None and event.end is None:
            continue
        placed.append(_Placed(
            event, timexes[(event.doc_id, event.timex_id)],
            Instant.parse(event.start) if event.start else edges[0],
            Instant.parse(event.end) if event.end else edges[1],
            event.doc_id, open_start=event.start is None, open_end=event.end is None))
    return placed, recurring, edges


def _x(instant: Instant, calendar: bool) -> str | float:
    return instant.iso() if calendar else instant.decimal_year()


def _when(event: Event, timex: Timex) -> str:
    notes = [label for flag, label in ((event.approximate, "approx."),
                                       (event.uncertain_start or event.uncertain_end, "estimated"),
                                       (event.inferred, "inferred"),
                                       (event.start is None, "open start"),
                                       (event.end is None, "open end"),
                                       (event.recurring, "recurring")) if flag]
    return timex.value + (f" ({', '.join(notes)})" if notes else "")


def _hover(p: _Placed, titles: dict[str, str]) -> list[str]:
    return [html.escape(_when(p.event, p.timex)), _safe(p.timex.text), _safe(p.event.title),
            _safe(p.event.sentence), _safe(titles.get(p.lane, p.lane), 40)]


_HOVER = ("<b>%{customdata[2]}</b><br>%{customdata[0]} · %{customdata[1]}<br>"
          "%{customdata[3]}<extra>%{customdata[4]}</extra>")


def _common(placed: list[_Placed], titles: dict[str, str]) -> dict[str, object]:
    """What bar and marker traces share: their lane and their hover labels."""
    return {"y": [p.lane for p in placed], "customdata": [_hover(p, titles) for p in placed],
            "hovertemplate": _HOVER}


def build_figure(timeline: Timeline, title: str | None = None) -> go.Figure:
    """A plotly figure of ``timeline``; empty but valid when nothing is placed."""
    placed, recurring, edges = _placed(timeline)
    # every drawn end lies within the edges, so they decide the axis
    calendar = 1 <= edges[0].civil()[0] and edges[1].civil()[0] <= 9999
    titles = {d.id: d.title for d in timeline.documents}
    lanes = list(dict.fromkeys([p.lane for p in placed] + [e.doc_id for e in recurring])) \
        or ["(no dated events)"]
    colours = {lane: _PALETTE[i % len(_PALETTE)] for i, lane in enumerate(lanes)}
    figure = go.Figure()

    for lane in lanes:
        mine = [p for p in placed if p.lane == lane]
        name, colour = titles.get(lane, lane), colours[lane]
        for exact in (True, False):
            group = [p for p in mine if exact != (p.event.uncertain or p.open_start
                                                  or p.open_end)]
            _add_bars(figure, [p for p in group if not p.event.granularity.is_point_like
                               or p.open_start or p.open_end], name, colour, exact, calendar,
                      titles)
            _add_points(figure, [p for p in group if p.event.granularity.is_point_like
                                 and not (p.open_start or p.open_end)], name, colour, exact,
                        calendar, titles)
        _add_open_ends(figure, [p for p in mine if p.open_start or p.open_end], colour,
                       calendar)
        _add_recurring(figure, [e for e in recurring if e.doc_id == lane], timeline, edges,
                       name, colour, calendar)

    figure.update_layout(
        title=_safe(title, 120) if title else None,
        barmode="overlay",
        hovermode="closest",
        showlegend=len(figure.data) > 1,
        legend={"orientation": "h", "x": 0, "y": 1.0, "yanchor": "bottom"},
        margin={"l": 10, "r": 10, "t": 80 if title else 40, "b": 10},
        height=max(380, 200 + 90 * len(lanes)),
        template="plotly_white",
    )
    figure.update_yaxes(type="category", categoryorder="array", categoryarray=lanes[::-1],
                        tickmode="array", tickvals=lanes,
                        ticktext=[_safe(titles.get(lane, lane), 30) for lane in lanes],
                        automargin=True, fixedrange=True)
    figure.update_xaxes(
        type="date" if calendar else "linear",
        title=None if calendar else "year (negative = BC, astronomical)",
        rangeslider={"visible": True, "thickness": 0.12},
        showgrid=True,
    )
    return figure



def _add_bars(figure: go.Figure, bars: list[_Placed], name: str, colour: str, exact: bool,
              calendar: bool, titles: dict[str, str]) -> None:
    if not bars:
        return
    figure.add_trace(go.Bar(
        name=f"{name}: periods" + ("" if exact else " (uncertain or open)"),
        orientation="h",
        base=[_x(p.start, calendar) for p in bars],
        x=[(p.end.seconds - p.start.seconds) * 1000 if calendar
           else p.end.decimal_year() - p.start.decimal_year() for p in bars],
        width=_BAR_WIDTH,
        marker={"color": colour if exact else "white", "opacity": 0.45 if exact else 0.9,
                "line": {"color": colour, "width": 1},
                "pattern": {"shape": "" if exact else "/", "fgcolor": colour,
                            "fillmode": "replace", "size": 6, "solidity": 0.3}},
        **_common(bars, titles),
    ))


def _add_points(figure: go.Figure, points: list[_Placed], name: str, colour: str, exact: bool,
                calendar: bool, titles: dict[str, str]) -> None:
    if not points:
        return
    figure.add_trace(go.Scatter(
        name=f"{name}: days" + ("" if exact else " (uncertain)"),
        mode="markers",
        x=[_x(p.start, calendar) for p in points],
        marker={"color": colour, "size": 12, "symbol": "diamond" if exact else "diamond-open",
                "line": {"color": "white" if exact else colour, "width": 1 if exact else 2}},
        **_common(points, titles),
    ))


def _add_open_ends(figure: go.Figure, placed: list[_Placed], colour: str,
                   calendar: bool) -> None:
    """An arrow at the axis edge for each open end: the interval goes on."""
    xs, ys, symbols = [], [], []
    for p in placed:
        for is_open, instant, symbol in ((p.open_start, p.start, "triangle-left"),
                                         (p.open_end, p.end, "triangle-right")):
            if is_open:
                xs.append(_x(instant, calendar))
                ys.append(p.lane)
                symbols.append(symbol)
    if xs:
        figure.add_trace(go.Scatter(x=xs, y=ys, mode="markers", showlegend=False,
                                    hoverinfo="skip", name="open end",
                                    marker={"color": colour, "size": 11, "symbol": symbols}))


def _add_recurring(figure: go.Figure, events: list[Event], timeline: Timeline,
                   edges: tuple[Instant, Instant], name: str, colour: str,
                   calendar: bool) -> None:
    """Recurring events are not one time: a dotted line over the whole lane."""
    if not events:
        return
    timexes = timeline.timex_index()
    lines_x: list[str | float | None] = []
    lines_y: list[str | None] = []
    for event in events:
        lines_x += [_x(edges[0], calendar), _x(edges[1], calendar), None]
        lines_y += [event.doc_id, event.doc_id, None]
    figure.add_trace(go.Scatter(
        name=f"{name}: recurring", mode="lines", x=lines_x, y=lines_y,
        line={"color": colour, "dash": "dot", "width": 2}, hoverinfo="text",
        hovertext=[None if y is None else html.escape(
            "; ".join(f"{timexes[(e.doc_id, e.timex_id)].text}: {e.title}" for e in events))
            for y in lines_y],
    ))
