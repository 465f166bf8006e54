"""The timeline figure: one lane per document, time on x.

Expressions of day granularity or finer are markers; coarser ones (month,
year, decade, ...) are bars over their interval. The axis is a calendar axis
when every event falls in years 1-9999 and a decimal-year axis otherwise, so
that BC dates sit on the same axis as modern ones.
"""

from __future__ import annotations

import html
import textwrap
from dataclasses import dataclass

import plotly.graph_objects as go

from timeline.chrono import Instant
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


def _placed(timeline: Timeline) -> list[_Placed]:
    timexes = timeline.timex_index()
    placed = []
    for event in timeline.events:
        if event.start is None or event.end is None:
            continue  # open intervals are listed, not drawn, in this version
        placed.append(_Placed(event, timexes[(event.doc_id, event.timex_id)],
                              Instant.parse(event.start), Instant.parse(event.end),
                              event.doc_id))
    return placed


def _calendar_axis(placed: list[_Placed]) -> bool:
    return all(1 <= p.start.civil()[0] and p.end.civil()[0] <= 9999 for p in placed)


def _x(instant: Instant, calendar: bool) -> str | float:
    return instant.iso() if calendar else instant.decimal_year()


def _hover(p: _Placed, titles: dict[str, str]) -> list[str]:
    when = p.timex.value + (" (approx.)" if p.event.approximate else "")
    return [html.escape(when), _safe(p.timex.text), _safe(p.event.sentence),
            _safe(titles.get(p.lane, p.lane), 40)]


_HOVER = ("<b>%{customdata[0]}</b> · %{customdata[1]}<br>%{customdata[2]}"
          "<extra>%{customdata[3]}</extra>")


def _common(placed: list[_Placed], titles: dict[str, str]) -> dict[str, object]:
    """What bar and marker traces share: their lane and their hover labels."""
    return {"y": [p.lane for p in placed], "customdata": [_hover(p, titles) for p in placed],
            "hovertemplate": _HOVER}


def build_figure(timeline: Timeline, title: str | None = None) -> go.Figure:
    """A plotly figure of ``timeline``; empty but valid when nothing is placed."""
    placed = _placed(timeline)
    calendar = _calendar_axis(placed)
    titles = {d.id: d.title for d in timeline.documents}
    lanes = list(dict.fromkeys(p.lane for p in placed)) or ["(no dated events)"]
    colours = {lane: _PALETTE[i % len(_PALETTE)] for i, lane in enumerate(lanes)}
    figure = go.Figure()

    for lane in lanes:
        mine = [p for p in placed if p.lane == lane]
        bars = [p for p in mine if not p.event.granularity.is_point_like]
        points = [p for p in mine if p.event.granularity.is_point_like]
        name, colour = titles.get(lane, lane), colours[lane]
        if bars:
            figure.add_trace(go.Bar(
                name=f"{name}: periods",
                orientation="h",
                base=[_x(p.start, calendar) for p in bars],
                x=[(p.end.seconds - p.start.seconds) * 1000 if calendar
                   else p.end.decimal_year() - p.start.decimal_year() for p in bars],
                width=_BAR_WIDTH,
                marker={"color": colour, "opacity": 0.45, "line": {"color": colour, "width": 1}},
                **_common(bars, titles),
            ))
        if points:
            figure.add_trace(go.Scatter(
                name=f"{name}: days",
                mode="markers",
                x=[_x(p.start, calendar) for p in points],
                marker={"color": colour, "size": 12, "symbol": "diamond",
                        "line": {"color": "white", "width": 1}},
                **_common(points, titles),
            ))

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

