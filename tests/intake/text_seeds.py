"""The five seed documents, read where the project keeps them (``demo.seeds.seeds_dir()``), by
the short names the text tests use."""

from demo.seeds import seeds_dir

SEEDS = seeds_dir()

FILES = {
    "viameca": "000_6b830b894c678442.txt",
    "duesseldorf": "001_6051fcbbb0105a46.txt",
    "clustem": "002_25e7f86ed453e38d.txt",
    "clusters_cord": "003_1af111342c0d742e.txt",
    "tactics": "004_29c376a10b6bdde3.txt",
}


def seed(name: str) -> str:
    return (SEEDS / FILES[name]).read_text(encoding="utf-8")
