"""Statistical named-entity recognition: a CRF over rasd's tokens and lexicons.

``rasd.ner.model`` holds the tagger (trained by ``scripts/train_ner.py`` on
the ANERcorp train split), ``features`` what it looks at, ``link`` the step
from entity to gazetteer entry or registry actor, ``conll`` and ``score``
the CoNLL input and conlleval-style scoring behind ``rasd ner``.
"""
