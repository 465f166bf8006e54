"""The example documents in ``seeds/``: a ``.txt`` with a ``.json`` of metadata."""

from __future__ import annotations

from pathlib import Path

from timeline.io.inputs import DocumentInput, read_text_file

SEEDS_DIR = Path(__file__).resolve().parents[2] / "seeds"
DEFAULT_SEED = "stoltenberg-kiew"


def list_seeds() -> list[str]:
    if not SEEDS_DIR.is_dir():
        return []
    return sorted(p.stem for p in SEEDS_DIR.glob("*.txt"))


def load_seed(name: str) -> DocumentInput:
    return read_text_file(SEEDS_DIR / f"{name}.txt")
