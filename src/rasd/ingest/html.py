"""Web pages → article text, with the boilerplate (menus, footers, related links) removed.

trafilatura does the extraction; it is maintained, works offline and handles
right-to-left pages. Its publication-date guess is used only from the page's
own metadata, never from text that merely contains a year.
"""

from __future__ import annotations

import re
from typing import Optional

from rasd.ingest.encoding import decode

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?([\w-]+)""", re.I)


def decode_html(data: bytes, declared: Optional[str] = None) -> str:
    """HTML bytes → str, honouring a <meta charset> or HTTP charset when the bytes agree."""
    if declared is None:
        m = _META_CHARSET.search(data[:4096])
        declared = m.group(1).decode("ascii", "replace") if m else None
    return decode(data, declared)[0]


def extract_page(html: str, url: Optional[str] = None) -> Optional[dict[str, Optional[str]]]:
    """{text, title, published, outlet} of the page's main text, or None when it has none."""
    import trafilatura

    doc = trafilatura.bare_extraction(html, url=url, with_metadata=True, favor_recall=True,
                                      include_comments=False, include_tables=False,
                                      date_extraction_params={"extensive_search": False, "original_date": True})
    if doc is None or not (doc.text or "").strip():
        return None
    text = doc.text.strip()
    title = (doc.title or "").strip() or None
    if title and not text.startswith(title):
        text = f"{title}\n{text}"  # the pipeline reads the first line as the title
    return {"text": text, "title": title, "published": doc.date, "outlet": doc.sitename or doc.hostname}


def fragment_text(fragment: str) -> str:
    """Plain text of a small HTML fragment (a feed entry's content), paragraphs kept apart."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    try:
        root = lxml.html.fragment_fromstring(fragment, create_parent="div")
    except Exception:  # lxml raises several types for broken markup; plain text is the fallback
        return re.sub(r"<[^>]+>", " ", fragment).strip()
    for el in root.iter("p", "br", "div", "li", "h1", "h2", "h3", "h4"):
        el.tail = "\n" + (el.tail or "")
    lines = [" ".join(line.split()) for line in root.text_content().splitlines()]
    return "\n".join(line for line in lines if line)
