"""The export formats: CSV, TimelineJS, images, and the CLI options that write them."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import ROOT, SEED
from timeline.exports.csv_table import COLUMNS, csv_text
from timeline.exports.formats import FORMATS, TIMEML, download_name
from timeline.exports.image import image
from timeline.exports.timelinejs import timelinejs
from timeline.io.inputs import DocumentInput
from timeline.model import Timeline
from timeline.pipeline import Extractor, Options

# TimelineJS 3's documented JSON format (timeline.knightlab.com/docs/json-format.html)
_SLIDE = {"start_date", "end_date", "text", "media", "group", "display_date", "background",
          "autolink", "unique_id"}
_DATE = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date",
         "format"}


def test_csv_has_one_row_per_event_in_utf8_with_bom(seed_timeline: Timeline) -> None:
    text = csv_text(seed_timeline)
    assert text.startswith("\ufeff")  # Excel reads the umlauts only with it
    rows = list(csv.DictReader(io.StringIO(text.removeprefix("\ufeff"))))
    assert list(rows[0]) == COLUMNS
    assert len(rows) == len(seed_timeline.events)
    monday = next(r for r in rows if r["title"].startswith("Stoltenberg: Überraschungsbesuch"))
    assert (monday["when"], monday["start"], monday["end"]) == \
        ("29. April 2024", "29. April 2024", "29. April 2024")
    assert (monday["start_iso"], monday["end_iso"]) == ("2024-04-29", "2024-04-29")  # inclusive
    year = next(r for r in rows if r["timex3_value"] == "2008")
    assert (year["start_iso"], year["end_iso"], year["granularity"]) == \
        ("2008-01-01", "2008-12-31", "year")
    assert "Stoltenberg (PER)" in monday["participants"]
    text.encode("utf-8")


def test_csv_cells_are_never_formulas(extractor: Extractor) -> None:
    item = DocumentInput(id="=cmd|' /C calc'!A0", title="@SUM(1+1)", source="test",
                         text="=HYPERLINK(\"http://x\") Am 3. Oktober 1990 kam die Einheit.")
    timeline = extractor.run([item], Options(language="de", doc_type="narrative"))
    rows = list(csv.reader(io.StringIO(csv_text(timeline).removeprefix("\ufeff"))))[1:]
    assert rows and all(not cell.startswith(("=", "+", "@")) for row in rows for cell in row)
    assert rows[0][0] == "'=cmd|' /C calc'!A0" and rows[0][1] == "'@SUM(1+1)"


def _check_date(date: dict[str, object]) -> None:
    assert set(date) <= _DATE and isinstance(date["year"], int)
    for field in ("month", "day", "hour", "minute", "second"):
        assert field not in date or isinstance(date[field], int)


def test_timelinejs_uses_the_documented_fields(seed_timeline: Timeline,
                                               wikiwars_timeline: Timeline) -> None:
    story = timelinejs(seed_timeline, "Stoltenberg <b>in</b> Kiew")
    assert set(story) <= {"events", "title", "eras", "scale"} and story["scale"] == "human"
    assert story["title"]["text"]["headline"] == "Stoltenberg &lt;b&gt;in&lt;/b&gt; Kiew"
    assert len(story["events"]) == len(seed_timeline.events)
    for slide in story["events"]:
        assert set(slide) <= _SLIDE and slide["autolink"] is False
        _check_date(slide["start_date"])
        if "end_date" in slide:
            _check_date(slide["end_date"])
        assert slide["text"]["headline"] and slide["group"]
    july = next(s for s in story["events"] if s["display_date"] == "Juli 2024")
    assert july["start_date"] == {"year": 2024, "month": 7}
    months = next(s for s in story["events"] if "vergangenen" in s["display_date"])
    assert months["display_date"] == "die vergangenen Monate (Beginn geschätzt)"
    historic = timelinejs(wikiwars_timeline, "WikiWarsDE")
    bc = [s for s in historic["events"] if s["start_date"]["year"] <= 0]
    assert bc and all(s["start_date"]["display_date"].endswith("v. Chr.") for s in bc)
    json.dumps(historic)


def test_png_and_svg_through_kaleido_and_the_system_chromium(seed_timeline: Timeline) -> None:
    png = image(seed_timeline, "Stoltenberg in Kiew", "png")
    assert png.startswith(b"\x89PNG") and len(png) > 20_000
    svg = image(seed_timeline, "Stoltenberg in Kiew", "svg").decode("utf-8")
    assert svg.startswith("<svg") and "Gipfelerklärung" in svg


def test_every_format_has_a_download(seed_timeline: Timeline) -> None:
    names = [download_name("seed", fmt, seed_timeline) for fmt in [*FORMATS, TIMEML]]
    assert names == ["seed.timeline.json", "seed.timeline.html", "seed.events.csv",
                     "seed.timelinejs.json", "seed.png", "seed.svg", "seed.tml"]
    assert TIMEML.render(seed_timeline, "x").startswith(b"<?xml")


def _cli(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "timeline.cli", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=300, check=False)


@pytest.fixture(scope="module")
def seed_json(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("exports") / "seed.json"
    result = _cli("extract", str(SEED), "--lang", "de", "--json", str(out))
    assert result.returncode == 0, result.stderr
    return out


def test_cli_writes_every_format(seed_json: Path, tmp_path: Path) -> None:
    result = _cli("plot", str(seed_json), "--html", str(tmp_path / "t.html"),
                  "--csv", str(tmp_path / "t.csv"), "--timelinejs", str(tmp_path / "t.js.json"),
                  "--timeml", str(tmp_path / "tml"), "--svg", str(tmp_path / "t.svg"),
                  "--json", "-")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["schema_version"] == 4
    assert (tmp_path / "tml" / "stoltenberg-kiew.tml").is_file()
    assert {p.name for p in tmp_path.iterdir()} == {"t.html", "t.csv", "t.js.json", "tml",
                                                     "t.svg"}


def test_a_browser_that_fails_is_named_in_the_error(seed_json: Path, tmp_path: Path) -> None:
    """A browser kaleido cannot use (here a program that is none) is not "no browser":
    the message names it and says why, and no image is left half-written."""
    fake = tmp_path / "chromium"
    fake.write_text("#!/bin/sh\nexit 1\n")
    fake.chmod(0o755)
    result = _cli("plot", str(seed_json), "--svg", str(tmp_path / "t.svg"),
                  env={**os.environ, "BROWSER_PATH": str(fake)})
    assert result.returncode != 0
    assert "E007" in result.stderr and str(fake) in result.stderr, result.stderr
    assert not (tmp_path / "t.svg").exists()


def test_cli_refuses_bad_outputs_before_any_work(seed_json: Path, tmp_path: Path) -> None:
    directory = _cli("extract", str(SEED), "--json", str(tmp_path))
    assert directory.returncode == 2 and "E116" in directory.stderr
    assert list(tmp_path.iterdir()) == []  # no .tmp left behind
    twice = _cli("plot", str(seed_json), "--csv", "-", "--json", "/dev/stdout")
    assert twice.returncode == 2 and "E118" in twice.stderr
    nothing = _cli("plot", str(seed_json))
    assert nothing.returncode == 2 and "E120" in nothing.stderr


def test_plot_names_a_missing_time_expression_clearly(seed_json: Path, tmp_path: Path) -> None:
    data = json.loads(seed_json.read_text(encoding="utf-8"))
    data["events"][0]["timex_id"] = "t99"
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data), encoding="utf-8")
    result = _cli("plot", str(broken), "--html", str(tmp_path / "x.html"))
    assert result.returncode == 2
    assert "E110" in result.stderr and "'t99'" in result.stderr
    assert "KeyError" not in result.stderr and not (tmp_path / "x.html").exists()


def test_json_to_stdout_and_through_a_symlink(seed_json: Path, tmp_path: Path) -> None:
    target = tmp_path / "real.csv"
    target.write_text("old", encoding="utf-8")
    link = tmp_path / "link.csv"
    link.symlink_to(target)
    result = _cli("plot", str(seed_json), "--csv", str(link))
    assert result.returncode == 0, result.stderr
    assert link.is_symlink() and target.read_text(encoding="utf-8-sig").startswith("document,")


def test_page_names_the_language_as_people_do(seed_timeline: Timeline) -> None:
    from timeline.exports.page import html_page

    page = html_page(seed_timeline, "Stoltenberg")  # a German text: a German page
    assert "Deutsch · Nachricht · datiert auf 29. April 2024 (aus der Kommandozeile)" in page
    assert "1 Dokument, 10 Ereignisse, 10 auf der Zeitleiste." in page
    assert "Auf der Zeitleiste zeigen ↑" in page and 'lang="de"' in page
    assert "Show on the timeline" not in page and "Person</small>" in page
