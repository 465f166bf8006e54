"""Our TreeTagger driver: tags and lemmas per token, and recovery from a dead process."""

from __future__ import annotations

import os
import signal
import time
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
    with pytest.raises(TimelineError, match="E129"):
        tagger.tag(["Haus", "."], "de")
    assert [t.lemma for t in tagger.tag(["Häuser", "."], "de")] == ["Haus", "."]


def test_a_stopped_process_times_out_and_is_replaced() -> None:
    """SIGSTOP: the process lives but never answers; no call may wait for ever."""
    tagger = TreeTagger(Installation.find().treetagger_home, timeout=2)
    try:
        tagger.tag(["Haus", "."], "de")
        stopped = tagger._processes["de"].pid
        os.kill(stopped, signal.SIGSTOP)  # a real fault, as a debugger or the OOM killer leaves it
        started = time.monotonic()
        with pytest.raises(TimelineError, match="E128"):
            tagger.tag(["Haus", "."], "de")
        assert time.monotonic() - started < 10
        assert [t.lemma for t in tagger.tag(["Häuser", "."], "de")] == ["Haus", "."]
        assert tagger._processes["de"].pid != stopped
        with pytest.raises(ProcessLookupError):
            os.kill(stopped, 0)  # the stopped one was killed and reaped, not left behind
    finally:
        tagger.close()


def test_further_lemmas_are_kept(tagger: TreeTagger) -> None:
    """ "ziehen" is "zeihen|ziehen" to TreeTagger: the first is the lemma, the rest kept."""
    tag = tagger.tag(["Wolken", "ziehen", "auf", "."], "de")[1]
    assert (tag.lemma, tag.others) == ("zeihen", ("ziehen",))
