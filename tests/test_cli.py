"""The command line, run as users run it: a subprocess, real HeidelTime."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED

TIMEOUT = 300


def timeline(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline.cli", *args], cwd=cwd,
                          capture_output=True, text=True, timeout=TIMEOUT)


@pytest.fixture(scope="module")
def seed_run(tmp_path_factory: pytest.TempPathFactory) -> tuple[subprocess.CompletedProcess[str], Path]:
    out = tmp_path_factory.mktemp("cli") / "seed.html"
    return timeline("extract", str(SEED), "--dct", "2024-04-29", "--lang", "de", "--json", "-",
                    "--html", str(out)), out


def test_acceptance_command(seed_run) -> None:  # type: ignore[no-untyped-def]
    result, _ = seed_run
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stdout)
    document = data["documents"][0]
    values = {t["value"]: t for t in document["timexes"] if not t["inferred"]}
    for value in ("2024-04-29", "2024-07", "2008", "2023", "2022-02"):
        timex = values[value]
        assert document["text"][timex["start"]:timex["end"]] == timex["text"]
        assert any(m["timex_id"] == timex["id"] for e in data["events"] for m in e["mentions"]), \
            value


def test_html_is_one_self_contained_file(seed_run) -> None:  # type: ignore[no-untyped-def]
    _, out = seed_run
    page = out.read_text(encoding="utf-8")
    assert "<script src=" not in page and "<link" not in page  # nothing fetched
    assert "Plotly.newPlot" in page
    assert [p.name for p in out.parent.iterdir()] == ["seed.html"]


def test_plot_reads_back_json(tmp_path: Path, seed_run) -> None:  # type: ignore[no-untyped-def]
    result, _ = seed_run
    source = tmp_path / "seed.json"
    source.write_text(result.stdout, encoding="utf-8")
    plotted = timeline("plot", str(source), "--html", str(tmp_path / "again.html"))
    assert plotted.returncode == 0, plotted.stderr
    assert (tmp_path / "again.html").stat().st_size > 1_000_000  # plotly.js is inside


def test_batch_keeps_good_documents_and_names_bad_ones(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("\n".join([
        json.dumps({"id": "a", "text": "Am 3. Oktober 1990 kam die Einheit.", "language": "de"}),
        "this is not json",
        json.dumps({"id": "b", "text": "   "}),
        json.dumps({"id": "c", "text": "It rained yesterday.", "dct": "2020-05-05"}),
        json.dumps({"id": "d", "text": "Es regnete.", "dct": "im Frühling"}),
        json.dumps({"id": "e", "text": "Es regnete am Montag.", "language": "de"}),
        json.dumps({"id": "f", "text": "It rained on Monday.", "language": "en"}),
    ]) + "\n", encoding="utf-8")
    result = timeline("extract", str(corpus), "--json", str(tmp_path / "out.json"))
    assert result.returncode == 2
    data = json.loads((tmp_path / "out.json").read_text(encoding="utf-8"))
    assert [d["id"] for d in data["documents"]] == ["a", "c", "e", "f"]
    assert {e["code"] for e in data["errors"]} == {"E108", "E109", "E103"}
    assert "line 2" in result.stderr and "E109" in result.stderr
    monday = next(d for d in data["documents"] if d["id"] == "e")
    assert monday["dct"] is None and monday["warnings"][0].startswith("[W001]")
    # the warning's examples are in the document's language
    english = next(d for d in data["documents"] if d["id"] == "f")
    assert '"am Montag"' in monday["warnings"][0] and '"on Monday"' in english["warnings"][0]
    assert [t["resolved"] for t in monday["timexes"]] == [False]
    assert "W001" in result.stderr
    c = next(d for d in data["documents"] if d["id"] == "c")
    assert c["language"] == "en" and c["timexes"][0]["value"] == "2020-05-04"


@pytest.mark.parametrize(("args", "reason"), [
    (["extract", "missing.txt"], "E104"),
    (["extract", str(SEED), "--dct", "someday"], "E103"),
    (["extract", str(SEED), "--lang", "xx"], "E101"),
    (["extract", "pyproject.toml"], "E105"),
    (["plot", "pyproject.toml", "--html", "x.html"], "E110"),
    (["frobnicate"], "invalid choice"),
])
def test_bad_usage_exits_2_with_one_line(args: list[str], reason: str) -> None:
    result = timeline(*args)
    assert result.returncode == 2
    assert reason in result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr


def test_directory_input_uses_file_names_as_ids(tmp_path: Path) -> None:
    (tmp_path / "one.txt").write_text("Am 1. Mai 2020 war Feiertag.", encoding="utf-8")
    (tmp_path / "two.txt").write_bytes(b"\xff\xfe broken")
    result = timeline("extract", str(tmp_path), "--lang", "de", "--doc-type", "narrative",
                      "--json", "-")
    assert result.returncode == 2
    data = json.loads(result.stdout)
    assert [d["id"] for d in data["documents"]] == ["one"]
    assert data["errors"][0]["doc_id"] == "two" and data["errors"][0]["code"] == "E113"


def test_html_page_gets_its_dct_from_metadata(tmp_path: Path) -> None:
    from tests.test_dct import PAGE

    page = tmp_path / "artikel.html"
    page.write_text(PAGE, encoding="utf-8")
    result = timeline("extract", str(page), "--lang", "de", "--json", "-")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)["documents"][0]
    assert (document["dct"], document["dct_source"]) == ("2024-04-29", "metadata")
    assert "using DCT 2024-04-29 found in its metadata" in result.stderr
    montag = next(t for t in document["timexes"] if t["text"] == "Montag")
    assert montag["value"] == "2024-04-29"
