"""``rasd ner``: tag a CoNLL file with the shipped CRF named-entity model.

Input is one token per line (first column; other columns are ignored, or
read as the gold tag with ``--gold``), a blank line between sentences.
Output keeps every token line, in order, as ``token<TAB>tag``, each
sentence followed by a blank line, so any CoNLL scorer can read it; with ``--gold``
the lines are ``token<TAB>gold<TAB>predicted``, the column order
``conlleval`` expects. The whole file is read and checked before anything is
written, so bad input (binary, not UTF-8, a missing gold column) stops with
the file and line named and no partial output.
"""

from __future__ import annotations

import argparse
import os
import sys
from typing import TextIO

EXIT_OK, EXIT_USAGE = 0, 2


def register(sub: argparse._SubParsersAction) -> None:
    from rasd.ner.conll import DOC_WINDOW

    p = sub.add_parser(
        "ner", help="tag a CoNLL file with named entities (PER, ORG, LOC, MISC)",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        description="Tag tokens with named entities in BIO (B-PER, I-ORG, B-LOC, B-MISC, O) using rasd's\n"
                    "CRF model, trained on ANERcorp (Benajiba et al. 2007; CAMeL Lab train split).\n\n"
                    "Input: CoNLL, one token per line in the first column, a blank line between sentences.\n"
                    "Output: token<TAB>tag lines, a blank line between sentences; with --gold,\n"
                    "token<TAB>gold<TAB>predicted (the last column of the input is the gold tag; ANERcorp's\n"
                    "B-PERS/I-PERS are written B-PER/I-PER so both columns use one spelling).\n\n"
                    "Names repeated across sentences are tagged with each other's context: the file is\n"
                    f"read as documents of {DOC_WINDOW} consecutive sentences (CoNLL marks no article "
                    f"boundaries).",
        epilog="examples:\n"
               "  rasd ner --conll sentences.conll > tagged.conll\n"
               "  rasd ner --conll ANERcorp_test.txt --gold --score | conlleval\n"
               "  printf 'قال\\nبان\\nكي\\nمون\\n' | rasd ner --conll -\n\n"
               "exit status: 0 tagged; 2 the input could not be read (the message names file and line).",
    )
    p.add_argument("--conll", required=True, metavar="IN", help="CoNLL file to tag ('-' reads standard input)")
    p.add_argument("--gold", action="store_true",
                   help="keep the input's last column as the gold tag: token<TAB>gold<TAB>predicted")
    p.add_argument("--score", action="store_true",
                   help="with --gold: print entity-level precision, recall and F1 (conlleval's) to stderr")
    p.add_argument("--out", metavar="OUT", help="write here instead of standard output")
    p.set_defaults(func=run)


def run(a: argparse.Namespace) -> int:
    from rasd.ner.conll import ConllError, decode_lines, iter_sentences, read_bytes

    if a.score and not a.gold:
        print("rasd ner: --score needs --gold (the gold tags to score against)", file=sys.stderr)
        return EXIT_USAGE
    try:
        sentences = list(iter_sentences(decode_lines(read_bytes(a.conll), a.conll)))
        if a.gold:
            for s in sentences:
                for tag, n in zip(s.gold, s.lines):
                    if tag is None:
                        raise ConllError(f"{a.conll}:{n}: no gold column (--gold reads the last of two or "
                                         f"more columns)")
    except ConllError as e:
        print(f"rasd ner: {e}", file=sys.stderr)
        return EXIT_USAGE
    if not sentences:
        print(f"rasd ner: {a.conll}: no tokens", file=sys.stderr)
        return EXIT_USAGE

    from rasd.ner.model import default_model

    model = default_model()
    predicted = model.tag_stream([s.tokens for s in sentences])
    try:
        out: TextIO = open(a.out, "w", encoding="utf-8") if a.out else sys.stdout
    except OSError as e:
        print(f"rasd ner: {a.out}: cannot write ({e.strerror})", file=sys.stderr)
        return EXIT_USAGE
    try:
        for s, tags in zip(sentences, predicted):
            if a.gold:
                out.write("".join(f"{w}\t{g}\t{t}\n" for w, g, t in zip(s.tokens, s.gold, tags)))
            else:
                out.write("".join(f"{w}\t{t}\n" for w, t in zip(s.tokens, tags)))
            out.write("\n")
        out.flush()
    except BrokenPipeError:  # the reader stopped early (| head): not an error of ours
        sys.stdout = open(os.devnull, "w")
    finally:
        if out is not sys.stdout:
            out.close()
    if a.score:
        from rasd.ner.score import score

        print(score([s.gold for s in sentences], predicted).report(), file=sys.stderr)
    return EXIT_OK
