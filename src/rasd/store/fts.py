"""The full-text index behind search: FTS5 on SQLite, tsvector + GIN on PostgreSQL.

Both index the pre-normalised terms of ``rasd.store.terms`` (one row per
article) and answer "articles containing all these terms"; everything
Arabic-specific happens before the engine sees the text, which is what keeps
results identical across the two backends.
"""

from __future__ import annotations

from sqlalchemy import Select, column, select, table, text
from sqlalchemy import Connection


def put(conn: Connection, article_id: int, terms: str) -> None:
    """Index (or re-index) one article."""
    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM article_fts WHERE rowid = :id"), {"id": article_id})
        conn.execute(text("INSERT INTO article_fts(rowid, terms) VALUES (:id, :t)"), {"id": article_id, "t": terms})
    else:
        conn.execute(text("INSERT INTO article_search(article_id, tsv) VALUES (:id, to_tsvector('simple', :t)) "
                             "ON CONFLICT (article_id) DO UPDATE SET tsv = EXCLUDED.tsv"),
                        {"id": article_id, "t": terms})


def delete(conn: Connection, article_id: int) -> None:
    if conn.dialect.name == "sqlite":
        conn.execute(text("DELETE FROM article_fts WHERE rowid = :id"), {"id": article_id})
    # PostgreSQL: article_search rows go with the article (ON DELETE CASCADE)


def matching_articles(dialect: str, terms: list[list[str]]) -> Select:
    """A SELECT of the ids of articles whose index holds, for every group, one of its terms."""
    if dialect == "sqlite":
        expr = " AND ".join("(" + " OR ".join(f'"{t}"' for t in group) + ")" for group in terms)
        fts5 = table("article_fts", column("rowid"))
        return select(fts5.c.rowid.label("article_id")).where(
            text("article_fts MATCH :fts_q").bindparams(fts_q=expr))
    expr = " & ".join("(" + " | ".join(group) + ")" for group in terms)
    search = table("article_search", column("article_id"))
    return select(search.c.article_id).where(text("tsv @@ to_tsquery('simple', :fts_q)").bindparams(fts_q=expr))

