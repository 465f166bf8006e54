"""Stage 2, time: what a TIMEX3 value means and how it is said.

Calendar arithmetic beyond ``datetime`` (``chrono``), values -> intervals
(``semantics``), the document date (``dct``), a narrative's reference time
(``narrative``), anaphoric dates (``anaphora``), and dates in words (``wording``).
"""
