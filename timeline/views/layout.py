"""Where each event sits in its lane, and which labels show at which zoom.

What vis-timeline does in the browser (stack overlapping items into sub-rows,
group them when zoomed out), computed ahead of time so that an exported page
needs no server:

- packing: at the initial zoom, each document's items go into sub-rows, most
  prominent first, each with its label if a row has room for both, else
  without; a lane has at most ``max_rows`` rows;
- levels: zoom level ``L`` is ``2**L`` times the initial scale, and below it (screens
  narrower than the reference) in half steps, ``2**(L/2)`` (:func:`zoom`). At each level,
  items that would touch in their row become one cluster with a count, and
  labels are placed, by prominence, wherever they overlap nothing else: every
  item's first, whole titles where room is left.

Every extent is a data point plus a constant number of pixels, so shapes only
shrink towards their data points as one zooms in: what does not overlap at the
start of a level does not overlap anywhere within it.
"""

from __future__ import annotations

import functools
import itertools
import math
from bisect import bisect_left
from dataclasses import dataclass, field

from babel import Locale

from timeline.tagging.languages import LANGUAGES
from timeline.views.measure import ELLIPSIS, fit, text_width

FONT_PX = 11
MARK_PX = 7  # half the drawn width of a day marker or an open-end glyph
BAR_MIN_PX = 4  # a bar never narrower than this
TEXT_PAD_PX = 5  # between a label and its mark, and after the label
GAP_PX = 3  # between any two shapes in a row
CLUSTER_MIN_PX = 28  # room for a count
LABEL_PX = 250  # the longest label at the initial zoom and closer; narrower, in proportion
NARROW_LABEL_PX = 120  # but never shorter than this
SHORT_LABEL_PX = (120, 70)  # where the full label has no room
LONG_LABEL_PX = 420  # where there is room for the whole title
MIN_LEVEL = -4  # down to a quarter of the reference width, in half steps
MAX_LEVEL = 22


@dataclass(frozen=True)
class Item:
    """One drawn event: ``x0 == x1`` for a point (a marker of fixed pixel size)."""

    lane: int
    x0: float
    x1: float
    point: bool
    title: str
    prominence: float


@dataclass(frozen=True)
class Label:
    item: int
    side: str  # "right" or "left" of the item's start
    text: str


@dataclass(frozen=True)
class Cluster:
    """Items summarised as one box with a count; it may span several rows of its lane."""

    lane: int
    first_row: int
    last_row: int
    x0: float
    x1: float
    members: tuple[int, ...]


@dataclass
class Level:
    hidden: frozenset[int]  # items drawn as part of a cluster
    labels: list[Label]
    clusters: list[Cluster]


@dataclass
class Layout:
    rows: list[int]  # each item's row within its lane
    lane_rows: list[int]  # how many rows each lane has
    scale: float  # pixels per axis unit at level 0
    axis: tuple[float, float]
    levels: dict[int, Level] = field(default_factory=dict)

    def level_for(self, scale: float) -> int:
        """The level whose layout holds at ``scale`` px per unit."""
        level = level_of(scale / self.scale) if scale > 0 else MIN_LEVEL
        return max(min(self.levels), min(max(self.levels), level))


def zoom(level: int) -> float:
    """The scale of ``level`` relative to the initial one. Below it in half steps: a
    window a little narrower than the reference then loses a little of its labels'
    room, where a whole step had halved it (and page.js knows the same steps)."""
    return 2.0 ** level if level >= 0 else 2.0 ** (level / 2)


def level_of(ratio: float) -> int:
    """The deepest level whose :func:`zoom` is at most ``ratio`` (> 0)."""
    doublings = math.log2(ratio)
    return math.floor(doublings + 1e-9) if doublings >= 0 else math.floor(2 * doublings + 1e-9)


class _Row:
    """Disjoint extents of one sub-row, sorted, with a neighbour test in log time."""

    def __init__(self) -> None:
        self.starts: list[float] = []
        self.ends: list[float] = []

    def fits(self, start: float, end: float, gap: float) -> bool:
        i = bisect_left(self.starts, start)
        if i > 0 and self.ends[i - 1] + gap > start:
            return False
        return i == len(self.starts) or self.starts[i] >= end + gap

    def add(self, start: float, end: float) -> None:
        i = bisect_left(self.starts, start)
        self.starts.insert(i, start)
        self.ends.insert(i, end)

    def remove(self, start: float, end: float) -> None:
        i = bisect_left(self.starts, start)
        while self.ends[i] != end:
            i += 1
        del self.starts[i], self.ends[i]


def item_box(item: Item, scale: float) -> tuple[float, float]:
    if item.point:
        return item.x0 - MARK_PX / scale, item.x0 + MARK_PX / scale
    return item.x0, max(item.x1, item.x0 + BAR_MIN_PX / scale)


def label_box(item: Item, side: str, width: float, scale: float) -> tuple[float, float]:
    """A bar's label starts inside it; a point's beside its marker."""
    mark = MARK_PX if item.point else 0
    reach = (mark + width + 2 * TEXT_PAD_PX) / scale
    if side == "right":
        return item.x0 + mark / scale, item.x0 + reach
    return item.x0 - reach, item.x0 - mark / scale


Bounds = tuple[tuple[float, float], tuple[float, float] | None]  # the axis, the opening view


def _sides(item: Item, width: float, scale: float, bounds: Bounds) -> list[str]:
    """Where a label may go, best first: right of the item, else left; a side whose
    label runs past the axis end (or, for an item in the view the figure opens on,
    past that view's end) comes only if neither fits within it. An item outside that
    view prefers the side away from it: the view's edge would cut the label ("…olution")."""
    axis, focus = bounds
    inside = focus is not None and focus[0] <= item.x0 and item.x1 <= focus[1]
    if inside:
        axis = focus
    boxes = {side: label_box(item, side, width, scale) for side in ("right", "left")}
    within = [side for side, (start, end) in boxes.items() if axis[0] <= start and end <= axis[1]]
    if focus is not None and not inside:
        apart = [side for side in within
                 if not any(boxes[side][0] < edge < boxes[side][1] for edge in focus)]
        within = apart or within
    return within or ["right"]


def _union(a: tuple[float, float], b: tuple[float, float]) -> tuple[float, float]:
    return min(a[0], b[0]), max(a[1], b[1])


@functools.cache  # the same at every level from the initial one in
def _label_choices(title: str, factor: float) -> tuple[float, tuple[tuple[str, float], ...]]:
    """The width of the label a title gets when there is room, and the labels to
    try, longest first, with their widths: the whole title where there is room,
    and a few words rather than none. ``factor``: the level's :func:`zoom`; below the
    initial scale labels are shorter in proportion, and whole titles come down to half
    the reference width (a phone gets none)."""
    factor = min(1.0, factor)
    standard = fit(title, max(NARROW_LABEL_PX, LABEL_PX * factor), FONT_PX)
    full = [fit(title, LONG_LABEL_PX * factor, FONT_PX)] if factor >= 0.5 else []
    short = [fit(title, px, FONT_PX) for px in SHORT_LABEL_PX]
    # "Die…", "Am 15.…" or "Generalm…" say nothing: two whole words, one of some length;
    # on a phone's narrow labels too, where "Der…" was all a long title kept
    short = [text for text in [standard, *short] if text == title or _says_something(text, title)]
    tries = dict.fromkeys([*full, *short])
    return text_width(standard, FONT_PX), tuple((t, text_width(t, FONT_PX)) for t in tries)


def _says_something(text: str, title: str) -> bool:
    """Whole words, two or more, one of them of some length and not a month's name; or
    one long word, as German compounds are ("Igbo-Offiziere…", "Gipfelerklärung…")."""
    kept = text.removesuffix(ELLIPSIS)
    words = kept.split()
    whole = len(kept) == len(title) or not title[len(kept)].isalnum()
    telling = [w for w in words if w.replace("-", "").isalpha()
               and w.lower() not in _month_names()]
    return whole and (any(len(w) >= 10 for w in telling)
                      or (len(words) >= 2 and any(len(w) >= 5 for w in telling)))


@functools.cache
def _month_names() -> frozenset[str]:
    names = set()
    for code in LANGUAGES:
        months = Locale.parse(code).months["format"]
        names |= {name.lower().rstrip(".") for kind in ("wide", "abbreviated")
                  for name in months[kind].values()}
    return frozenset(names)


def _data_box(item: Item) -> tuple[float, float]:
    """What an item covers in time alone: what must never share a row at any zoom."""
    return item.x0, item.x1


def _pack(items: list[Item], indices: list[int], scale: float, bounds: Bounds,
          max_rows: int) -> tuple[dict[int, int], int]:
    """Rows for one lane, stacked as seen at ``scale``, and how many items found no
    room for themselves there.

    Most prominent first, each with its label (on either side) where a row has room
    for both, else alone, else with only what it covers in time (two items at the
    same instant never share a row); what still finds no row goes where it crowds
    least and will be drawn in a cluster."""
    rows: list[_Row] = []
    placed: dict[int, int] = {}
    gap = GAP_PX / scale
    axis = bounds[0]
    overflow, cramped = [], 0
    for i in sorted(indices, key=lambda i: (-items[i].prominence, items[i].x0)):
        item = items[i]
        width = _label_choices(item.title, 1.0)[0]
        own = item_box(item, scale)
        boxes = [*((_union(own, label_box(item, side, width, scale)), gap)
                   for side in _sides(item, width, scale, bounds)),
                 (own, gap), (_data_box(item), (axis[1] - axis[0]) * 1e-12)]
        for number, (box, room) in enumerate(boxes):
            row = next((r for r, occupied in enumerate(rows) if occupied.fits(*box, room)), None)
            if row is None and len(rows) < max_rows:
                rows.append(_Row())
                row = len(rows) - 1
            if row is not None:
                rows[row].add(*box)
                placed[i] = row
                cramped += number == len(boxes) - 1
                break
        else:
            overflow.append(i)
    for i in overflow:  # it will be clustered with what it overlaps,
        start, end = _data_box(items[i])  # so a row of bars rather than one of points
        placed[i] = min(range(len(rows)), key=lambda r: sum(
            1 if e > s else 10 for s, e in zip(rows[r].starts, rows[r].ends)
            if s <= end and start <= e))
    return placed, len(overflow) + cramped


def _lane_rows(items: list[Item], indices: list[int], scale: float, bounds: Bounds,
               max_rows: int) -> dict[int, int]:
    """The rows of the closest zoom (from the initial one in) at which nearly every
    item of the lane has room: what vis-timeline would stack there. Items that lack
    room at every zoom (more overlapping periods than rows) do not count."""
    deepest, never = _pack(items, indices, scale * zoom(MAX_LEVEL), bounds, max_rows)
    for level in range(MAX_LEVEL):
        placed, lacking = _pack(items, indices, scale * zoom(level), bounds, max_rows)
        if lacking <= never + len(indices) // 10:
            return placed
    return deepest


def _share(counts: list[int], budget: int, most: int) -> list[int]:
    """Row limits per lane: ``budget`` shared by the square root of each lane's
    events (a crowded lane gets more rows, not all of them), 2 to ``most`` each."""
    weights = [math.sqrt(count) for count in counts]
    total = sum(weights) or 1.0
    return [max(2, min(most, round(budget * weight / total))) for weight in weights]


def _clusters(items: list[Item], members: list[int], scale: float
              ) -> list[tuple[float, float, list[int]]]:
    """Items of one row at ``scale`` swept into groups of touching shapes."""
    gap = GAP_PX / scale
    groups: list[tuple[float, float, list[int]]] = []
    for i in sorted(members, key=lambda i: item_box(items[i], scale)):
        start, end = item_box(items[i], scale)
        if groups and start < groups[-1][1] + gap:
            first, last, group = groups[-1]
            group.append(i)
            groups[-1] = (first, max(last, end, first + CLUSTER_MIN_PX / scale), group)
        else:
            groups.append((start, end, [i]))
    return groups


def _stack_clusters(items: list[Item], rows: list[int], scale: float,
                    clusters: list[Cluster], singles: list[int]) -> list[Cluster]:
    """Clusters of one lane that stand over each other in neighbouring rows (half of
    the narrower one under the other) become one box over those rows, unless that
    box would cover an item drawn alone: zoomed out, a crowded document reads as
    one count rather than a column of counts."""
    gap = GAP_PX / scale
    alone: dict[tuple[int, int], list[tuple[float, float]]] = {}
    for i in singles:
        alone.setdefault((items[i].lane, rows[i]), []).append(item_box(items[i], scale))

    def mergeable(a: Cluster, b: Cluster, others: list[Cluster]) -> Cluster | None:
        if a.lane != b.lane or b.first_row > a.last_row + 1 or a.first_row > b.last_row + 1:
            return None
        shared = min(a.x1, b.x1) - max(a.x0, b.x0)
        if shared < 0.5 * min(a.x1 - a.x0, b.x1 - b.x0):
            return None
        block = Cluster(a.lane, min(a.first_row, b.first_row), max(a.last_row, b.last_row),
                        min(a.x0, b.x0), max(a.x1, b.x1), a.members + b.members)
        for row in range(block.first_row, block.last_row + 1):
            if any(s < block.x1 + gap and block.x0 < e + gap
                   for s, e in alone.get((block.lane, row), [])):
                return None
        if any(c is not a and c is not b and c.lane == block.lane and
               c.first_row <= block.last_row and block.first_row <= c.last_row and
               c.x0 < block.x1 + gap and block.x0 < c.x1 + gap for c in others):
            return None
        return block

    blocks = sorted(clusters, key=lambda c: (c.lane, c.first_row, c.x0))
    merged = True
    while merged:
        merged = False
        for a in blocks:
            for b in blocks:
                if a is not b and (block := mergeable(a, b, blocks)) is not None:
                    blocks = [c for c in blocks if c is not a and c is not b] + [block]
                    merged = True
                    break
            if merged:
                break
    return blocks


def _level(items: list[Item], rows: list[int], scale: float, bounds: Bounds,
           level: int, previous: set[int]) -> Level:
    by_row: dict[tuple[int, int], list[int]] = {}
    for i, item in enumerate(items):
        by_row.setdefault((item.lane, rows[i]), []).append(i)
    clusters, singles = [], []
    for (lane, row), members in by_row.items():
        for start, end, group in _clusters(items, members, scale):
            if len(group) == 1:
                singles.append(group[0])
            else:
                clusters.append(Cluster(lane, row, row, start, end, tuple(group)))
    clusters = _stack_clusters(items, rows, scale, clusters, singles)
    hidden = {i for cluster in clusters for i in cluster.members}
    singles = [i for i in singles if i not in hidden]
    occupied: dict[tuple[int, int], _Row] = {key: _Row() for key in by_row}
    for i in singles:
        occupied[(items[i].lane, rows[i])].add(*item_box(items[i], scale))
    for cluster in clusters:
        for row in range(cluster.first_row, cluster.last_row + 1):
            occupied[(cluster.lane, row)].add(cluster.x0, cluster.x1)
    gap = GAP_PX / scale
    order = sorted(singles, key=lambda i: (i not in previous, -items[i].prominence, i))
    labels: dict[int, Label] = {}
    boxes: dict[int, tuple[float, float]] = {}
    # first every item the longest label up to the standard length, then the whole title
    # where room is left: one item's long label never costs another item its label
    for longer in (False, True):
        for i in order:
            if longer and i not in labels:
                continue  # no room for a short label: none for a longer one
            item, row = items[i], occupied[(items[i].lane, rows[i])]
            standard, choices = _label_choices(item.title, zoom(level))
            own = item_box(item, scale)
            current = boxes.get(i, own)
            row.remove(*current)
            # the longest with room, on either side: a whole label to the left rather
            # than a cut one, or none, to the right
            placed = ((text, side, _union(own, label_box(item, side, width, scale)))
                      for text, width in choices if (width > standard) == longer
                      for side in _sides(item, width, scale, bounds))
            for text, side, both in placed:
                if row.fits(*both, gap):
                    current, labels[i], boxes[i] = both, Label(i, side, text), both
                    break
            row.add(*current)
    return Level(frozenset(hidden), [labels[i] for i in order if i in labels], clusters)


def _deepest_level(items: list[Item], rows: list[int], scale: float) -> int:
    """The level at which the two closest distinct items of a row have room for a label."""
    closest = math.inf
    by_row: dict[tuple[int, int], list[float]] = {}
    for i, item in enumerate(items):
        by_row.setdefault((item.lane, rows[i]), []).append(item.x0)
    for starts in by_row.values():
        starts.sort()
        closest = min([closest, *(b - a for a, b in itertools.pairwise(starts) if b > a)])
    if math.isinf(closest):
        return 0
    needed = (2 * MARK_PX + 2 * TEXT_PAD_PX + LABEL_PX) / (closest * scale)
    return max(0, min(MAX_LEVEL, math.ceil(math.log2(needed)) + 1)) if needed > 1 else 0


def layout(items: list[Item], axis: tuple[float, float], width_px: float, lanes: int,
           row_budget: int, max_lane_rows: int, focus: tuple[float, float] | None = None
           ) -> Layout:
    """Rows and per-level clusters and labels for ``items`` on ``axis`` drawn
    ``width_px`` wide: each lane gets at most ``max_lane_rows`` rows and all lanes
    together about ``row_budget``. ``focus``: the stretch the figure opens on, whose
    items keep their labels inside it where they can."""
    bounds = (axis, focus)
    scale = width_px / (axis[1] - axis[0])
    members = [[i for i, item in enumerate(items) if item.lane == lane] for lane in range(lanes)]
    rows = [0] * len(items)
    limits = _share([len(indices) for indices in members], row_budget, max_lane_rows)
    for indices, limit in zip(members, limits):
        for i, row in _lane_rows(items, indices, scale, bounds, limit).items():
            rows[i] = row
    lane_rows = [max([rows[i] + 1 for i in indices], default=1) for indices in members]
    result = Layout(rows, lane_rows, scale, axis)
    previous: set[int] = set()
    deepest = _deepest_level(items, rows, scale)
    for level in range(MIN_LEVEL, deepest + 1):
        found = _level(items, rows, scale * zoom(level), bounds, level, previous)
        result.levels[level] = found
        previous = {label.item for label in found.labels}
        if level >= 0 and not found.clusters and len(previous) == len(items):
            break
    return result
