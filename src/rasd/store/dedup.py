"""Near-duplicate groups, kept in the database so they survive across ingest runs.

An article's LSH buckets are stored in ``article_bands``; a new article looks
up the articles sharing a bucket, confirms them with the signature estimate,
and joins their group (``dup_group`` = the smallest article id of the group).
When a new article bridges two groups, the groups merge.
"""

from __future__ import annotations

from typing import Sequence

from sqlalchemy import bindparam, insert, select, update
from sqlalchemy import Connection

from rasd.store import minhash
from rasd.store.models import Article, ArticleBand


_CANDIDATES = (
    select(Article.id, Article.dup_group, Article.minhash)
    .join(ArticleBand, ArticleBand.article_id == Article.id)
    .where(ArticleBand.band_hash.in_(bindparam("keys", expanding=True)), Article.id != bindparam("aid"))
    .distinct()
)
_SET_GROUP = update(Article.__table__).where(Article.__table__.c.id == bindparam("aid")).values(
    dup_group=bindparam("group"))


def assign_group(conn: Connection, article_id: int, sig: Sequence[int]) -> tuple[int, set[int]]:
    """Store the article's buckets and set its group; returns (group, ids of groups merged away)."""
    keys = minhash.bands(sig)
    rows = conn.execute(_CANDIDATES, {"keys": keys, "aid": article_id}).all()
    groups = {r.dup_group for r in rows
              if r.minhash and minhash.similarity(sig, minhash.unpack(r.minhash)) >= minhash.THRESHOLD}
    group = min(groups | {article_id})
    merged = {g for g in groups if g != group}
    if merged:
        conn.execute(update(Article).where(Article.dup_group.in_(merged)).values(dup_group=group))
    conn.execute(_SET_GROUP, {"aid": article_id, "group": group})
    conn.execute(insert(ArticleBand.__table__), [{"band_hash": k, "article_id": article_id} for k in set(keys)])
    return group, merged
