"""Long texts in pieces: seams, context, and the same result as the whole text."""

from __future__ import annotations

from datetime import date
from itertools import pairwise
from pathlib import Path

import pytest

from timeline.io.annotated import read_timex2
from timeline.io.inputs import DocumentInput
from timeline.model import Timeline
from timeline.pieces import split
from timeline.pipeline import Extractor, Options

CORPUS = Path(__file__).parent / "data" / "wikiwarsde-dev"
PARAGRAPHS = "\n\n".join(f"Absatz {n}: Im Jahr {1900 + n} geschah etwas. " * 20
                         for n in range(40))


def test_pieces_cover_the_text_once_and_cut_at_paragraphs() -> None:
    pieces = split(PARAGRAPHS, size=5_000, context=500)
    assert len(pieces) > 5
    assert pieces[0].own_start == 0 and pieces[-1].own_end == len(PARAGRAPHS)
    for before, after in pairwise(pieces):
        assert before.own_end == after.own_start
        assert PARAGRAPHS[:after.own_start].endswith("\n\n")
        assert after.own_end - after.own_start <= 5_000


def test_a_piece_maps_its_own_text_back_exactly() -> None:
    for piece in split(PARAGRAPHS, size=5_000, context=500):
        text = piece.text(PARAGRAPHS)
        shift = piece.shift
        own = text[piece.own_start - shift:piece.own_end - shift]
        assert own == PARAGRAPHS[piece.own_start:piece.own_end]
        assert all(PARAGRAPHS[piece.to_whole(i)] == text[i] for i in range(0, len(text), 97)
                   if not text[i].isspace())


def test_a_piece_carries_the_sentences_of_the_years_before_and_after_it() -> None:
    text = "Der Krieg begann 1861 in Virginia. " + "Kein Jahr hier. " * 400 + \
        "Im Oktober schlug man eine Schlacht. " * 100 + "Erst 1862 kam der Frieden."
    pieces = split(text, size=3_000, context=300)
    middle = pieces[len(pieces) // 2]
    assert "1861" in middle.text(text) and "1862" in middle.text(text)
    assert "Der Krieg begann 1861 in Virginia." in middle.text(text)


def test_a_text_without_spaces_is_still_cut() -> None:
    pieces = split("x" * 25_000, size=10_000, context=100)
    assert [p.own_end for p in pieces] == [10_000, 20_000, 25_000]


@pytest.mark.parametrize("doc_type", ["news", "narrative"])
def test_a_document_in_pieces_gives_what_the_whole_gives(extractor: Extractor,
                                                          doc_type: str) -> None:
    """The Greco-Persian wars (BC years, bare dates, "damals") cut into seven pieces."""
    path = CORPUS / "09_GrecoPersian.key.xml"
    item = DocumentInput(id=path.name, text=read_timex2(path).text, source=path.name)
    options = Options(language="de", doc_type=doc_type,
                      dct=date(2020, 1, 1) if doc_type == "news" else None)
    whole = extractor.run([item], options)
    pieces = Extractor(piece_chars=4_000).run([item], options)
    assert len(split(item.text, 4_000)) >= 6
    assert [(t.start, t.end, t.value) for t in pieces.documents[0].timexes] == \
        [(t.start, t.end, t.value) for t in whole.documents[0].timexes]
    assert pieces.documents[0].sentences == whole.documents[0].sentences
    assert [(e.start, e.title, e.participants) for e in pieces.events] == \
        [(e.start, e.title, e.participants) for e in whole.events]
    assert Timeline.from_json(pieces.to_json()) == pieces


def test_a_genitive_names_its_name_told_in_another_piece(extractor: Extractor) -> None:
    # "Stoltenbergs" names Stoltenberg, named so only in the first piece: the second
    # piece's event had kept "Stoltenbergs" as a participant of its own
    filler = "Die Lage blieb lange unverändert und niemand sprach darüber. " * 120
    text = (f"Generalsekretär Jens Stoltenberg sprach in Brüssel.\n\n{filler}"
            "\n\nStoltenbergs Besuch in Kiew am 3. Mai 2021 kam überraschend.\n")
    item = DocumentInput(id="g", text=text, source="g")
    options = Options(language="de", dct=date(2021, 5, 4))
    whole = extractor.run([item], options)
    pieces = Extractor(piece_chars=4_000).run([item], options)
    assert all(piece.stretches[0][0] > 0 for piece in split(text, 4_000)[-1:])
    told = [[(p.text, p.kind, text[p.start:p.end]) for p in e.participants]
            for e in pieces.events]
    assert told == [[(p.text, p.kind, text[p.start:p.end]) for p in e.participants]
                    for e in whole.events]
    assert told == [[("Stoltenberg", "PER", "Stoltenberg"), ("Kiew", "LOC", "Kiew")]]
