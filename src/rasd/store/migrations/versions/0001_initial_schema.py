"""Initial schema: articles, near-duplicate bands, documents, events and their sources,
place and actor mentions, and the full-text index (FTS5 on SQLite, tsvector + GIN on PostgreSQL).

Revision ID: 0001
Revises: 
Create Date: 2026-11-25
"""
from alembic import op
import sqlalchemy as sa
from sqlalchemy.dialects import postgresql

revision = '0001'
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table('articles',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('content_hash', sa.String(length=64), nullable=False),
    sa.Column('ext_id', sa.String(length=512), nullable=True),
    sa.Column('title', sa.Text(), nullable=True),
    sa.Column('published', sa.Date(), nullable=True),
    sa.Column('outlet', sa.String(length=256), nullable=True),
    sa.Column('url', sa.Text(), nullable=True),
    sa.Column('text', sa.Text(), nullable=False),
    sa.Column('origin', sa.Text(), nullable=True),
    sa.Column('ingested_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('dup_group', sa.Integer(), nullable=True),
    sa.Column('minhash', sa.LargeBinary(), nullable=True),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('content_hash')
    )
    op.create_index('ix_articles_dup_group', 'articles', ['dup_group'], unique=False)
    op.create_index('ix_articles_ext_id', 'articles', ['ext_id'], unique=False)
    op.create_index('ix_articles_outlet', 'articles', ['outlet'], unique=False)
    op.create_index('ix_articles_published', 'articles', ['published'], unique=False)

    op.create_table('events',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('merge_key', sa.String(length=256), nullable=False),
    sa.Column('event_type', sa.String(length=64), nullable=False),
    sa.Column('sub_event_type', sa.String(length=64), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('time_precision', sa.Integer(), nullable=True),
    sa.Column('actor1', sa.String(length=256), nullable=True),
    sa.Column('actor2', sa.String(length=256), nullable=True),
    sa.Column('inter1', sa.Integer(), nullable=True),
    sa.Column('inter2', sa.Integer(), nullable=True),
    sa.Column('location_name', sa.String(length=256), nullable=True),
    sa.Column('location_name_ar', sa.String(length=256), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('admin1', sa.String(length=128), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('n_sources', sa.Integer(), nullable=False),
    sa.Column('n_independent', sa.Integer(), nullable=False),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.Column('pipeline_version', sa.String(length=64), nullable=True),
    sa.Column('updated_at', sa.DateTime(timezone=True), nullable=False),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('merge_key')
    )
    op.create_index('ix_events_actor1', 'events', ['actor1'], unique=False)
    op.create_index('ix_events_actor2', 'events', ['actor2'], unique=False)
    op.create_index('ix_events_admin1', 'events', ['admin1'], unique=False)
    op.create_index('ix_events_country', 'events', ['country'], unique=False)
    op.create_index('ix_events_date', 'events', ['date'], unique=False)
    op.create_index('ix_events_event_type', 'events', ['event_type'], unique=False)
    op.create_index('ix_events_sub_event_type', 'events', ['sub_event_type'], unique=False)

    op.create_table('article_bands',
    sa.Column('band_hash', sa.BigInteger(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('band_hash', 'article_id')
    )
    op.create_index('ix_article_bands_article_id', 'article_bands', ['article_id'], unique=False)

    op.create_table('documents',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('pipeline_version', sa.String(length=64), nullable=False),
    sa.Column('extracted_at', sa.DateTime(timezone=True), nullable=False),
    sa.Column('data', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id'),
    sa.UniqueConstraint('article_id')
    )
    op.create_index('ix_documents_pipeline_version', 'documents', ['pipeline_version'], unique=False)

    op.create_table('actors',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('pipeline_version', sa.String(length=64), nullable=False),
    sa.Column('text', sa.String(length=256), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=256), nullable=True),
    sa.Column('inter', sa.Integer(), nullable=True),
    sa.Column('registry_id', sa.String(length=128), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_actors_article_id', 'actors', ['article_id'], unique=False)
    op.create_index('ix_actors_document_id', 'actors', ['document_id'], unique=False)
    op.create_index('ix_actors_name', 'actors', ['name'], unique=False)

    op.create_table('event_sources',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('event_id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('pipeline_version', sa.String(length=64), nullable=False),
    sa.Column('position', sa.Integer(), nullable=False),
    sa.Column('date', sa.Date(), nullable=True),
    sa.Column('actor1', sa.String(length=256), nullable=True),
    sa.Column('actor2', sa.String(length=256), nullable=True),
    sa.Column('inter1', sa.Integer(), nullable=True),
    sa.Column('inter2', sa.Integer(), nullable=True),
    sa.Column('fatalities', sa.Integer(), nullable=True),
    sa.Column('quantities', sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), 'postgresql'), nullable=False),
    sa.Column('attribution', sa.Text(), nullable=True),
    sa.Column('evidence_start', sa.Integer(), nullable=True),
    sa.Column('evidence_end', sa.Integer(), nullable=True),
    sa.Column('evidence_text', sa.Text(), nullable=True),
    sa.Column('confidence', sa.Float(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['event_id'], ['events.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_event_sources_article_id', 'event_sources', ['article_id'], unique=False)
    op.create_index('ix_event_sources_document_id', 'event_sources', ['document_id'], unique=False)
    op.create_index('ix_event_sources_event_id', 'event_sources', ['event_id'], unique=False)

    op.create_table('places',
    sa.Column('id', sa.Integer(), nullable=False),
    sa.Column('document_id', sa.Integer(), nullable=False),
    sa.Column('article_id', sa.Integer(), nullable=False),
    sa.Column('pipeline_version', sa.String(length=64), nullable=False),
    sa.Column('text', sa.String(length=256), nullable=False),
    sa.Column('start', sa.Integer(), nullable=False),
    sa.Column('end', sa.Integer(), nullable=False),
    sa.Column('name', sa.String(length=256), nullable=True),
    sa.Column('lat', sa.Float(), nullable=True),
    sa.Column('lon', sa.Float(), nullable=True),
    sa.Column('admin1', sa.String(length=128), nullable=True),
    sa.Column('country', sa.String(length=2), nullable=True),
    sa.Column('geonames_id', sa.BigInteger(), nullable=True),
    sa.Column('geo_precision', sa.Integer(), nullable=True),
    sa.ForeignKeyConstraint(['article_id'], ['articles.id'], ondelete='CASCADE'),
    sa.ForeignKeyConstraint(['document_id'], ['documents.id'], ondelete='CASCADE'),
    sa.PrimaryKeyConstraint('id')
    )
    op.create_index('ix_places_article_id', 'places', ['article_id'], unique=False)
    op.create_index('ix_places_document_id', 'places', ['document_id'], unique=False)
    op.create_index('ix_places_name', 'places', ['name'], unique=False)


    _create_fulltext()


def downgrade() -> None:
    _drop_fulltext()
    op.drop_table('places')
    op.drop_table('event_sources')
    op.drop_table('actors')
    op.drop_table('documents')
    op.drop_table('article_bands')
    op.drop_table('events')
    op.drop_table('articles')


def _create_fulltext() -> None:
    """The article search index; rasd.store.fts reads and writes it."""
    if op.get_bind().dialect.name == "sqlite":
        op.execute("CREATE VIRTUAL TABLE article_fts USING fts5(terms, tokenize='unicode61 remove_diacritics 0')")
    else:
        op.create_table('article_search',
        sa.Column('article_id', sa.Integer(), sa.ForeignKey('articles.id', ondelete='CASCADE'), primary_key=True),
        sa.Column('tsv', postgresql.TSVECTOR(), nullable=False),
        )
        op.create_index('ix_article_search_tsv', 'article_search', ['tsv'], postgresql_using='gin')


def _drop_fulltext() -> None:
    if op.get_bind().dialect.name == "sqlite":
        op.execute("DROP TABLE article_fts")
    else:
        op.drop_table('article_search')
