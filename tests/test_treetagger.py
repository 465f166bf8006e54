"""Our TreeTagger driver: tags and lemmas per token, and recovery from a dead process."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from timeline.errors import TimelineError
from timeline.tagging.install import Installation
from timeline.tagging.treetagger import TreeTagger


@pytest.fixture()
def tagger() -> Iterator[TreeTagger]:
    found = TreeTagger(Installation.find().treetagger_home)
    yield found
    found.close()


def test_tags_and_lemmas_one_per_token(tagger: TreeTagger) -> None:
    tags = tagger.tag(["Am", "3.", "Oktober", "1990", "kam", "<b>", "."], "de")
    assert [t.pos for t in tags][:5] == ["APPRART", "ADJA", "NN", "CARD", "VVFIN"]
    assert tags[4].lemma == "kommen" and tags[3].lemma == "1990"  # @card@ -> the word
    assert tags[5].lemma == "<b>"  # not taken for markup, not lost


def test_a_killed_process_fails_one_call_and_is_restarted(tagger: TreeTagger) -> None:
    tagger.tag(["Haus", "."], "de")
    tagger._processes["de"]._popen.kill()  # a real fault: the process dies
    tagger._processes["de"]._popen.wait()
    with pytest.raises(TimelineError, match="E004"):
        tagger.tag(["Haus", "."], "de")
    assert [t.lemma for t in tagger.tag(["Häuser", "."], "de")] == ["Haus", "."]
