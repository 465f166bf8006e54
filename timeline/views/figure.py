"""The timeline figure: one lane per document, time on x, every event labelled.

Days and finer are markers, longer stretches bars; uncertain ones (approximate,
an estimated end) are hatched or open, inferred ones ("damals") dotted; an open
end ("vor 2008", "seit 1929") is an arrow at its known end and never widens the
axis; recurring events ("jeden Montag") sit at the document date of a news text
and are listed, not drawn, for narratives. Items are packed into sub-rows with
their labels (``timeline.views.layout``); when zoomed out, crowded stretches
become clusters with a count. The axis is a calendar axis when every event
falls in years 1-9999, else decimal years with "264 v. Chr." ticks.

All user text reaches plotly escaped exactly once (plotly renders a subset of
HTML in names, ticks, labels and hovers).
"""

from __future__ import annotations

import functools
import html
import math
import textwrap
from dataclasses import dataclass
from datetime import date
from typing import Any

import plotly.colors
import plotly.graph_objects as go

from timeline.model import Document, Event, Timeline, Timex
from timeline.time.chrono import SECONDS_PER_DAY, Instant
from timeline.time.wording import When, axis_year, describe_events, page_language, words
from timeline.views import layout as packing
from timeline.views.layout import Cluster, Item, Layout, Level
from timeline.views.measure import fit

PALETTE = plotly.colors.qualitative.D3 + plotly.colors.qualitative.Dark24
REFERENCE_WIDTH = 1100  # plot-area pixels the initial layout is computed for
TITLE_SIZE = 16  # px
ROW_PX = 22
LANE_GAP = 0.7  # rows between two documents
ROW_BUDGET = 80  # rows for all lanes together, so that a corpus stays on a screen or two
MAX_LANE_ROWS = 16
TOP_AXIS_ROWS = 24  # taller than this, the figure repeats the dates above
FONT = "Arial, 'Liberation Sans', 'DejaVu Sans', sans-serif"
BAR_HEIGHT = 0.62  # of a row
SELECTED = "#111111"  # the ring around the event selected in the dashboard
# A corpus whose events nearly all lie in one stretch opens on it (1790-2010 of
# 500 BC-2010), not on the whole span, where most would be count boxes: when
# FOCUS_SHARE of at least FOCUS_MIN_EVENTS events fit in FOCUS_GAIN times less.
FOCUS_SHARE = 0.95
FOCUS_MIN_EVENTS = 40
FOCUS_GAIN = 4.0
LABEL_MARK = 2 * packing.MARK_PX + 2  # the invisible marker a point's label is set beside
# plotly's buttons, wherever the figure is shown. Its "Share chart" button (shown unless
# turned off) uploads the figure, titles and sentences included, to Plotly Cloud: never
# from a journalist's page. Box and lasso select and autoscale do nothing here that the
# rest do not (home resets the axes).
PLOTLY_CONFIG = {"displaylogo": False, "showSendToCloud": False,
                 "modeBarButtonsToRemove": ["select2d", "lasso2d", "autoScale2d"]}

_BUTTONS_PX = 28  # plotly's buttons: 2 px from the top, 25 px high
_SYMBOLS = {"exact": "diamond", "uncertain": "diamond-open", "inferred": "diamond-open-dot",
            "open_start": "arrow-bar-left", "open_end": "arrow-bar-right",
            "recurring": "asterisk-open"}
_PATTERNS = {"exact": "", "uncertain": "/", "inferred": "."}
# the key to the shapes: its words are the page language's ("page", "legend" in its file)
_KEY = [("day", "point", "exact"), ("period", "bar", "exact"),
        ("uncertain_day", "point", "uncertain"), ("uncertain_period", "bar", "uncertain"),
        ("inferred_day", "point", "inferred"), ("inferred_period", "bar", "inferred"),
        ("open_end", "point", "open_end"), ("recurring", "point", "recurring"),
        ("cluster", "bar", "cluster")]
_KEY_GREY = "#666666"


def escape(text: str) -> str:
    """User text for plotly: ``<``, ``>`` and ``&`` escaped once, quotes as they are."""
    return html.escape(text, quote=False)


def _wrapped(text: str, width: int = 80) -> str:
    lines = textwrap.wrap(" ".join(text.split()), width) or [""]
    return "<br>".join(escape(line) for line in lines[:6]) + ("<br>…" if len(lines) > 6 else "")


@dataclass(frozen=True)
class Drawn:
    """An event as the figure draws it."""

    index: int  # position in ``timeline.events``
    event: Event
    lane: int
    x0: float
    x1: float
    point: bool
    style: str  # exact, uncertain, inferred
    glyph: str | None  # open_start, open_end, recurring, or None
    when: When
    expression: str

    @property
    def symbol(self) -> str:
        return _SYMBOLS[self.glyph or self.style]


def _prominence(event: Event, document: Document) -> float:
    """Which labels win when room is short: events told more than once, with a
    trigger and names, exact, early in their text (a news lead)."""
    return (2.0 * (len(event.mentions) - 1) + (1.0 if event.trigger else 0.0)
            + 0.5 * min(len(event.participants), 2) + (0.0 if event.uncertain else 0.5)
            + 0.5 * (1 - event.sentence_start / max(1, len(document.text))))


def _dct(document: Document) -> date | None:
    return date.fromisoformat(document.dct) if document.dct else None


class FigurePlan:
    """Everything the figure needs, computed once: what is drawn where, the
    per-level layout, and the texts. ``figure()`` draws one level."""

    def __init__(self, timeline: Timeline, width: float = REFERENCE_WIDTH,
                 chrome: str | None = None) -> None:
        self.width = width
        documents = {d.id: d for d in timeline.documents}
        timexes = timeline.timex_index()
        lanes: dict[str, int] = {}
        instants: list[tuple[int, Event, Document, Timex, Instant, Instant | None,
                             str | None]] = []
        self.not_drawn = 0
        self._when = describe_events(timeline)
        for index, event in enumerate(timeline.events):
            document = documents[event.doc_id]
            timex = timeline.dating(event, timexes)[0]
            start = Instant.parse(event.start) if event.start else None
            end = Instant.parse(event.end) if event.end else None
            glyph = None
            if event.recurring:
                dct = _dct(document)
                if dct is None or document.doc_type == "narrative":
                    self.not_drawn += 1
                    continue
                start, end, glyph = Instant.of(dct.year, dct.month, dct.day), None, "recurring"
            elif start is None and end is not None:
                start, end, glyph = end, None, "open_start"
            elif start is not None and end is None:
                glyph = "open_end"
            elif start is None:
                self.not_drawn += 1
                continue
            assert start is not None
            lanes.setdefault(document.id, len(lanes))
            instants.append((index, event, document, timex, start, end, glyph))

        every = [i for _, _, _, _, s, e, _ in instants for i in (s, e) if i is not None]
        self.calendar = bool(every) and all(1 <= i.civil()[0] <= 9999 for i in every)
        self.documents = [documents[doc_id] for doc_id in lanes]
        languages = [d.language for d in self.documents] or ["en"]
        self.language = max(set(languages), key=languages.count)
        # the words around the dates (key, hovers): the documents' language if they share
        # one, else English; the dashboard's are English like the rest of its screen
        self.chrome = chrome or page_language(languages)
        self.drawn: list[Drawn] = []
        for index, event, document, timex, start, end, glyph in instants:
            point = glyph is not None or end is None or (
                event.granularity.is_point_like and end.seconds - start.seconds <= SECONDS_PER_DAY)
            x0 = self.x(start)
            style = "inferred" if event.inferred else "uncertain" if event.uncertain else "exact"
            self.drawn.append(Drawn(
                index, event, lanes[document.id], x0, x0 if point or end is None else self.x(end),
                point, style, glyph, self._when[index], timex.text))
        self.axis = self._axis()
        self.focus = self._focus()
        items = [Item(d.lane, d.x0, d.x1, d.point, d.event.title,
                      _prominence(d.event, self.documents[d.lane])) for d in self.drawn]
        self.layout: Layout = packing.layout(items, self.axis, width, len(self.documents),
                                             ROW_BUDGET, MAX_LANE_ROWS, self.focus)
        self.items = items
        offsets, top = [], 0.0
        for rows in self.layout.lane_rows:
            offsets.append(top)
            top += rows + LANE_GAP
        self.lane_offsets = offsets
        self.total_rows = top - LANE_GAP if offsets else 1.0

    @functools.cached_property
    def lane_marks(self) -> list[tuple[list[int], list[int]]]:
        """Per lane, its bars and its points (indices into ``drawn``): one trace each,
        in this order, which the page's script relies on."""
        lanes: list[tuple[list[int], list[int]]] = [([], []) for _ in self.documents]
        for i, drawn in enumerate(self.drawn):
            lanes[drawn.lane][1 if drawn.point else 0].append(i)
        return lanes

    @functools.cached_property
    def hovers(self) -> list[list[str]]:
        """Each drawn item's hover (customdata): its mark and its label show the same."""
        return [self.hover(drawn) for drawn in self.drawn]

    def when(self, index: int) -> When:
        """The date of ``timeline.events[index]`` as people write it."""
        return self._when[index]

    def x(self, instant: Instant) -> float:
        """Axis units: milliseconds on a calendar axis, decimal years otherwise."""
        return instant.seconds * 1000.0 if self.calendar else instant.decimal_year()

    def _axis(self) -> tuple[float, float]:
        """The known extents of what is drawn, padded; open ends do not count."""
        if not self.drawn:
            now = self.x(Instant.of(2000)) if self.calendar else 2000.0
            return now - 1, now + 1
        return self._padded(min(d.x0 for d in self.drawn), max(d.x1 for d in self.drawn))

    def _padded(self, low: float, high: float) -> tuple[float, float]:
        """``low``-``high`` with a margin: 4 % of it, at least a month."""
        month = 30 * SECONDS_PER_DAY * 1000.0 if self.calendar else 1 / 12
        pad = max((high - low) * 0.04, month)
        return low - pad, high + pad

    def _focus(self) -> tuple[float, float] | None:
        """The shortest stretch holding FOCUS_SHARE of the events (by their middles),
        padded, when it is FOCUS_GAIN times narrower than the axis; else None."""
        middles = sorted((d.x0 + d.x1) / 2 for d in self.drawn)
        count = math.ceil(FOCUS_SHARE * len(middles))
        if len(middles) < FOCUS_MIN_EVENTS or count >= len(middles):
            return None
        start = min(range(len(middles) - count + 1),
                    key=lambda i: middles[i + count - 1] - middles[i])
        low, high = self._padded(middles[start], middles[start + count - 1])
        low, high = max(self.axis[0], low), min(self.axis[1], high)
        return (low, high) if (high - low) * FOCUS_GAIN <= self.axis[1] - self.axis[0] else None

    @property
    def view(self) -> tuple[float, float]:
        """The stretch the figure opens on."""
        return self.focus or self.axis

    def _in_view(self) -> list[float]:
        """The middles of the drawn events the opening view holds."""
        low, high = self.view
        return [m for d in self.drawn if low <= (m := (d.x0 + d.x1) / 2) <= high]

    def outside_focus(self) -> int:
        """How many drawn events the opening view leaves out (by their middles)."""
        return len(self.drawn) - len(self._in_view())

    def _year(self, value: float) -> str:
        year = Instant(int(value // 1000)).civil()[0] if self.calendar else math.floor(value)
        return words(self.chrome).year(year)

    def focus_note(self) -> tuple[str, str] | None:
        """What the opening view holds, and the words of a button that shows it all."""
        if self.focus is None:
            return None
        said = words(self.chrome)
        inside = self._in_view()
        text = said.phrase("page", "focus", start=self._year(min(inside)),
                           end=self._year(max(inside)),
                           n=said.number(len(inside)), total=said.number(len(self.drawn)))
        button = said.phrase("page", "whole_span", start=self._year(min(d.x0 for d in self.drawn)),
                             end=self._year(max(d.x1 for d in self.drawn)))
        return text, button

    def y(self, item: int) -> float:
        return -(self.lane_offsets[self.items[item].lane] + self.layout.rows[item])

    def cluster_y(self, cluster: Cluster) -> float:
        """The middle of the rows a cluster spans."""
        return -(self.lane_offsets[cluster.lane] + (cluster.first_row + cluster.last_row) / 2)

    @staticmethod
    def cluster_height(cluster: Cluster) -> float:
        return cluster.last_row - cluster.first_row + BAR_HEIGHT

    # --- texts ----------------------------------------------------------------------

    def hover(self, drawn: Drawn) -> list[str]:
        """customdata of an item: title, when, expression, sentence, document, index."""
        document = self.documents[drawn.lane]
        return [_wrapped(drawn.event.title, 70), escape(drawn.when.full()),
                escape(drawn.expression), _wrapped(drawn.event.sentence),
                escape(fit(document.title, 260, 11)), str(drawn.index)]

    def cluster_hover(self, members: tuple[int, ...]) -> str:
        """A cluster's hover: how many, and the first few, in time order."""
        shown = [self.drawn[i] for i in sorted(members, key=lambda i: self.drawn[i].x0)]
        lines = [f"{escape(d.when.text)}: {escape(fit(d.event.title, 300, 11))}"
                 for d in shown[:8]]
        more = len(shown) - len(lines)
        said = words(self.chrome)
        head = said.phrase("page", "cluster", "count", n=len(shown))
        return (f"<b>{escape(head)}</b> {escape(said.phrase('page', 'cluster', 'zoom'))}<br>"
                + "<br>".join(lines)
                + (f"<br>{escape(said.phrase('page', 'cluster', 'more', n=more))}"
                   if more > 0 else ""))

    # --- the figure -----------------------------------------------------------------

    def colour(self, lane: int) -> str:
        return PALETTE[lane % len(PALETTE)]

    def level_for_width(self, width: float, whole: bool = False) -> int:
        """The level for a plot ``width`` px wide showing the opening view (or the whole
        axis)."""
        low, high = self.axis if whole else self.view
        gain = (self.axis[1] - self.axis[0]) / (high - low)
        return self.layout.level_for(self.layout.scale * width / self.width * gain)

    def figure(self, title: str | None = None, level: int = 0, static: bool = False,
               buttons: bool = False) -> go.Figure:
        """The figure at one zoom ``level`` (0: the plan's width, whole axis); ``static``:
        for an image, whose key cannot ask to zoom in; ``buttons``: plotly's buttons shown
        always, in a strip of their own at the top (in the title's row or the key's, they
        lay over a long title or the key's last entries; the width is the browser's)."""
        state = self.layout.levels.get(level) or self.layout.levels[max(self.layout.levels)]
        figure = go.Figure()
        for lane in range(len(self.documents)):
            self._lane_traces(figure, lane, state, level)
        self._legends(figure, static)
        self._layout(figure, title, self.axis if static else self.view, buttons)
        return figure

    def _lane_traces(self, figure: go.Figure, lane: int, state: Level, level: int) -> None:
        colour, group = self.colour(lane), f"doc{lane}"
        bars, points = self.lane_marks[lane]
        shown = [i not in state.hidden for i in range(len(self.drawn))]
        common = {"legendgroup": group, "showlegend": False,
                  "hovertemplate": _HOVER, "hoverlabel": {"bordercolor": colour}}
        figure.add_trace(go.Bar(
            orientation="h", name="periods", ids=[str(i) for i in bars],
            base=[self.drawn[i].x0 if shown[i] else None for i in bars],
            x=[self.drawn[i].x1 - self.drawn[i].x0 if shown[i] else None for i in bars],
            y=[self.y(i) for i in bars], width=BAR_HEIGHT,
            marker=self._bar_marker([self.drawn[i].style for i in bars], colour),
            customdata=[self.hovers[i] for i in bars], **_UNFADED["bars"], **common))
        figure.add_trace(go.Scatter(
            mode="markers", name="days", ids=[str(i) for i in points],
            x=[self.drawn[i].x0 if shown[i] else None for i in points],
            y=[self.y(i) for i in points],
            marker={"color": colour, "size": 13, "symbol": [self.drawn[i].symbol for i in points],
                    "line": {"color": colour, "width": 1.5}},
            customdata=[self.hovers[i] for i in points], **_UNFADED["points"], **common))
        labels = [label for label in state.labels if self.drawn[label.item].lane == lane]
        # an invisible marker as wide as the mark: plotly sets the text beside it, so a
        # label stays by its mark at any zoom, also where no script of ours runs
        figure.add_trace(go.Scatter(
            mode="markers+text", name="labels", x=[self.drawn[lab.item].x0 for lab in labels],
            y=[self.y(lab.item) for lab in labels], text=[escape(lab.text) for lab in labels],
            textposition=[f"middle {lab.side}" for lab in labels],
            marker={"size": [LABEL_MARK if self.drawn[lab.item].point else 1 for lab in labels],
                    "opacity": 0},
            textfont={"size": packing.FONT_PX, "color": "#1b1b1b", "family": FONT},
            customdata=[self.hovers[lab.item] for lab in labels], **_UNFADED["labels"], **common))
        clusters = [c for c in state.clusters if c.lane == lane]
        figure.add_trace(go.Bar(
            orientation="h", name="clusters", base=[c.x0 for c in clusters],
            x=[c.x1 - c.x0 for c in clusters], y=[self.cluster_y(c) for c in clusters],
            width=[self.cluster_height(c) for c in clusters],
            text=[str(len(c.members)) for c in clusters], textposition="inside",
            insidetextanchor="middle", textangle=0,
            textfont={"size": 11, "color": "#111", "family": FONT, "weight": "bold"},
            marker=self._cluster_marker(colour),
            customdata=[[self.cluster_hover(c.members), c.x0, c.x1] for c in clusters],
            hovertemplate="%{customdata[0]}<extra></extra>", legendgroup=group,
            showlegend=False))

    @staticmethod
    def _bar_marker(kinds: list[str], colour: str) -> dict[str, Any]:
        """How periods are filled, one kind (exact, uncertain, inferred) per bar: the
        figure and its key draw them alike."""
        return {"color": [colour if kind == "exact" else "white" for kind in kinds],
                "opacity": 0.55, "line": {"color": colour, "width": 1.2},
                "pattern": {"shape": [_PATTERNS[kind] for kind in kinds], "fgcolor": colour,
                            "fillmode": "replace", "size": 6, "solidity": 0.35}}

    @staticmethod
    def _cluster_marker(colour: str) -> dict[str, Any]:
        return {"color": colour, "opacity": 0.22, "cornerradius": 7,
                "line": {"color": colour, "width": 2}}

    def _legends(self, figure: go.Figure, static: bool) -> None:
        """One entry per document (click: hide it), and a key to the shapes in use."""
        if len(self.documents) > 1:
            for lane, document in enumerate(self.documents):
                figure.add_trace(go.Scatter(
                    x=[None], y=[None], mode="markers", name=escape(fit(document.title, 260, 12)),
                    marker={"symbol": "square", "size": 12, "color": self.colour(lane)},
                    legendgroup=f"doc{lane}", legend="legend", hoverinfo="skip"))
        kinds = {("point" if d.point else "bar", d.glyph or d.style) for d in self.drawn}
        kinds |= {("point", "open_end") for d in self.drawn if d.glyph == "open_start"}
        if any(state.clusters for state in self.layout.levels.values()):
            kinds.add(("bar", "cluster"))
        legend = words(self.chrome)
        for key, shape, kind in _KEY:
            if (shape, kind) not in kinds:
                continue
            worded = "cluster_static" if static and kind == "cluster" else key
            name = escape(legend.phrase("page", "legend", worded))
            if shape == "point":
                figure.add_trace(go.Scatter(
                    x=[None], y=[None], mode="markers", name=name, legend="legend2",
                    hoverinfo="skip", marker={"symbol": _SYMBOLS[kind], "size": 12,
                                              "color": _KEY_GREY,
                                              "line": {"color": _KEY_GREY, "width": 1.5}}))
            else:  # a bar of its own: the key shows the same fill, hatching and corners
                figure.add_trace(go.Bar(
                    x=[None], y=[None], orientation="h", name=name, legend="legend2",
                    hoverinfo="skip", marker=self._cluster_marker(_KEY_GREY) if kind == "cluster"
                    else self._bar_marker([kind], _KEY_GREY)))

    def _layout(self, figure: go.Figure, title: str | None, view: tuple[float, float],
                buttons: bool) -> None:
        lanes = len(self.documents)
        ticks = [-(self.lane_offsets[lane] + (self.layout.lane_rows[lane] - 1) / 2)
                 for lane in range(lanes)]
        shapes = [{"type": "rect", "xref": "paper", "x0": 0, "x1": 1, "layer": "below",
                   "y0": -(self.lane_offsets[lane] + self.layout.lane_rows[lane] - 0.5),
                   "y1": -(self.lane_offsets[lane] - 0.5), "line": {"width": 0},
                   "fillcolor": "rgba(0,0,0,0.035)" if lane % 2 == 0 else "rgba(0,0,0,0)"}
                  for lane in range(lanes)]
        key_px, title_px = 30, 36 if title else 0
        strip_px = _BUTTONS_PX if buttons else 0
        top_px = 24 if self.total_rows > TOP_AXIS_ROWS else 0
        docs_px = 24 * math.ceil(lanes / 3) if lanes > 1 else 0
        height = int(self.total_rows * ROW_PX + 120 + strip_px + key_px + title_px + top_px
                     + docs_px)
        figure.update_layout(
            title={"text": escape(title), "x": 0, "xanchor": "left", "xref": "paper",
                   "y": 1, "yref": "container", "yanchor": "top", "pad": {"t": 12 + strip_px},
                   "font": {"size": TITLE_SIZE}} if title else None,
            barmode="overlay", hovermode="closest", template="plotly_white",
            font={"family": FONT}, height=height, shapes=shapes,
            margin={"l": 10, "r": 10, "t": strip_px + key_px + title_px + top_px + 8, "b": 10},
            showlegend=bool(self.drawn),
            # the key in its own row under the title, the documents below the plot
            legend2={"orientation": "h", "x": 0, "xanchor": "left", "yref": "container",
                     "y": 1 - (strip_px + title_px + 4) / height, "yanchor": "top",
                     "font": {"size": 11},
                     "itemclick": False, "itemdoubleclick": False},
            legend={"orientation": "h", "x": 0, "xanchor": "left", "y": -0.02,
                    "yref": "container", "yanchor": "bottom", "font": {"size": 12}},
            hoverlabel={"align": "left", "bgcolor": "white", "font": {"size": 12}},
        )
        figure.update_yaxes(
            range=[-self.total_rows + 0.5, 0.5], fixedrange=True, showgrid=False,
            zeroline=False, tickmode="array", tickvals=ticks if lanes > 1 else [],
            ticktext=[escape(fit(d.title, 170, 12)) for d in self.documents] if lanes > 1 else [],
            automargin=True)
        xaxis: dict[str, Any] = {"range": list(view), "showgrid": True, "zeroline": False,
                                 "automargin": True}
        if self.calendar:
            xaxis["type"] = "date"
        else:
            values, labels = decimal_ticks(view[0], view[1], self.language)
            xaxis.update(type="linear", tickmode="array", tickvals=values, ticktext=labels)
        figure.update_layout(xaxis=xaxis)
        if self.total_rows > TOP_AXIS_ROWS:  # a tall figure: the dates above it too
            top = {key: value for key, value in xaxis.items() if key != "range"}
            figure.update_layout(xaxis2={**top, "matches": "x", "overlaying": "x", "side": "top",
                                         "showgrid": False})
            figure.add_trace(go.Scatter(x=[self.axis[0]], y=[None], xaxis="x2",
                                        showlegend=False, hoverinfo="skip"))

    def mark_selected(self, figure: go.Figure, event_index: int) -> None:
        """Ring the mark of ``timeline.events[event_index]`` (the dashboard's selection)."""
        for i, drawn in enumerate(self.drawn):
            if drawn.index != event_index:
                continue
            y = self.y(i)
            if drawn.point or drawn.x1 <= drawn.x0:
                figure.add_trace(go.Scatter(
                    x=[drawn.x0], y=[y], mode="markers", name="selected", showlegend=False,
                    hoverinfo="skip", marker={"symbol": "circle-open", "size": 24,
                                              "color": SELECTED, "line": {"width": 3}}))
            else:
                half = BAR_HEIGHT / 2 + 0.12
                figure.add_shape(type="rect", x0=drawn.x0, x1=drawn.x1, y0=y - half, y1=y + half,
                                 line={"color": SELECTED, "width": 3}, layer="above")

    # --- what the page's script needs to change levels in the browser ------------------

    @property
    def trace_index(self) -> dict[str, list[int]]:
        """Each lane draws four traces, in this order, before the legend entries."""
        lanes = range(len(self.documents))
        return {kind: [4 * lane + k for lane in lanes]
                for k, kind in enumerate(("bars", "points", "labels", "clusters"))}

    def levels_payload(self) -> dict[str, Any]:
        """Per-level hidden items, labels and clusters, in the shape page.js reads."""
        traces = self.trace_index
        item_trace = {}
        for lane, (bars, points) in enumerate(self.lane_marks):
            for kind, members in (("bars", bars), ("points", points)):
                for position, i in enumerate(members):
                    item_trace[i] = [traces[kind][lane], position]
        return {
            "calendar": self.calendar,
            "scale": self.layout.scale,
            "axis": list(self.axis),
            "mark": LABEL_MARK,
            "era": axis_year(0, self.language).removeprefix("1").strip(),
            "months": list(words(self.language).locale.months["format"]["abbreviated"].values()),
            "items": [[item_trace[i], d.x0, d.x1, d.point, self.y(i), d.event.id, d.index]
                      for i, d in enumerate(self.drawn)],
            "traces": traces,
            "levels": {str(level): {
                "hidden": sorted(state.hidden),
                "labels": [[lab.item, lab.side, escape(lab.text), self.drawn[lab.item].lane]
                           for lab in state.labels],
                "clusters": [[c.lane, self.cluster_y(c), c.x0, c.x1, len(c.members),
                              self.cluster_hover(c.members), self.cluster_height(c)]
                             for c in state.clusters],
            } for level, state in self.layout.levels.items()},
        }


# A selection (clicking a mark in the dashboard) must not fade the other marks, as
# plotly does by default: the dashboard rings the selected one instead.
_UNFADED: dict[str, dict[str, Any]] = {
    "bars": {"selected": {"marker": {"opacity": 0.55}},
             "unselected": {"marker": {"opacity": 0.55}}},
    "points": {"selected": {"marker": {"opacity": 1}}, "unselected": {"marker": {"opacity": 1}}},
    "labels": {"selected": {"marker": {"opacity": 0}, "textfont": {"color": "#1b1b1b"}},
               "unselected": {"marker": {"opacity": 0}, "textfont": {"color": "#1b1b1b"}}},
}

_HOVER = ("<b>%{customdata[0]}</b><br>%{customdata[1]} · “%{customdata[2]}”<br>"
          "<span style='color:#555'>%{customdata[3]}</span><extra>%{customdata[4]}</extra>")


def decimal_ticks(low: float, high: float, language: str) -> tuple[list[float], list[str]]:
    """Ticks for a decimal-year axis: round years (BC ones round as people count
    them: 100 BC is astronomical -99), or month starts on a span under four years.
    page.js does the same when the reader zooms."""
    if high - low < 4:
        return _month_ticks(low, high, language)
    raw = (high - low) / 8
    step = 10 ** math.floor(math.log10(raw))
    step = next(step * f for f in (1, 2, 5, 10) if step * f >= raw)
    step = max(1, int(step))
    ticks = [float(k * step) for k in range(math.ceil(low / step), math.floor(high / step) + 1)
             if k > 0]
    ticks += [float(1 - k * step) for k in range(math.ceil((1 - high) / step),
                                                  math.floor((1 - low) / step) + 1) if k > 0]
    values = sorted(t for t in ticks if low <= t <= high)
    return values, [axis_year(int(v), language) for v in values]


def _month_ticks(low: float, high: float, language: str) -> tuple[list[float], list[str]]:
    months = words(language).locale.months["format"]["abbreviated"]
    span = (high - low) * 12
    step = next((s for s in (1, 2, 3, 6) if span / s <= 10), 12)
    values, labels = [], []
    year, month = math.floor(low), 1
    while True:
        value = Instant.of(year, month).decimal_year()
        if value > high:
            break
        if value >= low and (month - 1) % step == 0:
            values.append(value)
            labels.append(f"{months[month]} {axis_year(year, language)}")
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return values, labels


def build_figure(timeline: Timeline, title: str | None = None,
                 width: float = REFERENCE_WIDTH) -> go.Figure:
    """A plotly figure of ``timeline`` for a plot area about ``width`` px wide."""
    plan = FigurePlan(timeline)
    return plan.figure(title, plan.level_for_width(width))
