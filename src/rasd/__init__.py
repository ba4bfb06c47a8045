"""rasd (رصد): Arabic news → structured, geocoded, sourced conflict event data, offline.

    >>> import rasd
    >>> doc = rasd.extract(text, published="2019-02-26")
    >>> doc.to_dict()["events"]

``rasd.load()`` returns the reusable pipeline (``nlp(text)``), as spaCy does.
"""

from __future__ import annotations

__version__ = "0.1.0"

from typing import Optional  # noqa: E402

from rasd.document import Document  # noqa: E402


def load():
    """The default pipeline (built once; loading the gazetteer and lexicons takes a moment)."""
    from rasd.pipeline import load as _load

    return _load()


def extract(text: str, published: Optional[str] = None, title: Optional[str] = None,
            id: Optional[str] = None) -> Document:
    """Extract places, actors, quantities, dates and events from one Arabic article."""
    return load()(text, published=published, title=title, id=id)


__all__ = ["Document", "extract", "load", "__version__"]
