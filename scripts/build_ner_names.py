#!/usr/bin/env python3
"""Build ``src/rasd/ner/data/ner_names.txt``: words of personal names in Arabic script.

ANERcorp's persons are often foreign names the training data never saw
(فينغر، ديمورا); a list of names written in Arabic is the best evidence a CRF
can get for them. The source is the English→Arabic name dictionary shipped in
the PyPI package arabnamer 0.1.3 (``arabnamer/data/dict_FINAL.json``, 22,797
pairs, CC BY 4.0, Yousef 2026). Only the Arabic side is used, split into
words and normalised as rasd normalises text; rasd does not depend on
arabnamer at run time.

    pip install --no-deps arabnamer==0.1.3
    python scripts/build_ner_names.py            # or --dict path/to/dict_FINAL.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from importlib import util
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
OUT = ROOT / "src/rasd/ner/data/ner_names.txt"
#: Arabic letters only, two or more (drops stray Latin and punctuation in a few entries).
_ARABIC_WORD = re.compile(r"[\u0621-\u063a\u0641-\u064a]{2,}")
HEADER = """Words of personal names in Arabic script, normalised (rasd.text.normalize.norm), one a line.
Built by scripts/build_ner_names.py from the Arabic side of arabnamer 0.1.3's dict_FINAL.json
(English -> Arabic name pairs; Yousef, E. (2026), https://github.com/sayedyousef/arabnamer, CC BY 4.0).
Changes: names split into words, normalised, words of Arabic letters only, deduplicated, sorted."""


def find_dict() -> Path:
    spec = util.find_spec("arabnamer")
    if spec is None or not spec.submodule_search_locations:
        sys.exit("arabnamer is not installed: pip install --no-deps arabnamer==0.1.3, or pass --dict")
    return Path(list(spec.submodule_search_locations)[0]) / "data" / "dict_FINAL.json"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--dict", type=Path, help="arabnamer's dict_FINAL.json (default: the installed package's)")
    ap.add_argument("--out", type=Path, default=OUT)
    a = ap.parse_args()
    from rasd.text.normalize import norm

    pairs = json.loads((a.dict or find_dict()).read_text(encoding="utf-8"))
    words = sorted({w for arabic in pairs.values() for w in norm(arabic).split() if _ARABIC_WORD.fullmatch(w)})
    a.out.write_text("".join(f"# {h}\n" for h in HEADER.splitlines()) + "\n".join(words) + "\n", encoding="utf-8")
    print(f"{len(pairs)} names → {len(words)} words → {a.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
