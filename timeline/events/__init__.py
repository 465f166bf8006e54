"""Stage 3, events: dated expressions -> what happened, who, where it is told.

Clauses, triggers, names and titles each have a module; ``builder`` puts them together.
"""
