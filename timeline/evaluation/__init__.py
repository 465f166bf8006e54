"""Measuring temporal tagging against gold corpora (``timeline eval``).

:mod:`.gold` reads annotated documents, :mod:`.scoring` computes the
TempEval-3 measures, :mod:`.stock` runs unmodified HeidelTime for comparison,
:mod:`.report` runs both systems and writes the side-by-side report.
"""
