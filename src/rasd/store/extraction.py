"""Run the pipeline on an article and add what the store indexes (search terms, MinHash).

Kept apart from the writer so that ingest can run it in worker processes:
it needs the pipeline but no database.
"""

from __future__ import annotations

from typing import Any

from rasd.store import minhash
from rasd.store.records import ArticleIn, Extraction
from rasd.store.terms import document_terms


def extract(nlp: Any, article: ArticleIn) -> Extraction:
    """Extract one article; raises ValueError/TypeError for input the pipeline rejects."""
    doc = nlp(article.text, published=article.published, title=article.title, id=article.ext_id)
    data = doc.to_dict()
    names = [p.get("name") for p in data["places"]] + [a.get("name") for a in data["actors"]]
    terms = document_terms(doc.tokens, [article.title, *dict.fromkeys(n for n in names if n)])
    words = [t.norm for t in doc.tokens if t.kind in ("ar", "lat", "num")]
    sig = minhash.signature(minhash.shingles(words))
    return Extraction(document=data, pipeline_version=doc.pipeline_version or "", terms=terms, minhash=sig)
