"""Shared fixtures: the real HeidelTime, started once for the whole test run."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from timeline.io.inputs import DocumentInput, read_text_file
from timeline.model import Timeline
from timeline.pipeline import Extractor, Options

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "stoltenberg-kiew.txt"
SEED_DCT = date(2024, 4, 29)


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def seed_input() -> DocumentInput:
    return read_text_file(SEED)


@pytest.fixture(scope="session")
def seed_timeline(extractor: Extractor) -> Timeline:
    item = read_text_file(SEED)
    # the option, not the sidecar, must decide here: drop the metadata date
    item = DocumentInput(id=item.id, title=item.title, text=item.text, source=item.source)
    return extractor.run([item], Options(language="de", doc_type="news", dct=SEED_DCT))


@pytest.fixture(scope="session")
def chromium_path() -> str:
    path = shutil.which("chromium") or "/usr/bin/chromium"
    if not Path(path).exists():
        pytest.fail("Debian's chromium is not installed: run the README's test command")
    return path


WIKIWARS = ROOT / "tests" / "data" / "wikiwarsde-dev"


@pytest.fixture(scope="session")
def wikiwars_timeline(extractor: Extractor) -> Timeline:
    """The 11 WikiWarsDE dev texts as one narrative corpus (about 1,000 events, BC and AD)."""
    from timeline.io.annotated import read_timex2

    items = []
    for path in sorted(WIKIWARS.glob("*.key.xml")):
        gold = read_timex2(path)
        items.append(DocumentInput(id=gold.id, title=gold.id, text=gold.text, source=str(path),
                                   dct=gold.dct.isoformat() if gold.dct else None))
    return extractor.run(items, Options(language="de", doc_type="narrative"))
