"""The timeline JSON format: schema, validation and round trip."""

from __future__ import annotations

import json

import jsonschema
import pytest

from timeline.errors import BadInputError
from timeline.model import SCHEMA_PATH, Record, Timeline, schema_text


def test_committed_schema_is_generated_from_the_model() -> None:
    assert SCHEMA_PATH.read_text(encoding="utf-8") == schema_text(), \
        "run `python -m timeline.model` and add a changelog entry in docs/timeline-format.md"


def test_seed_timeline_validates_against_schema(seed_timeline: Timeline) -> None:
    schema = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(json.loads(seed_timeline.to_json()), schema,
                        cls=jsonschema.Draft202012Validator)


def test_round_trip(seed_timeline: Timeline) -> None:
    text = seed_timeline.to_json()
    again = Timeline.from_json(text)
    assert again == seed_timeline
    assert again.to_json() == text


def test_required_fields_present(seed_timeline: Timeline) -> None:
    data = json.loads(seed_timeline.to_json())
    assert data["schema_version"] == 4
    document = data["documents"][0]
    assert {"id", "title", "language", "doc_type", "dct", "timexes"} <= document.keys()
    for timex in document["timexes"]:
        assert {"id", "start", "end", "text", "type", "value", "interval"} <= timex.keys()
    for event in data["events"]:
        assert {"id", "doc_id", "timex_id", "title", "sentence", "start", "end",
                "granularity", "participants"} <= event.keys()


def test_wrong_offsets_are_refused(seed_timeline: Timeline) -> None:
    data = json.loads(seed_timeline.to_json())
    data["documents"][0]["timexes"][0]["start"] += 1
    with pytest.raises(BadInputError, match="E110"):
        Timeline.from_json(json.dumps(data))


@pytest.mark.parametrize(("text", "reason"), [
    ("{", "invalid JSON"),
    ('{"schema_version": 99}', "schema_version 99"),
    ('{"schema_version": 1, "documents": [{"id": 3}]}', "documents.0"),
])
def test_not_a_timeline(text: str, reason: str) -> None:
    with pytest.raises(BadInputError, match=reason):
        Timeline.from_json(text)


def test_version_2_files_still_load(seed_timeline: Timeline) -> None:
    """A file written before curation existed: no source, edited, included or value."""
    data = json.loads(seed_timeline.to_json())
    data["schema_version"] = 2
    for event in data["events"]:
        for name in ("source", "edited", "included", "value", "end_value", "other_triggers"):
            del event[name]
        for mention in event["mentions"]:
            del mention["doc_id"], mention["other_triggers"]
    for document in data["documents"]:
        del document["language_source"], document["doc_type_source"]
    old_schema = json.loads((SCHEMA_PATH.parent / "timeline-v2.schema.json").read_text("utf-8"))
    jsonschema.validate(data, old_schema, cls=jsonschema.Draft202012Validator)
    loaded = Timeline.from_json(json.dumps(data))
    assert loaded.schema_version == 4
    assert all(e.source == "machine" and e.included and not e.edited for e in loaded.events)
    assert [e.title for e in loaded.events] == [e.title for e in seed_timeline.events]


def test_version_3_files_still_load(seed_timeline: Timeline) -> None:
    """A file written before events had other happenings: no other_triggers."""
    data = json.loads(seed_timeline.to_json())
    data["schema_version"] = 3
    for event in data["events"]:
        del event["other_triggers"]
        for mention in event["mentions"]:
            del mention["other_triggers"]
    old_schema = json.loads((SCHEMA_PATH.parent / "timeline-v3.schema.json").read_text("utf-8"))
    jsonschema.validate(data, old_schema, cls=jsonschema.Draft202012Validator)
    loaded = Timeline.from_json(json.dumps(data))
    assert loaded.schema_version == 4
    assert all(not e.other_triggers for e in loaded.events)
    assert [e.title for e in loaded.events] == [e.title for e in seed_timeline.events]
    # a JSON Lines file of version 3 can still be continued: its lines are read as they are
    line = {"schema_version": 3, "id": "seed", "source": "seed.txt", "sha256": "0" * 64,
            "document": data["documents"][0], "events": data["events"], "error": None}
    record = Record.model_validate_json(json.dumps(line))
    assert record.schema_version == 3
    assert Timeline.from_records([record]).events[0].title == seed_timeline.events[0].title
