"""Stage 1, tagging: text -> spaCy ``Doc`` with TreeTagger tags -> HeidelTime's TIMEX3s.

The JVM (``jvm``), HeidelTime in-process (``heideltime``), TreeTagger (``treetagger``),
the spaCy analysis (``nlp``), and the per-language data every later stage reads
(``languages``, ``lexicon``).
"""
