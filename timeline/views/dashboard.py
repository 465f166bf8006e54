"""The Streamlit dashboard: widgets wired to package functions, nothing more.

Run with ``timeline app`` or ``streamlit run app.py``. The tagger (and so the
JVM and TreeTagger) is created once per server process and shared by every
session; results are cached per input.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial

import streamlit as st

from timeline.time.dct import parse_dct
from timeline.errors import TimelineError
from timeline.exports.formats import FORMATS, TIMEML, download_name
from timeline.io.inputs import DocumentInput, html_document
from timeline.tagging.languages import AUTO, DOC_TYPES, LANGUAGES
from timeline.model import Timeline
from timeline.pipeline import Extractor, Options
from timeline.time.wording import describe_events
from timeline.views.figure import build_figure
from timeline.io.seeds import DEFAULT_SEED, list_seeds, load_seed
from timeline.events.titles import shorten

SEED, PASTE, UPLOAD = "Example article", "Paste text", "Upload a file"


@st.cache_resource(show_spinner="Starting HeidelTime …")
def _extractor() -> Extractor:
    return Extractor()


@st.cache_data(show_spinner="Finding time expressions …", max_entries=64)
def _timeline_json(doc_id: str, title: str, text: str, language: str, doc_type: str,
                   dct: str | None, dct_origin: str) -> str:
    item = DocumentInput(id=doc_id, title=title, text=text, source="dashboard", dct=dct,
                         dct_origin=dct_origin)
    timeline = _extractor().run([item], Options(language=language, doc_type=doc_type))
    return timeline.to_json()


def _uploaded(upload) -> DocumentInput | None:  # type: ignore[no-untyped-def]
    stem = upload.name.rsplit(".", 1)[0]
    try:
        if upload.name.lower().endswith((".html", ".htm")):
            return html_document(upload.getvalue(), stem, upload.name)
        text = upload.getvalue().decode("utf-8-sig")
    except UnicodeDecodeError:
        st.error(str(TimelineError("E113", doc_id=upload.name)))
        return None
    except TimelineError as exc:
        st.error(str(exc))
        return None
    return DocumentInput(id=stem, title=stem, text=text, source=upload.name)


def _dct_field(item: DocumentInput | None, source: str) -> DocumentInput | None:
    """A free-text date field, prefilled with the document's own date.

    Any common form is read (29.04.2024, 29. April 2024, April 29, 2024, ...);
    empty means the document has no date. Kept as the document's own date (so
    its origin, e.g. a page's metadata, is reported) unless the user changes it.
    """
    own = parse_dct(item.dct).isoformat() if item is not None and item.dct else ""
    text = st.sidebar.text_input(
        "Document date (DCT)", value=own, key=f"dct_{source}_{item.id if item else ''}",
        placeholder="e.g. 29.04.2024 – empty if unknown",
        help="The date the text was written; relative expressions (\"am Montag\") are "
        "resolved against it.")
    if item is None:
        return None
    if not text.strip():
        return replace(item, dct=None)
    try:
        chosen = parse_dct(text)
    except TimelineError as exc:
        st.sidebar.error(str(exc))
        return replace(item, dct=None)
    if chosen is not None and chosen.isoformat() == own:
        return item
    return replace(item, dct=text, dct_origin="option")


def _document_input() -> DocumentInput | None:
    """The text the user chose, with the date that goes with it."""
    seeds = list_seeds()
    sources = ([SEED] if seeds else []) + [PASTE, UPLOAD]
    source = st.sidebar.radio("Document", sources, key="source")
    item: DocumentInput | None = None
    if source == SEED:
        name = st.sidebar.selectbox("Example", seeds, key="seed",
                                    index=seeds.index(DEFAULT_SEED) if DEFAULT_SEED in seeds else 0)
        item = load_seed(name)
        st.sidebar.caption(item.title or item.id)
    elif source == PASTE:
        text = st.sidebar.text_area("Text", height=240, key="pasted",
                                    placeholder="Paste a news article, a story, a report …")
        if text.strip():
            item = DocumentInput(id="pasted-text", title="Pasted text", text=text,
                                 source="dashboard")
    else:
        upload = st.sidebar.file_uploader("Text (.txt, UTF-8) or web page (.html)",
                                          type=["txt", "html", "htm"], key="upload")
        if upload is not None:
            item = _uploaded(upload)
    return _dct_field(item, source)


def _events_table(timeline: Timeline) -> list[dict[str, object]]:
    """One row per event, in time order, dates as people write them."""
    timexes = timeline.timex_index()
    rows = []
    for event, when in sorted(zip(timeline.events, describe_events(timeline)),
                              key=lambda pair: pair[0].start or pair[0].end or "~"):
        timex = timexes[(event.doc_id, event.timex_id)]
        notes = [label for flag, label in ((event.recurring, "recurring"),
                                           (event.inferred, "inferred"),
                                           (event.uncertain, "uncertain"),
                                           (len(event.mentions) > 1,
                                            f"{len(event.mentions)} mentions")) if flag]
        rows.append({
            "when": when.full(),
            "event": event.title,
            "expression": timex.text,
            "trigger": event.trigger.text if event.trigger else "",
            "participants": ", ".join(f"{p.text} ({p.kind})" for p in event.participants),
            "notes": ", ".join(notes),
        })
    return rows


def main() -> None:
    st.set_page_config(page_title="Timeline", page_icon="🗓️", layout="wide")
    st.title("Timeline")
    st.caption("Time expressions found and dated by HeidelTime, turned into events.")

    item = _document_input()
    language = st.sidebar.selectbox(
        "Language", [AUTO, *LANGUAGES], key="language",
        format_func=lambda code: "detect" if code == AUTO else f"{code} ({LANGUAGES[code]})",
    )
    doc_type = st.sidebar.selectbox("Document type", list(DOC_TYPES), key="doc_type")
    if item is None:
        st.info("Choose an example, paste a text or upload a .txt or .html file to see its "
                "timeline.")
        return

    try:
        timeline = Timeline.from_json(
            _timeline_json(item.id, item.title or item.id, item.text, language, doc_type,
                           item.dct, item.dct_origin)
        )
    except TimelineError as exc:
        st.error(str(exc))
        return
    for error in timeline.errors:
        st.error(error.message)
    for document in timeline.documents:
        for warning in document.warnings:
            st.warning(warning)
        if document.dct:
            st.caption(f"Document date used: {document.dct} (from {document.dct_source}) · "
                       f"language: {document.language} · type: {document.doc_type}")
    if not timeline.documents:
        return

    title = timeline.documents[0].title
    figure = build_figure(timeline, title=shorten(title, 100))
    st.plotly_chart(figure, width="stretch", key="timeline_chart")

    st.subheader(f"Events ({len(timeline.events)})")
    st.dataframe(_events_table(timeline), width="stretch", hide_index=True)

    st.caption("Download")
    columns = st.columns(len(FORMATS) + 1)
    for column, fmt in zip(columns, [*FORMATS, TIMEML]):
        # rendered when clicked: the images need a browser run of a few seconds
        column.download_button(fmt.label, partial(fmt.render, timeline, title),
                               file_name=download_name(item.id, fmt, timeline), mime=fmt.mime,
                               key=f"download_{fmt.option}")


if __name__ == "__main__":
    main()
