#!/usr/bin/env python3
"""Train the shipped CRF named-entity model on the ANERcorp train split.

    python scripts/train_ner.py                     # writes src/rasd/ner/data/ner.crfsuite + ner_words.tsv
    python scripts/train_ner.py --holdout           # tuning: train on the first 90% of train, score the rest
    python scripts/train_ner.py --out /tmp/m --c1 0.05 --c2 0.01

Only the train split is learned from, in windows of ``DOC_WINDOW``
sentences taken as documents (ANERcorp marks no article boundaries), as
``rasd ner`` tags a CoNLL file; the word lists of the training
sentences' features are built without their own fold (``rasd.ner.lexicon.
jackknife``), the shipped lists from the whole train split. After training
the script loads the written model the way rasd does and prints the
training time and the entity-level scores on the test split (or, with
``--holdout``, on the held-out tenth of train; the test split is then not
read at all). The same data and options give the same files.
"""

from __future__ import annotations

import argparse
import hashlib
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared/data/anercorp"
TRAIN = "ANERcorp_CamelSplit_reconstructed_train.txt"
TEST = "ANERcorp_CamelSplit_reconstructed_test.txt"
OUT = ROOT / "src/rasd/ner/data"

#: CRF options chosen on held-out parts of the train split (see README, NER section).
C1, C2, ITERATIONS, FOLDS = 0.1, 0.05, 200, 5

WORDS_HEADER = """Stems that are mostly inside entities of one type in the ANERcorp train split (CAMeL Lab split):
stem<TAB>list (per, loc, org, misc). Written by scripts/train_ner.py; derived from ANERcorp
(Benajiba, Rosso & Benedi Ruiz 2007; Obeid et al. 2020), CC BY-SA 4.0."""


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--data", type=Path, default=DATA, help="folder holding the ANERcorp split files")
    ap.add_argument("--out", type=Path, default=OUT, help="where to write ner.crfsuite and ner_words.tsv")
    ap.add_argument("--c1", type=float, default=C1, help="L1 regularisation")
    ap.add_argument("--c2", type=float, default=C2, help="L2 regularisation")
    ap.add_argument("--iterations", type=int, default=ITERATIONS, help="L-BFGS iterations at most")
    ap.add_argument("--holdout", action="store_true",
                    help="train on the first 90%% of the train split and score the last 10%% (for tuning)")
    a = ap.parse_args()

    import pycrfsuite

    from rasd.ner.conll import DOC_WINDOW, read_labelled
    from rasd.ner.features import FeatureExtractor, document_context, word_tokens
    from rasd.ner.lexicon import build_word_lists, jackknife
    from rasd.ner.model import MODEL_FILE, STEMS_FILE, NerModel, rasd_lexicons, write_word_lists
    from rasd.ner.score import score

    if not (a.data / TRAIN).exists():
        print(f"ANERcorp not found: {a.data / TRAIN}", file=sys.stderr)
        return 2
    train = read_labelled(a.data / TRAIN)
    if a.holdout:
        cut = len(train) * 9 // 10
        train, evaluation, eval_name = train[:cut], train[cut:], "held-out last 10% of the train split"
    else:
        evaluation, eval_name = read_labelled(a.data / TEST), "test split"
    print(f"train: {len(train)} sentences, {sum(len(w) for w, _ in train)} tokens")

    t0 = time.perf_counter()
    extractors: dict[int, FeatureExtractor] = {}  # one per jackknife fold
    features = []
    for (words, tags), lists in zip(train, jackknife(train, FOLDS)):
        if id(lists) not in extractors:
            extractors[id(lists)] = FeatureExtractor(rasd_lexicons(lists))
        features.append(extractors[id(lists)].words(words))
    # document context in windows of DOC_WINDOW sentences, as NerModel.tag_stream tags them
    for k in range(0, len(train), DOC_WINDOW):
        tokens = [word_tokens(words) for words, _ in train[k:k + DOC_WINDOW]]
        for sent, extra in zip(features[k:k + DOC_WINDOW], document_context(tokens)):
            for f, e in zip(sent, extra):
                f.extend(e)
    trainer = pycrfsuite.Trainer(verbose=False)
    for f, (_, tags) in zip(features, train):
        trainer.append(f, tags)
    t1 = time.perf_counter()
    trainer.set_params({"c1": a.c1, "c2": a.c2, "max_iterations": a.iterations,
                        "feature.possible_transitions": True})
    a.out.mkdir(parents=True, exist_ok=True)
    model_path = a.out / MODEL_FILE
    trainer.train(str(model_path))
    write_word_lists(a.out / STEMS_FILE, build_word_lists(train), WORDS_HEADER)
    t2 = time.perf_counter()
    print(f"features {t1 - t0:.1f} s, CRF training {t2 - t1:.1f} s ({a.iterations} iterations at most, "
          f"c1 {a.c1}, c2 {a.c2}); total {t2 - t0:.1f} s")
    digest = hashlib.sha256(model_path.read_bytes()).hexdigest()[:16]
    print(f"model: {model_path} ({model_path.stat().st_size / 1e6:.2f} MB, sha256 {digest}…)")

    model = NerModel.load(model_path)
    predicted = model.tag_stream([words for words, _ in evaluation])
    print(f"\nscores on the {eval_name} ({len(evaluation)} sentences), conlleval entity-level:")
    print(score([tags for _, tags in evaluation], predicted).report())
    return 0


if __name__ == "__main__":
    sys.exit(main())
