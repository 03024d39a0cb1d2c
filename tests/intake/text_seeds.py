"""The five seed documents, read where the project keeps them (``../shared/seeds`` beside the
repository, on CI machines too), by the short names the text tests use."""

from pathlib import Path

SEEDS = Path(__file__).resolve().parents[2].parent / "shared" / "seeds"

FILES = {
    "viameca": "000_6b830b894c678442.txt",
    "duesseldorf": "001_6051fcbbb0105a46.txt",
    "clustem": "002_25e7f86ed453e38d.txt",
    "clusters_cord": "003_1af111342c0d742e.txt",
    "tactics": "004_29c376a10b6bdde3.txt",
}


def seed(name: str) -> str:
    return (SEEDS / FILES[name]).read_text(encoding="utf-8")
