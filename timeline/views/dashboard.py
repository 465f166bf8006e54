"""The Streamlit dashboard: a timeline workbench wired to package functions.

Run with ``timeline app`` or ``streamlit run app.py``. What a person opened and
changed lives in a :class:`Workspace` in the session; each document is tagged
once per text and settings (cached for the server process, so a curation edit
or a change to another document re-tags nothing); every behaviour is a package
function (``curation``, ``views.tables``, ``views.reader``), this module only
lays out widgets and turns their events into calls.
"""

from __future__ import annotations

import functools
import hashlib
import os
import re
from datetime import date
from functools import partial

import pandas as pd
import streamlit as st

from timeline.batch.workers import SharedPool
from timeline.curation.edits import keys_of
from timeline.curation.filters import KINDS, Filter, extent, kinds_of, participants_of
from timeline.curation.workspace import Workspace
from timeline.errors import TimelineError, message, reworded
from timeline.exports.formats import FORMATS, TIMEML, download_name
from timeline.io.inputs import DocumentInput, headline
from timeline.io.seeds import DEFAULT_SEED, list_seeds, load_seed
from timeline.io.uploads import SUFFIXES, Opened, read_upload
from timeline.model import DocumentError, Event, Timeline, time_order
from timeline.pipeline import Options
from timeline.tagging.languages import AUTO, DOC_TYPES, LANGUAGES
from timeline.tagging.lexicon import lexicon
from timeline.time.chrono import Instant
from timeline.time.dct import parse_dct
from timeline.time.wording import describe_events
from timeline.views.figure import PLOTLY_CONFIG, TITLE_SIZE, FigurePlan
from timeline.views.measure import fit
from timeline.views.reader import reader_html
from timeline.views.tables import (
    DOCUMENT_COLUMNS,
    DOCUMENT_EDITABLE,
    EVENT_COLUMNS,
    EVENT_EDITABLE,
    EventRows,
    apply_document_edits,
    apply_event_edits,
    document_rows,
    event_rows,
)

READER_HEIGHT = 520
PHONE_WIDTH = 360  # px of plot on a phone held upright
# px of plot the figure is laid out for until the browser has said how wide the page's
# column is: a 1280-1400 px window with the sidebar open and lane titles leaves about this
PLOT_WIDTH = 760
LANE_TITLES_PX = 180  # the lane titles' column (fitted to 170 px) beside the plot
FIGURE_MARGIN_PX = 26  # the figure's own margins and plotly's around the plot area
# The main column's width, sent by the browser as the component's state whenever it
# changes by 8 px or more (a scrollbar's few pixels do not rerun the app; rounding would
# cost a level at a window just wide enough for it): the labels that fit are chosen for
# it. Our own code; no user content reaches it.
_COLUMN_WIDTH_JS = """
export default function (component) {
  const { setStateValue } = component;
  const column = document.querySelector('[data-testid="stMainBlockContainer"]');
  if (!column) return;
  let last = null;
  const report = () => {
    const style = getComputedStyle(column);
    const width = Math.floor(column.clientWidth - parseFloat(style.paddingLeft)
      - parseFloat(style.paddingRight));
    if (width > 0 && (last === null || Math.abs(width - last) >= 8)) {
      last = width;
      setStateValue("width", width);
    }
  };
  const observer = new ResizeObserver(report);
  observer.observe(column);
  report();
  return () => observer.disconnect();
}
"""
_column_width = st.components.v2.component("timeline.column_width", js=_COLUMN_WIDTH_JS,
                                           isolate_styles=False)
_S = st.session_state  # what lives across reruns: the workspace and the selection


@st.cache_resource(show_spinner=False)
def _extractor() -> SharedPool:
    """Tagging in worker processes (started on first use, the cores at most, a second
    only for a long text's pieces): a stuck HeidelTime or TreeTagger ends at the time
    limit with E130 instead of hanging every session of this server."""
    return SharedPool(os.cpu_count() or 1)


@st.cache_resource(max_entries=1024, show_spinner="Finding time expressions …")
def _tagged(doc_id: str, title: str | None, text: str, source: str, dct: str | None,
            dct_origin: str, language: str | None, doc_type: str | None,
            default_language: str, default_type: str) -> Timeline:
    """One document's machine timeline, per text and settings. Shared, never changed:
    curation copies what it changes."""
    item = DocumentInput(id=doc_id, title=title, text=text, source=source, dct=dct,
                         dct_origin=dct_origin, language=language, doc_type=doc_type)
    return _extractor().run([item], Options(language=default_language, doc_type=default_type))


@st.cache_resource(max_entries=16, show_spinner=False)
def _plan(content: str, _timeline: Timeline) -> FigurePlan:
    """The figure's layout per drawn content (its hash): a rerun that changes nothing
    drawn, such as a selection, does not lay out a thousand events again."""
    return FigurePlan(_timeline, PLOT_WIDTH, chrome="en")


def _tag(item: DocumentInput) -> Timeline:
    return _tagged(item.id, item.title, item.text, item.source, item.dct, item.dct_origin,
                   item.language, item.doc_type, _S.get("default_language", AUTO),
                   _S.get("default_type", "news"))


def _workspace() -> Workspace:
    if "workspace" not in _S:
        _S.workspace = Workspace()
        _S.edits = 0  # bumped on every applied edit: the tables are drawn afresh
        _S.selected = None  # the key of the selected event
        _S.seed_docs = {}
        _S.upload_docs = {}
        _S.notices = []
        if DEFAULT_SEED in list_seeds():
            _S.seeds = [DEFAULT_SEED]
            _seeds_changed()
    return _S.workspace


def _edited() -> None:
    _S.edits += 1


# --- opening documents ---------------------------------------------------------------

def _seeds_changed() -> None:
    workspace: Workspace = _S.workspace
    wanted = set(_S.seeds)
    for name, doc_id in list(_S.seed_docs.items()):
        if name not in wanted:
            workspace.close(doc_id)
            del _S.seed_docs[name]
    for name in _S.seeds:
        if name not in _S.seed_docs:
            added = workspace.open([load_seed(name)])
            if added:
                _S.seed_docs[name] = added[0]


def _uploads_changed() -> None:
    workspace: Workspace = _S.workspace
    files = {f.file_id: f for f in _S.uploads or []}
    for file_id, doc_ids in list(_S.upload_docs.items()):
        if file_id not in files:
            for doc_id in doc_ids:
                workspace.close(doc_id)
            del _S.upload_docs[file_id]
    for file_id, upload in files.items():
        if file_id in _S.upload_docs:
            continue
        opened = read_upload(upload.name, upload.getvalue(), Opened())
        added = workspace.open(opened.documents)
        for saved in opened.timelines:
            added += workspace.open_timeline(saved)
        _S.upload_docs[file_id] = added


def _add_pasted() -> None:
    text, title = _S.get("pasted", ""), " ".join(_S.get("pasted_title", "").split())
    written: str | None = _S.get("pasted_dct", "").strip() or None
    try:
        parse_dct(written)
    except TimelineError as exc:  # the text is kept, undated: the table takes a date later
        _S.notices.append(reworded(exc, "dashboard"))
        written = None
    if not text.strip():
        _S.notices.append(message("E109", doc_id=title or "pasted text"))
        return
    title = title or headline(text) or " ".join(text.split()[:8])
    slug = re.sub(r"[^\w-]+", "-", title.casefold()).strip("-")[:40] or "pasted"
    _S.workspace.open([DocumentInput(id=slug, title=title, text=text, source="pasted text",
                                     dct=written, dct_origin="manual")])


def _open_panel() -> None:
    sidebar = st.sidebar
    sidebar.header("Documents")
    seeds = list_seeds()
    if seeds:
        sidebar.multiselect("Examples", seeds, key="seeds", on_change=_seeds_changed,
                            format_func=_seed_title)
    sidebar.file_uploader(
        "Upload texts, web pages, JSONL corpora or a saved timeline", type=list(SUFFIXES),
        accept_multiple_files=True, key="uploads", on_change=_uploads_changed,
        help="Text (.txt, .md, UTF-8), web pages (.html), corpora (.jsonl, one "
        '{"id", "text"} object per line, optionally "dct", "title", "language", "doc_type") '
        "and timelines saved from here or written by `timeline extract --json`/`--jsonl`, "
        "to go on curating them.")
    with sidebar.form("paste", clear_on_submit=True, border=True):
        st.text_input("Title", key="pasted_title", placeholder="optional")
        st.text_input("Written on", key="pasted_dct", placeholder="e.g. 29.04.2024; optional",
                      help="The date the text was written, as you write dates (29.04.2024, "
                      "29 April 2024, 2024-04-29). News counts \"on Monday\" or \"last "
                      "year\" from it; without it they stay unresolved.")
        st.text_area("Text", key="pasted", height=140,
                     placeholder="Paste a news article, a story, a report …")
        st.form_submit_button("Add text", on_click=_add_pasted)
    with sidebar.expander("For documents that do not say"):
        st.selectbox("Language", [AUTO, *LANGUAGES], key="default_language",
                     format_func=lambda c: "detect" if c == AUTO else f"{c} ({LANGUAGES[c]})")
        st.selectbox("Type", list(DOC_TYPES), key="default_type",
                     help="news: relative dates (\"on Monday\") count from the date it was "
                     "written; narrative: from the story's own dates. A chronicle (most "
                     "paragraphs begin with a date) is read as a narrative.")


@functools.cache
def _seed_title(name: str) -> str:
    """An example's title, read once: the list is drawn on every rerun."""
    item = load_seed(name)
    return item.title or name


# --- finding one's way ---------------------------------------------------------------------

def _filters(timeline: Timeline) -> Filter:
    sidebar = st.sidebar
    sidebar.header("Find events")
    start = end = None
    span = extent(timeline)
    if span is not None:
        low, high = span
        first, last = low.civil()[0], high.civil()[0]
        if 1 <= first and last <= 9999 and last - first <= 30:
            lo_day = date(*low.civil())
            hi_day = date(*high.plus(seconds=-1).civil())
            if lo_day < hi_day:
                chosen = sidebar.slider("When", lo_day, hi_day, (lo_day, hi_day),
                                        key=f"when_{lo_day}_{hi_day}", format="YYYY-MM-DD")
                if chosen != (lo_day, hi_day):
                    start = Instant.of(chosen[0].year, chosen[0].month, chosen[0].day)
                    end = Instant.of(chosen[1].year, chosen[1].month, chosen[1].day).plus(days=1)
        elif first < last:
            chosen = sidebar.slider("Years", first, last, (first, last), key=f"years_{first}_{last}",
                                    help="Astronomical years: 0 is 1 BC, -263 is 264 BC.")
            if chosen != (first, last):
                start, end = Instant.of(chosen[0]), Instant.of(chosen[1] + 1)
    titles = {d.id: d.title for d in timeline.documents}
    documents = sidebar.multiselect("Documents", list(titles), key="filter_docs",
                                    format_func=lambda d: titles.get(d, d),
                                    placeholder="all documents")
    people = sidebar.multiselect("Participants", participants_of(timeline), key="filter_people",
                                 placeholder="anyone")
    present = {k for e in timeline.events for k in kinds_of(e)}
    kinds = sidebar.multiselect("Kinds", [k for k in KINDS if k in present], key="filter_kinds",
                                placeholder="every kind",
                                help="day: a day or shorter; period: longer; open: before or "
                                "since a date; recurring: every Monday …; undated: no date "
                                "known (\"for three days\"), listed, not drawn; uncertain: "
                                "approximate or estimated; inferred: \"damals\", dated from "
                                "the text before; manual: added by you; edited: changed by "
                                "you; excluded: left out by you.")
    return Filter(start=start, end=end,
                  documents=frozenset(d for d in documents if d in titles) or None,
                  participants=frozenset(people) or None, kinds=frozenset(kinds) or None)


# --- selection ---------------------------------------------------------------------------

def _chart_selected() -> None:
    points = _S.chart.selection.points if _S.get("chart") else []
    for point in points:
        data = point.get("customdata")
        if isinstance(data, list) and data and str(data[-1]).isdigit():
            index = int(data[-1])
            if index < len(_S.chart_keys):
                _S.selected = _S.chart_keys[index]
                return


def _events_edited(editor: str) -> None:
    picked, problems = apply_event_edits(_S[editor], _S.event_rows, _S.curated, _S.workspace.curation,
                                         _S.get("reader_doc"))
    if picked is not None:
        _S.selected = picked
    _S.notices += problems
    _edited()


def _documents_edited(editor: str) -> None:
    rows, ids = _S.document_rows
    _S.notices += apply_document_edits(_S[editor], rows, ids, _S.workspace)
    _edited()


# --- the page ------------------------------------------------------------------------------

def _messages(timeline: Timeline) -> None:
    for notice in _S.notices:
        st.error(notice)
    _S.notices = []
    for error in timeline.errors:
        st.error(_dashboard_error(error))
    for document in timeline.documents:
        for warning in document.warnings:
            if warning.startswith("[W001]"):
                warning = message("W001", "dashboard", doc_id=document.title,
                                  doc_type=document.doc_type,
                                  examples=lexicon(document.language).relative_examples())
            st.warning(warning)


def _dashboard_error(error: DocumentError) -> str:
    if error.code in ("E111", "E112") and error.doc_id:
        return message(error.code, "dashboard", doc_id=error.doc_id)
    return error.message


def _documents_table(timeline: Timeline, workspace: Workspace) -> None:
    rows, ids = document_rows(timeline, workspace)
    _S.document_rows = (rows, ids)
    editor = f"documents_{_S.edits}"
    st.data_editor(
        pd.DataFrame(rows, columns=DOCUMENT_COLUMNS), key=editor, hide_index=True,
        num_rows="delete", width="stretch", on_change=_documents_edited, args=(editor,),
        disabled=[c for c in DOCUMENT_COLUMNS if c not in DOCUMENT_EDITABLE],
        column_config={
            "title": st.column_config.TextColumn("title", width="medium"),
            "title from": st.column_config.TextColumn("title from", width="small"),
            "language from": st.column_config.TextColumn("language from", width="small"),
            "type from": st.column_config.TextColumn("type from", width="small"),
            "language": st.column_config.SelectboxColumn(
                "language", options=[AUTO, *LANGUAGES], required=True,
                help="Change it to tag the document again in that language"),
            "type": st.column_config.SelectboxColumn(
                "type", options=list(DOC_TYPES), required=True,
                help="news: relative dates count from its date; narrative: from the story"),
            "date": st.column_config.TextColumn(
                "date", help="The date it was written, as you write dates (29.04.2024, "
                "29. April 2024); empty: none. Relative dates are counted from it."),
            "events": st.column_config.NumberColumn("events", width="small"),
            "status": st.column_config.TextColumn("status", width="medium"),
        })
    st.caption("Change a title, language, type or date to tag that document again; select "
               "rows and press the bin to close documents.")


def _plot_width(column: int | None, lanes: int, phone: bool) -> int:
    """The plot area's width in px: the column the browser measured, less the lane titles
    and margins; before it has, a phone's or a laptop's."""
    if column is None:
        return PHONE_WIDTH if phone else PLOT_WIDTH
    return max(PHONE_WIDTH // 2, column - FIGURE_MARGIN_PX - (LANE_TITLES_PX if lanes > 1 else 0))


def _figure(shown: Timeline, keys: dict[str, str], selected: str | None,
            column: int | None) -> None:
    visible = shown.shown()
    _S.chart_keys = [keys[e.id] for e in visible.events]
    if not visible.events:
        st.info("No event to draw: widen the filters, or include events again in the table.")
        return
    plan = _plan(hashlib.sha1(visible.model_dump_json().encode()).hexdigest(), visible)
    title = visible.documents[0].title if len(visible.documents) == 1 else None
    # until the browser has measured the column: a phone says "Mobi" in its user agent
    phone = "Mobi" in (st.context.headers.get("User-Agent") or "")
    width = _plot_width(column, len(visible.documents), phone)
    if title:
        title = fit(title, width, TITLE_SIZE)
    figure = plan.figure(title, plan.level_for_width(width), buttons=not phone)
    if selected in _S.chart_keys:
        plan.mark_selected(figure, _S.chart_keys.index(selected))
    # a phone has no room for plotly's buttons beside the title: they covered it
    st.plotly_chart(figure, width="stretch", key="chart", on_select=_chart_selected,
                    selection_mode="points",
                    config={**PLOTLY_CONFIG, "displayModeBar": not phone})
    if note := plan.focus_note():
        st.caption(f"{note[0]} The figure's zoom-out button, or the span in the sidebar, "
                   "shows the rest.")
    if plan.not_drawn:
        st.caption(f"{plan.not_drawn} recurring or undated event(s) are listed in the table "
                   "but not drawn.")


def _reader(timeline: Timeline, selected_event: Event | None) -> None:
    titles = {d.id: d.title for d in timeline.documents}
    if not titles:
        return
    if selected_event is not None and _S.get("reader_for") != selected_event.id:
        _S.reader_doc = selected_event.doc_id  # follow a new selection to its document
        _S.reader_for = selected_event.id
    if _S.get("reader_doc") not in titles:
        _S.reader_doc = next(iter(titles))
    doc_id = st.selectbox("Text of", list(titles), key="reader_doc",
                          format_func=lambda d: titles[d], label_visibility="collapsed")
    document = next(d for d in timeline.documents if d.id == doc_id)
    events = [e for e in timeline.events if e.doc_id == doc_id]
    chosen = selected_event.id if selected_event and selected_event.doc_id == doc_id else None
    # a short text gets a short box; ~60 characters a line, 26 px each, plus the bar
    height = max(220, min(READER_HEIGHT, 110 + 26 * (len(document.text) // 60 +
                                                     document.text.count("\n") + 1)))
    # our own page: every piece of the user's text in it is escaped (views.reader)
    st.iframe(reader_html(document, events, chosen, height), height=height)


def _event_panel(timeline: Timeline, keys: dict[str, str], event: Event | None) -> None:
    titles = {keys[e.id]: f"{w.text} · {e.title}" for e, w in
              zip(timeline.events, describe_events(timeline), strict=True)}
    if _S.get("panel_pick") != _S.selected:
        _S.panel_pick = _S.selected  # a selection made in the figure or the table
    st.selectbox("Event", [keys[e.id] for e in sorted(timeline.events, key=time_order)],
                 key="panel_pick", index=None, format_func=lambda k: titles.get(k, k),
                 on_change=_picked, placeholder="Choose an event, or click one in the figure",
                 label_visibility="collapsed")
    if event is None:
        return
    # the event as the table shows it: the panel is that row, edited the same way
    single = event_rows(timeline.model_copy(update={"events": [event]}),
                        _S.workspace.curation, None)
    row, key = single.rows[0], single.keys[0]
    # row column -> widget key, fresh for each event and each edit
    ids = {column: f"panel_{name}_{key}_{_S.edits}" for column, name in (
        ("event", "title"), ("when", "when"), ("until", "until"),
        ("participants", "people"), ("include", "include"))}
    with st.form(f"event_{key}_{_S.edits}", border=True):
        st.text_input("Title", value=row["event"], key=ids["event"])
        left, right = st.columns(2)
        left.text_input("When", value=row["when"], key=ids["when"],
                        help="As you write dates: 24.02.2022, Februar 2022, 2008, 264 v. Chr.")
        right.text_input("Until", value=row["until"], key=ids["until"],
                         help="The last day, if it lasted; empty: as the date says")
        st.text_input("Participants", value=row["participants"], key=ids["participants"],
                      help="Names, separated by commas")
        st.checkbox("Include in the timeline and its exports", value=row["include"],
                    key=ids["include"])
        st.form_submit_button("Save", on_click=_save_panel, args=(ids, single))
    made_by = "added by you" if event.source == "manual" else "found in the text"
    changed = f"; you changed: {', '.join(event.edited)}" if event.edited else ""
    st.caption(f"{made_by}{changed} · {len(event.mentions) or 1} mention(s)")
    others = [e for e in timeline.events if e.id != event.id]
    left, right = st.columns([3, 1])
    other = left.selectbox("Merge with", [e.id for e in others], index=None, key="merge_with",
                           placeholder="the same event told elsewhere …",
                           format_func=lambda i: next(e.title for e in others if e.id == i))
    right.button("Merge", key="merge", disabled=other is None, on_click=_merge,
                 args=(key, other))
    st.button("Delete this event", key="delete", on_click=_delete, args=(key,))


def _picked() -> None:
    _S.selected = _S.panel_pick


def _save_panel(ids: dict[str, str], single: EventRows) -> None:
    """The panel's fields as an edit of the event's table row."""
    curation = _S.workspace.curation
    typed = {column: _S[widget] for column, widget in ids.items()}
    apply_event_edits({"edited_rows": {0: typed}}, single, _S.curated, curation, None)
    key = single.keys[0]
    for column in ("title", "date", "end"):
        if (key, column) in curation.problems:
            _S.notices.append(curation.problems[(key, column)])
    _edited()


def _merge(key: str, other_id: str | None) -> None:
    if other_id is None:
        return
    try:
        _S.workspace.curation.merge(_S.curated, key, keys_of(_S.curated)[other_id])
    except TimelineError as exc:
        _S.notices.append(reworded(exc, "dashboard"))
    _edited()


def _delete(key: str) -> None:
    _S.workspace.curation.delete(key)
    if _S.selected == key:
        _S.selected = None
    _edited()


def _events_table(shown: Timeline, selected: str | None, total: int) -> None:
    rows = event_rows(shown, _S.workspace.curation, selected)
    _S.event_rows = rows
    st.subheader(f"Events ({len(rows.rows)} of {total})" if len(rows.rows) != total
                 else f"Events ({total})")
    editor = f"events_{_S.edits}"
    st.data_editor(
        pd.DataFrame(rows.rows, columns=EVENT_COLUMNS), key=editor, hide_index=True,
        num_rows="dynamic", width="stretch", on_change=_events_edited, args=(editor,),
        height=min(38 + 35 * (len(rows.rows) + 1), 560),
        disabled=[c for c in EVENT_COLUMNS if c not in EVENT_EDITABLE],
        column_config={
            "show": st.column_config.CheckboxColumn("show", width="small",
                                                    help="Show its sentence in the text"),
            "include": st.column_config.CheckboxColumn(
                "include", width="small", help="Untick to leave it out of the figure and "
                "the exports"),
            "when": st.column_config.TextColumn(
                "when", help="Type a date as you write it: 24.02.2022, Februar 2022, 2008"),
            "until": st.column_config.TextColumn("until", width="small",
                                                 help="The last day, if it lasted"),
            "event": st.column_config.TextColumn("event", width="large"),
            "participants": st.column_config.TextColumn("participants", width="medium"),
            "problem": st.column_config.TextColumn("problem", width="small"),
        })
    st.caption("In time order. Edit a cell to correct it, untick \"include\" to leave an event "
               "out, add a row (date and title) for an event of your own in the document "
               "shown above, select rows and press the bin to delete.")


def _add_form(timeline: Timeline) -> None:
    titles = {d.id: d.title for d in timeline.documents}
    with st.expander("Add an event"), st.form("add_event", clear_on_submit=True):
        doc_id = st.selectbox("Document", list(titles), key="add_doc",
                              format_func=lambda d: titles[d])
        left, right = st.columns([1, 2])
        left.text_input("When", key="add_when", placeholder="e.g. 24. Februar 2022")
        right.text_input("What happened", key="add_title")
        document = next((d for d in timeline.documents if d.id == doc_id), None)
        sentences = [None, *range(len(document.sentences))] if document else [None]
        st.selectbox("Told in the sentence", sentences, key="add_sentence",
                     format_func=lambda i: "none" if i is None or document is None else
                     _snippet(document.text[document.sentences[i].start:
                                            document.sentences[i].end]))
        st.form_submit_button("Add", on_click=_add_event)


def _snippet(text: str) -> str:
    words = " ".join(text.split())
    return words if len(words) <= 90 else words[:89] + "…"


def _add_event() -> None:
    try:
        key = _S.workspace.curation.add(_S.curated, _S.add_doc, _S.add_when, _S.add_title,
                                        _S.add_sentence)
    except TimelineError as exc:
        _S.notices.append(reworded(exc, "dashboard"))
        return
    _S.selected = key
    _edited()


def _downloads(timeline: Timeline) -> None:
    title = timeline.documents[0].title if len(timeline.documents) == 1 else \
        f"Timeline of {len(timeline.documents)} documents"
    stem = timeline.documents[0].id if len(timeline.documents) == 1 else \
        f"{len(timeline.documents)}-documents"
    st.caption("Download everything you kept (filters only change what is shown here; the "
               "timeline JSON also keeps what you left out, to take it back later)")
    columns = st.columns(len(FORMATS) + 1)
    for column, fmt in zip(columns, [*FORMATS, TIMEML], strict=True):
        # rendered when clicked: the images need a browser run of a few seconds
        column.download_button(fmt.label, partial(fmt.render, timeline, title),
                               file_name=download_name(stem, fmt, timeline), mime=fmt.mime,
                               key=f"download_{fmt.option}")


def main() -> None:
    st.set_page_config(page_title="Timeline", page_icon="🗓️", layout="wide")
    workspace = _workspace()
    _open_panel()
    st.title("Timeline")
    st.caption("Time expressions found and dated by HeidelTime, turned into events you can "
               "check against the text, correct and export.")
    bar = st.empty()

    def progress(count: int, total: int, name: str) -> None:
        if total > 1:
            bar.progress(count / total, text=f"Finding time expressions: {count} of {total} · "
                         f"{name}")

    curated = workspace.timeline(_tag, progress)
    bar.empty()
    _S.curated = curated
    _messages(curated)
    if not workspace.documents:
        st.info("Open a document: choose an example, upload files, or paste a text in the "
                "sidebar.")
        return
    with st.expander(f"Documents ({len(workspace.documents)})",
                     expanded=len(workspace.documents) > 1):
        _documents_table(curated, workspace)
    shown = _filters(curated).apply(curated)
    keys = keys_of(curated)
    selected_event = next((e for e in curated.events if keys[e.id] == _S.selected), None)
    with st.sidebar:  # an empty element: at the sidebar's end its gap shows nowhere
        column = _column_width(key="column_width", on_width_change=lambda: None)
    _figure(shown, keys, _S.selected if selected_event else None, column.width)
    text_column, panel_column = st.columns([3, 2], gap="large")
    with text_column:
        st.subheader("Text")
        _reader(curated, selected_event)
    with panel_column:
        st.subheader("Selected event")
        _event_panel(curated, keys, selected_event)
    _events_table(shown, _S.selected, len(curated.events))
    _add_form(curated)
    _downloads(curated)


if __name__ == "__main__":
    main()
