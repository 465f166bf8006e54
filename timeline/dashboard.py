"""The Streamlit dashboard: widgets wired to package functions, nothing more.

Run with ``timeline app`` or ``streamlit run app.py``. The tagger (and so the
JVM and TreeTagger) is created once per server process and shared by every
session; results are cached per input.
"""

from __future__ import annotations

from datetime import date

import streamlit as st

from timeline.dct import parse_dct
from timeline.errors import TimelineError
from timeline.events import shorten
from timeline.export import html_page
from timeline.inputs import DocumentInput
from timeline.languages import AUTO, DOC_TYPES, LANGUAGES
from timeline.model import Timeline
from timeline.pipeline import Extractor, Options
from timeline.plot import build_figure
from timeline.seeds import DEFAULT_SEED, list_seeds, load_seed

SEED, PASTE, UPLOAD = "Example article", "Paste text", "Upload .txt"


@st.cache_resource(show_spinner="Starting HeidelTime …")
def _extractor() -> Extractor:
    return Extractor()


@st.cache_data(show_spinner="Finding time expressions …", max_entries=64)
def _timeline_json(doc_id: str, title: str, text: str, language: str, doc_type: str,
                   dct: date | None) -> str:
    item = DocumentInput(id=doc_id, title=title, text=text, source="dashboard")
    timeline = _extractor().run([item], Options(language=language, doc_type=doc_type, dct=dct))
    return timeline.to_json()


def _document_input() -> tuple[DocumentInput | None, date | None]:
    """The text the user chose and the date that goes with it."""
    seeds = list_seeds()
    sources = ([SEED] if seeds else []) + [PASTE, UPLOAD]
    source = st.sidebar.radio("Document", sources, key="source")
    default_dct: date | None = None
    item: DocumentInput | None = None
    if source == SEED:
        name = st.sidebar.selectbox("Example", seeds, key="seed",
                                    index=seeds.index(DEFAULT_SEED) if DEFAULT_SEED in seeds else 0)
        item = load_seed(name)
        default_dct = parse_dct(item.dct)
        st.sidebar.caption(item.title or item.id)
    elif source == PASTE:
        text = st.sidebar.text_area("Text", height=240, key="pasted",
                                    placeholder="Paste a news article, a story, a report …")
        if text.strip():
            item = DocumentInput(id="pasted-text", title="Pasted text", text=text,
                                 source="dashboard")
    else:
        upload = st.sidebar.file_uploader("Text file (UTF-8)", type=["txt"], key="upload")
        if upload is not None:
            try:
                text = upload.getvalue().decode("utf-8-sig")
            except UnicodeDecodeError:
                st.error(str(TimelineError("E113", doc_id=upload.name)))
                return None, None
            stem = upload.name.rsplit(".", 1)[0]
            item = DocumentInput(id=stem, title=stem, text=text, source=upload.name)
    has_date = st.sidebar.checkbox("The document has a date", value=default_dct is not None,
                                   key=f"has_dct_{source}")
    dct = None
    if has_date:
        dct = st.sidebar.date_input("Document date (DCT)", value=default_dct or date.today(),
                                    min_value=date(1, 1, 1), max_value=date(9999, 12, 31),
                                    format="YYYY-MM-DD", key=f"dct_{source}")
    return item, dct


def _events_table(timeline: Timeline) -> list[dict[str, object]]:
    timexes = timeline.timex_index()
    rows = []
    for event in timeline.events:
        timex = timexes[(event.doc_id, event.timex_id)]
        rows.append({
            "when": timex.value,
            "from": event.start,
            "until": event.end,
            "expression": timex.text,
            "event": event.title,
            "participants": ", ".join(p.text for p in event.participants),
        })
    return rows


def main() -> None:
    st.set_page_config(page_title="Timeline", page_icon="🗓️", layout="wide")
    st.title("Timeline")
    st.caption("Time expressions found and dated by HeidelTime, turned into events.")

    item, dct = _document_input()
    language = st.sidebar.selectbox(
        "Language", [AUTO, *LANGUAGES], key="language",
        format_func=lambda code: "detect" if code == AUTO else f"{code} ({LANGUAGES[code]})",
    )
    doc_type = st.sidebar.selectbox("Document type", list(DOC_TYPES), key="doc_type")
    if item is None:
        st.info("Choose an example, paste a text or upload a .txt file to see its timeline.")
        return

    try:
        timeline = Timeline.from_json(
            _timeline_json(item.id, item.title or item.id, item.text, language, doc_type, dct)
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

    left, right = st.columns(2)
    left.download_button("Download timeline JSON", timeline.to_json(),
                         file_name=f"{item.id}.timeline.json", mime="application/json")
    right.download_button("Download HTML", html_page(timeline, figure, title),
                          file_name=f"{item.id}.timeline.html", mime="text/html")


if __name__ == "__main__":
    main()
