"""The figure's layout: rows, levels, labels, clusters, the axis, the legend, escaping."""

from __future__ import annotations

import re

import pytest

from timeline.io.inputs import DocumentInput
from timeline.io.seeds import load_seed
from timeline.model import Timeline
from timeline.pipeline import Extractor, Options
from timeline.time.chrono import Instant
from timeline.views import layout
from timeline.views.dashboard import PLOT_WIDTH
from timeline.views.figure import REFERENCE_WIDTH, ROW_BUDGET, FigurePlan, decimal_ticks
from timeline.views.measure import fit, text_width


def _drawn_boxes(plan: FigurePlan, level: int) -> dict[tuple[int, int], list[tuple[float, float]]]:
    """Every shape of ``level`` by (lane, row): items not in clusters, clusters, labels."""
    state = plan.layout.levels[level]
    scale = plan.layout.scale * layout.zoom(level)
    rows: dict[tuple[int, int], list[tuple[float, float]]] = {}
    labelled = {label.item: label for label in state.labels}
    for i, item in enumerate(plan.items):
        if i in state.hidden:
            continue
        box = layout.item_box(item, scale)
        if i in labelled:
            width = text_width(labelled[i].text, layout.FONT_PX)
            label = layout.label_box(item, labelled[i].side, width, scale)
            box = (min(box[0], label[0]), max(box[1], label[1]))
        rows.setdefault((item.lane, plan.layout.rows[i]), []).append(box)
    for cluster in state.clusters:
        for row in range(cluster.first_row, cluster.last_row + 1):
            rows.setdefault((cluster.lane, row), []).append((cluster.x0, cluster.x1))
    return rows


def _assert_disjoint(rows: dict[tuple[int, int], list[tuple[float, float]]]) -> None:
    for boxes in rows.values():
        boxes.sort()
        for (_, end), (start, _) in zip(boxes, boxes[1:]):
            assert end <= start


def test_seed_every_event_labelled_in_its_own_place(seed_timeline: Timeline) -> None:
    plan = FigurePlan(seed_timeline)
    assert len(plan.drawn) == len(seed_timeline.events) == 10
    level = plan.layout.levels[0]
    assert not level.hidden and not level.clusters
    assert {label.item for label in level.labels} == set(range(10))
    positions = {(plan.items[i].lane, plan.layout.rows[i], plan.items[i].x0) for i in range(10)}
    assert len(positions) == 10  # the two Mondays, "Jetzt" and "derzeit" do not sit on each other
    _assert_disjoint(_drawn_boxes(plan, 0))


def test_a_long_label_never_costs_another_event_its_label(extractor: Extractor) -> None:
    # "Chukwuemeka Odumegwu kehrte im Zuge einer Generalamnestie zurück" (1982) took its
    # row up to 2000 in full, and the 2005 arrest at the axis end had no room left
    timeline = extractor.run([load_seed("biafra-krieg")], Options())
    plan = FigurePlan(timeline)
    labelled = {label.item for label in plan.layout.levels[0].labels}
    assert labelled == set(range(len(plan.items))) and len(plan.items) == 15
    _assert_disjoint(_drawn_boxes(plan, 0))
    # a phone's narrow labels: a word that says something, or none ("Der…" said nothing)
    narrow = [label.text for level in (-3, -4) for label in plan.layout.levels[level].labels]
    assert narrow and "Igbo-Offiziere…" in narrow
    assert all(any(len(w.strip("…")) >= 5 for w in text.split()) for text in narrow)


def test_the_dashboard_lays_out_for_its_narrower_plot(seed_timeline: Timeline) -> None:
    plan = FigurePlan(seed_timeline, PLOT_WIDTH)
    assert {label.item for label in plan.layout.levels[0].labels} == set(range(10))
    low, high = plan.axis
    rows = _drawn_boxes(plan, 0)
    _assert_disjoint(rows)
    assert all(low <= start and end <= high for boxes in rows.values() for start, end in boxes)
    assert plan.level_for_width(PLOT_WIDTH) == 0 and plan.level_for_width(PLOT_WIDTH / 2) == -2


def test_a_window_a_little_narrower_keeps_most_of_the_labels_room(
        seed_timeline: Timeline) -> None:
    # below the reference width the levels go in half steps: at 1024 px a window got the
    # layout for half the width, labels cut to 120 px ("Stoltenberg…") and a row unlabelled
    plan = FigurePlan(seed_timeline)
    level = plan.level_for_width(REFERENCE_WIDTH * 0.85)
    assert level == -1 and layout.zoom(level) == pytest.approx(0.5 ** 0.5)
    state = plan.layout.levels[level]
    assert {label.item for label in state.labels} == set(range(10))
    assert max(text_width(label.text, layout.FONT_PX) for label in state.labels) > 170
    _assert_disjoint(_drawn_boxes(plan, level))


def test_corpus_levels_never_overlap_and_labels_come_with_zoom(
        wikiwars_timeline: Timeline) -> None:
    plan = FigurePlan(wikiwars_timeline)
    levels = sorted(plan.layout.levels)
    for level in levels:
        _assert_disjoint(_drawn_boxes(plan, level))
    counts = [len(plan.layout.levels[level].labels) for level in levels if level >= 0]
    assert counts[0] < 40 and counts[-1] > 600  # summarised far out, labelled close up
    assert plan.layout.levels[0].clusters  # dense stretches as counts
    keys = [[t.name for t in plan.figure(static=static).data if t.legend == "legend2"]
            for static in (False, True)]  # an image cannot ask to zoom in
    assert "mehrere Ereignisse: hineinzoomen" in keys[0] and "mehrere Ereignisse" in keys[1]
    assert sum(plan.layout.lane_rows) <= ROW_BUDGET  # the corpus stays a figure, not a scroll


_FOCUS_NOTE = re.compile(r"Zeigt zuerst 1861–2012, wo (\d[\d.]*) der (\d[\d.]*) Ereignisse liegen\.")


def test_a_corpus_opens_where_nearly_all_its_events_are(
        wikiwars_timeline: Timeline, seed_timeline: Timeline) -> None:
    plan = FigurePlan(wikiwars_timeline)
    assert plan.focus is not None  # one text reaches back to 800 BC; the rest is 1861-2012
    low, high = plan.focus
    assert 1850 < low < 1862 and 2011 < high < 2020
    assert (high - low) * 4 <= plan.axis[1] - plan.axis[0]
    assert plan.outside_focus() <= 0.05 * len(plan.drawn)
    assert list(plan.figure().layout.xaxis.range) == pytest.approx([low, high])
    assert plan.level_for_width(plan.width) >= 3  # its layout for that stretch
    assert plan.level_for_width(plan.width, whole=True) == 0
    # an image cannot zoom out: it shows everything
    assert list(plan.figure(static=True).layout.xaxis.range) == pytest.approx(list(plan.axis))
    note, button = plan.focus_note() or ("", "")
    assert _FOCUS_NOTE.fullmatch(note) and button == "Ganze Zeitspanne zeigen (800 v. Chr.–2021)"
    inside, total = (int(n.replace(".", "")) for n in _FOCUS_NOTE.fullmatch(note).groups())
    assert total > 1000 and inside >= 0.95 * total  # the counts move with every German rule
    seed = FigurePlan(seed_timeline)  # ten events: all of them, always
    assert seed.focus is None and seed.focus_note() is None and seed.view == seed.axis


def test_open_ends_do_not_widen_the_axis(extractor: Extractor) -> None:
    text = "Vor 2008 gab es keinen Beschluss. Im Mai 2010 kam er. Seit 1990 gilt er."
    timeline = extractor.run([DocumentInput(id="o", text=text, source="test")],
                             Options(language="de", doc_type="narrative"))
    plan = FigurePlan(timeline)
    glyphs = {d.when.text: d.glyph for d in plan.drawn}
    assert glyphs == {"vor 2008": "open_start", "Mai 2010": None, "seit 1990": "open_end"}
    low, high = plan.x(Instant.of(1990)), plan.x(Instant.of(2010, 6))
    assert min(d.x0 for d in plan.drawn) == pytest.approx(low)
    span = high - low  # the axis: the known ends and a small margin, no open end beyond
    assert low - 0.05 * span < plan.axis[0] < low < high < plan.axis[1] < high + 0.05 * span


def test_recurring_events_of_news_sit_at_their_date(extractor: Extractor) -> None:
    text = "Der Rat tagt jeden Montag. Am 3. Mai 2024 tagte er lange."
    news = extractor.run([DocumentInput(id="n", text=text, source="t", dct="2024-04-29")],
                         Options(language="de"))
    plan = FigurePlan(news)
    recurring = next(d for d in plan.drawn if d.glyph == "recurring")
    assert recurring.when.text == "jeden Montag" and plan.not_drawn == 0
    story = extractor.run([DocumentInput(id="s", text=text, source="t")],
                          Options(language="de", doc_type="narrative"))
    assert FigurePlan(story).not_drawn == 1  # a story's "every Monday" has no date to sit at


def test_user_text_is_escaped_once_and_each_document_is_one_legend_entry(
        extractor: Extractor) -> None:
    items = [DocumentInput(id=f"d{i}", title=f'<a href="x">Titel {i}</a> "q" & co', source="t",
                           text="Am 3. Oktober 1990 kam die Einheit. Im Mai 2019 nicht.")
             for i in range(2)]
    timeline = extractor.run(items, Options(language="de", doc_type="narrative"))
    figure = FigurePlan(timeline).figure("A <b>title</b>")
    documents = [t.name for t in figure.data if t.legend == "legend"]
    assert documents == ['&lt;a href="x"&gt;Titel 0&lt;/a&gt; "q" &amp; co',
                         '&lt;a href="x"&gt;Titel 1&lt;/a&gt; "q" &amp; co']
    assert figure.layout.title.text == "A &lt;b&gt;title&lt;/b&gt;"
    assert all("&amp;lt;" not in (t or "") for t in figure.layout.yaxis.ticktext)
    key = [t.name for t in figure.data if t.legend == "legend2"]
    assert key == ["Tag", "Zeitraum"]  # only shapes that are drawn, in the documents' language
    english = FigurePlan(timeline, chrome="en").figure()
    assert [t.name for t in english.data if t.legend == "legend2"] == ["day", "period"]


def test_bc_ticks_read_as_people_count_years() -> None:
    values, labels = decimal_ticks(-600.0, 200.0, "de")
    assert "500 v. Chr." in labels and "100" in labels
    assert values[labels.index("500 v. Chr.")] == -499  # astronomical
    months, names = decimal_ticks(1944.0, 1945.0, "de")
    assert names[0] == "Jan. 1944" and len(months) >= 6


def test_labels_are_shortened_to_fit() -> None:
    title = "Stoltenberg: Überraschungsbesuch in der ukrainischen Hauptstadt Kiew"
    short = fit(title, 120, 11)
    assert short.endswith("…") and text_width(short, 11) <= 120
    assert title.startswith(short.rstrip("…"))
