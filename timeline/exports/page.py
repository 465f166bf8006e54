"""The self-contained HTML page: the figure, and below it every event to read.

One file, offline: plotly.js, our stylesheet and our one script are inside it,
so it can be mailed or archived. The events are listed by document and in time
order, each with its date as people write it, its title, who took part and the
sentence it comes from with the expression and trigger marked; clicking an
event in the figure scrolls to it, and each entry leads back to the figure.
Jinja2 escapes every piece of user text once; the only unescaped inserts are our
own files, plotly's output (whose JSON escapes ``<``) and our JSON data block.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

import plotly.io as pio
from markupsafe import Markup

from timeline import __version__
from timeline.model import Document, Event, Participant, Timeline, time_order
from timeline.time.wording import Words, describe_value, words
from timeline.views.figure import PLOTLY_CONFIG, FigurePlan
from timeline.views.jinja import Templates
from timeline.views.text import Piece, event_sentence

_templates = Templates("timeline.exports")


@dataclass(frozen=True)
class _Entry:
    index: int
    when: str
    title: str
    participants: list[dict[str, str]]
    pieces: list[Piece]
    on_axis: bool



def _json_block(data: Any) -> Markup:
    """JSON that cannot end its <script> element: every ``<``, ``>``, ``&`` escaped."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))


def _participants(people: list[Participant], said: Words) -> list[dict[str, str]]:
    return [{"text": p.text, "kind": p.kind, "kind_name": said.phrase("page", "kinds", p.kind)}
            for p in people]


def _documents(timeline: Timeline, plan: FigurePlan, said: Words) -> list[dict[str, Any]]:
    drawn = {d.index: d for d in plan.drawn}
    lanes = {document.id: lane for lane, document in enumerate(plan.documents)}
    out = []
    for document in timeline.documents:
        numbered = sorted(((i, e) for i, e in enumerate(timeline.events)
                           if e.doc_id == document.id), key=lambda pair: time_order(pair[1]))
        entries = [_entry(document, index, event, plan, index in drawn, said)
                   for index, event in numbered]
        lane = lanes.get(document.id)
        out.append({"title": document.title, "meta": _meta(document, said),
                    "colour": plan.colour(lane) if lane is not None else "#999",
                    "events": entries})
    return out


def _entry(document: Document, index: int, event: Event, plan: FigurePlan,
           on_axis: bool, said: Words) -> _Entry:
    return _Entry(index=index, when=plan.when(index).full(), title=event.title,
                  participants=_participants(event.participants, said),
                  pieces=event_sentence(document, event), on_axis=on_axis)


def _meta(document: Document, said: Words) -> str:
    """Language, type and the document date in words, with where the date came from."""
    if document.dct:
        dated = describe_value("DATE", document.dct, None, said.language).text
        sources = said.phrases["page"]["sources"]
        date = said.phrase("page", "dated", date=dated,
                           source=sources.get(document.dct_source or "", sources["input"]))
    else:
        date = said.phrase("page", "undated")
    language = said.locale.languages.get(document.language, document.language)
    return f"{language} · {said.phrase('page', 'doc_types', document.doc_type)} · {date}"


def html_page(timeline: Timeline, title: str, plan: FigurePlan | None = None) -> str:
    """One offline HTML document: the figure with its zoom levels, and the event list."""
    plan = plan or FigurePlan(timeline)
    figure = plan.figure(level=plan.level_for_width(plan.width))
    figure.update_layout(height=figure.layout.height, autosize=True)
    body = pio.to_html(figure, include_plotlyjs=True, full_html=False,
                       div_id="timeline-figure", default_width="100%",
                       config={**PLOTLY_CONFIG, "responsive": True},
                       post_script="timelineStart(document.getElementById('{plot_id}'));")
    said = words(plan.chrome)
    on_axis, events = len(plan.drawn), len(timeline.events)
    summary = ", ".join([said.count("documents", len(timeline.documents)),
                         said.count("events", events),
                         said.phrase("page", "on_axis", n=said.number(on_axis))])
    if events > on_axis:
        summary += "; " + said.phrase("page", "below_only", n=said.number(events - on_axis))
    page = said.phrases["page"]
    return _templates.render(
        "page.html.j2", title=title, summary=summary + ".", version=__version__,
        several=len(plan.documents) > 1, lang=plan.chrome, words=page, focus=plan.focus_note(),
        footer=said.phrase("page", "footer", version=__version__),
        css=_templates.asset("page.css"), script=_templates.asset("page.js"),
        data=_json_block(plan.levels_payload()),
        figure=Markup(body), documents=_documents(timeline, plan, said))
