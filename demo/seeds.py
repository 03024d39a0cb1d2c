"""Where the five seed documents are (their README: ``shared/seeds/README.md``). The demo
records hold their facts; the intake tests and benchmarks read the texts themselves.

``SEEDS_DIR`` if set, else ``shared/seeds`` beside the checkout (``../shared/seeds``, where the
project keeps them), else ``/work/shared/seeds`` (the project's machines, for a clone made
elsewhere, e.g. by CI in /tmp).
"""

import os
from pathlib import Path

FILES = (
    "000_6b830b894c678442.txt",
    "001_6051fcbbb0105a46.txt",
    "002_25e7f86ed453e38d.txt",
    "003_1af111342c0d742e.txt",
    "004_29c376a10b6bdde3.txt",
)


def seeds_dir() -> Path:
    """The folder holding the seed documents; FileNotFoundError naming where it looked."""
    checkout = Path(__file__).resolve().parents[1]
    candidates = [checkout.parent / "shared" / "seeds", Path("/work/shared/seeds")]
    if os.environ.get("SEEDS_DIR"):
        candidates.insert(0, Path(os.environ["SEEDS_DIR"]))
    for folder in candidates:
        if all((folder / name).is_file() for name in FILES):
            return folder
    looked = ", ".join(str(folder) for folder in candidates)
    raise FileNotFoundError(f"The seed documents are in none of {looked}; set SEEDS_DIR to their folder.")
