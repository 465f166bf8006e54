"""Which of HeidelTime's rules could match a sentence, and where, from their patterns.

HeidelTime runs every rule's regular expression over every sentence; on long
texts that is most of its time. Almost no pattern can match unless the
sentence holds one of a few literal strings (a month name, "jahr", a digit).
:func:`needed` derives such a set from each compiled pattern, "every match
contains one of these", in the way of RE2's prefilters: runs of literals and
small character classes are multiplied out, alternatives pooled, and
whatever cannot be reduced (wide classes, optional parts, look-arounds)
counts as anything. Letters are folded to lower case, one character at a
time, as the Java side folds the sentence, so the test is case-insensitive
and never drops a rule that could match: the derivation is sound by
construction, and a differential test checks that the output is identical.
The Java side (``java-src/``, :class:`PrefilteredHeidelTime`) checks each
sentence for all strings at once and hands HeidelTime only the rules that
could match it.

Within a sentence, Java's regular expressions try every rule at every
position, a few dozen alternatives each. :func:`leading` derives the
characters the first three of any match can be (a Thompson automaton, run
three steps); the Java side puts them in front of the rule as a look-ahead,
``(?=[Jj…][Aa…][Nn…])``, which rejects most positions in one test and, being
implied by the rule, changes no match.
"""

from __future__ import annotations

import functools
import hashlib
import json
import re
from dataclasses import dataclass
from pathlib import Path
from re import _constants as C
from re import _parser as sre_parse

from timeline.tagging.install import write_whole

_LIMIT = 64  # strings in a set before it is reduced to the best part
_CLASS_LIMIT = 12  # characters in a class that still count as literals
_ANYTHING_CLASS = "(?s:.)"  # what a class too wide to use is written as
_LEAD = 3  # characters the look-ahead checks; more made no rule faster on the dev texts


@dataclass(frozen=True)
class Shortcut:
    """What lets a rule skip work: the strings a sentence needs for it to run (None:
    it runs on every sentence) and a look-ahead every match starts with (None: none)."""

    needs: list[str] | None
    lead: str | None


@dataclass(frozen=True)
class _Info:
    exact: frozenset[str] | None  # every string the node matches, when few
    needed: frozenset[str] | None  # every match contains one of these; None: no constraint


_ANY = _Info(None, None)
_EMPTY = _Info(frozenset({""}), None)


def fold(char: str) -> str:
    """One character in lower case, as Java's ``Character.toLowerCase`` gives it."""
    lower = char.lower()
    return lower if len(lower) == 1 else char


@functools.cache  # a language's rules serve each of its document types
def needed(java_pattern: str) -> frozenset[str] | None:
    """Strings of which every match of ``java_pattern`` contains one (folded), or
    None when no such set was found (the rule must always run)."""
    try:
        tree = sre_parse.parse(_pythonic(java_pattern))
    except re.error:
        return None
    strings = _sequence(list(tree)).needed
    if strings is None:
        return None
    # "montag," adds nothing to "montag": a sentence with it has "montag" too
    return frozenset(s for s in strings if not any(o != s and o in s for o in strings))


def shortcuts(patterns: list[str], cache: Path | None = None) -> dict[str, Shortcut]:
    """:func:`needed` and :func:`lookahead` for each of a language's patterns that has
    either. Kept in ``cache`` (a directory) under a key of the patterns and this module's
    source: the derivation takes 1.5 s, which every worker process paid at start."""
    key = hashlib.sha256("\0".join([Path(__file__).read_text(encoding="utf-8"),
                                     *sorted(patterns)]).encode()).hexdigest()[:32]
    path = cache / f"prefilter-{key}.json" if cache else None
    if path is not None:
        try:
            found = json.loads(path.read_text(encoding="utf-8"))
            return {p: Shortcut(**kept) for p, kept in found.items()}
        except (OSError, ValueError, TypeError, AttributeError):
            pass  # not there or torn: derive again
    derived = {}
    for pattern in patterns:
        strings, lead = needed(pattern), lookahead(pattern)
        if strings is not None or lead is not None:
            derived[pattern] = Shortcut(None if strings is None else sorted(strings), lead)
    if path is not None:
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            write_whole(path, json.dumps({p: vars(c) for p, c in derived.items()}))
        except OSError:
            pass  # a read-only cache costs time only
    return derived


def lookahead(java_pattern: str) -> str | None:
    """A Java look-ahead that holds wherever ``java_pattern`` matches, or None."""
    classes = leading(java_pattern)
    if not classes:
        return None
    return "(?=" + "".join("[" + "".join(f"\\x{{{ord(c):x}}}" for c in sorted(chars)) + "]"
                           for chars in classes) + ")"


def leading(java_pattern: str) -> list[frozenset[str]]:
    """For the first few characters of every match of ``java_pattern``, the characters
    each can be (in every case that folds to one of the rule's): as many as are known,
    up to three; none when the rule may match the empty string or anything first."""
    try:
        tree = sre_parse.parse(_pythonic(java_pattern))
        if tree.state.flags & re.IGNORECASE:
            return []
        start, end = _State(), _State()
        _chain(list(tree), start, end)
    except (re.error, _Unknown):
        return []
    states, classes = _closure([start]), []
    for _ in range(_LEAD):
        moves = [s for s in states if s.target is not None]
        if end in states or not moves or any(s.chars is None for s in moves):
            break
        folded = frozenset().union(*(s.chars for s in moves if s.chars is not None))
        classes.append(frozenset(c for f in folded for c in _spellings().get(f, f)))
        states = _closure([s.target for s in moves if s.target is not None])
    return classes


class _Unknown(Exception):
    """A construct whose first characters this module does not model (a back-reference,
    case-insensitive matching)."""


class _State:
    """A state of a Thompson automaton: moves without input, and at most one move on a
    character of ``chars`` (folded; None: any character) to ``target``."""

    __slots__ = ("chars", "empty", "target")

    def __init__(self) -> None:
        self.empty: list[_State] = []
        self.chars: frozenset[str] | None = None
        self.target: _State | None = None


def _chain(nodes: list[tuple[object, object]], start: _State, end: _State) -> None:
    for op, av in nodes:
        step = _State()
        _moves(op, av, start, step)
        start = step
    start.empty.append(end)


def _moves(op: object, av: object, start: _State, end: _State) -> None:
    """The automaton of one parsed node between ``start`` and ``end``."""
    if op is C.LITERAL:
        _char(start, end, frozenset({fold(chr(av))}))  # type: ignore[arg-type]
    elif op is C.IN:
        _char(start, end, _class(av))  # type: ignore[arg-type]
    elif op in (C.ANY, C.NOT_LITERAL):
        _char(start, end, None)
    elif op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        start.empty.append(end)  # consume nothing: whatever follows comes first
    elif op is C.SUBPATTERN:
        if av[1] & re.IGNORECASE:  # type: ignore[index]
            raise _Unknown
        _chain(list(av[3]), start, end)  # type: ignore[index]
    elif op is C.ATOMIC_GROUP:
        _chain(list(av), start, end)  # type: ignore[call-overload]
    elif op is C.BRANCH:
        for branch in av[1]:  # type: ignore[index]
            _chain(list(branch), start, end)
    elif op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = av  # type: ignore[misc]
        # the first copies as they are, then any number: more strings than the rule
        # matches, never fewer, so the look-ahead stays implied by the rule
        for _ in range(min(low, _LEAD)):
            step = _State()
            _chain(list(body), start, step)
            start = step
        if high is C.MAXREPEAT or high > min(low, _LEAD):
            loop = _State()
            start.empty.append(loop)
            _chain(list(body), loop, loop)
            start = loop
        start.empty.append(end)
    else:
        raise _Unknown


def _char(start: _State, end: _State, chars: frozenset[str] | None) -> None:
    move = _State()
    move.chars, move.target = chars, end
    start.empty.append(move)


def _closure(states: list[_State]) -> list[_State]:
    """``states`` and every state reachable from them without input."""
    seen: dict[int, _State] = {}
    stack = list(states)
    while stack:
        state = stack.pop()
        if id(state) not in seen:
            seen[id(state)] = state
            stack.extend(state.empty)
    return list(seen.values())


@functools.cache
def _spellings() -> dict[str, str]:
    """Folded character -> every character that folds to it (itself included)."""
    spelled: dict[str, str] = {}
    for code in range(0x110000):
        char = chr(code)
        folded = fold(char)
        if folded != char:
            spelled[folded] = spelled.get(folded, folded) + char
    return spelled


def _of(strings: frozenset[str]) -> _Info:
    return _Info(strings, None if "" in strings else strings)


def _best(sets: list[frozenset[str] | None]) -> frozenset[str] | None:
    """The most selective set: the longest shortest string, then the fewest strings."""
    usable = [s for s in sets if s and "" not in s]
    return max(usable, key=lambda s: (min(map(len, s)), -len(s)), default=None)


def _sequence(nodes: list[tuple[object, object]]) -> _Info:
    run: frozenset[str] = frozenset({""})  # the literal run being multiplied out
    unbroken = True
    candidates: list[frozenset[str] | None] = []
    for op, av in nodes:
        info = _node(op, av)
        if info.exact is not None:
            product = frozenset(a + b for a in run for b in info.exact)
            if len(product) <= _LIMIT:
                run = product
                continue
            candidates.append(run)
            run, unbroken = info.exact, False
            continue
        candidates.extend([run, info.needed])
        run, unbroken = frozenset({""}), False
    candidates.append(run)
    if unbroken:
        return _of(run)
    return _Info(None, _best(candidates))


def _node(op: object, av: object) -> _Info:
    if op is C.LITERAL:
        return _of(frozenset({fold(chr(av))}))  # type: ignore[arg-type]
    if op is C.IN:
        chars = _class(av)  # type: ignore[arg-type]
        return _of(chars) if chars is not None else _ANY
    if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
        return _EMPTY
    if op is C.SUBPATTERN:
        return _sequence(list(av[3]))  # type: ignore[index]
    if op is C.ATOMIC_GROUP:
        return _sequence(list(av))  # type: ignore[call-overload]
    if op is C.BRANCH:
        return _branch([_sequence(list(branch)) for branch in av[1]])  # type: ignore[index]
    if op in (C.MAX_REPEAT, C.MIN_REPEAT, C.POSSESSIVE_REPEAT):
        low, high, body = av  # type: ignore[misc]
        return _repeat(low, high, _sequence(list(body)))
    return _ANY  # any character, a back-reference, a condition: no literal to rely on


def _branch(options: list[_Info]) -> _Info:
    if all(o.exact is not None for o in options):
        union = frozenset().union(*(o.exact for o in options if o.exact is not None))
        if len(union) <= _LIMIT:
            return _of(union)
    if any(o.needed is None for o in options):
        return _ANY
    return _Info(None, frozenset().union(*(o.needed for o in options if o.needed)))


def _repeat(low: int, high: int, body: _Info) -> _Info:
    if high == 0:
        return _EMPTY
    if body.exact is not None and high is not C.MAXREPEAT and high <= 3:
        strings = frozenset({""})
        found = frozenset({""}) if low == 0 else frozenset()
        for count in range(1, high + 1):
            strings = frozenset(a + b for a in strings for b in body.exact)
            if len(strings) > _LIMIT:
                break
            if count >= low:
                found |= strings
        else:
            if len(found) <= _LIMIT:
                return _of(found)
    return _ANY if low == 0 else _Info(None, body.needed)


def _class(items: list[tuple[object, object]]) -> frozenset[str] | None:
    """The folded characters of a class, or None if it is negated, wide or a category."""
    chars: set[str] = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(fold(chr(av)))  # type: ignore[arg-type]
        elif op is C.RANGE and av[1] - av[0] < _CLASS_LIMIT:  # type: ignore[index,operator]
            chars.update(fold(chr(c)) for c in range(av[0], av[1] + 1))  # type: ignore[index]
        elif op is C.CATEGORY and av is C.CATEGORY_DIGIT:
            chars.update("0123456789")  # Java's \d: ASCII digits only
        else:
            return None
    return frozenset(chars) if len(chars) <= _CLASS_LIMIT else None


def _pythonic(java: str) -> str:
    """``java`` in Python's syntax, as far as literals go: each character class (Java's
    may nest, ``[a[bc]]``) becomes an alternative of its characters, or "any" when
    it is negated, wide or holds a category; ``\\p{..}`` is "any"."""
    out: list[str] = []
    i = 0
    while i < len(java):
        char = java[i]
        if char == "\\":
            if java[i + 1:i + 2] in ("p", "P") and java[i + 2:i + 3] == "{":
                out.append(_ANYTHING_CLASS)
                i = java.index("}", i) + 1
            else:
                out.append(java[i:i + 2])
                i += 2
        elif char == "[":
            end, chars = _java_class(java, i)
            out.append(_ANYTHING_CLASS if chars is None else
                       "(?:" + "|".join(re.escape(c) for c in sorted(chars)) + ")")
            i = end
        else:
            out.append(char)
            i += 1
    return "".join(out)


def _java_class(java: str, start: int) -> tuple[int, set[str] | None]:
    """The end of the class at ``java[start]`` and its characters (None: too wide)."""
    i = start + 1
    chars: set[str] | None = set()
    if java[i:i + 1] == "^":
        chars, i = None, i + 1
    if java[i:i + 1] == "]":  # a leading "]" is a literal
        chars = chars if chars is None else {"]"}
        i += 1
    while java[i] != "]":
        if java[i] == "[":
            i, inner = _java_class(java, i)
            chars = None if chars is None or inner is None else chars | inner
            continue
        if java.startswith("\\d", i):
            chars = chars if chars is None else chars | set("0123456789")
            i += 2
            continue
        if java.startswith("&&", i):
            chars = None
            i += 2
            continue
        first, i = _class_char(java, i)
        if java[i] == "-" and java[i + 1] != "]":
            last, i = _class_char(java, i + 1)
            if chars is not None and first is not None and last is not None and \
                    ord(last) - ord(first) < _CLASS_LIMIT:
                chars |= {fold(chr(c)) for c in range(ord(first), ord(last) + 1)}
            else:
                chars = None
        elif first is None:
            chars = None
        elif chars is not None:
            chars.add(fold(first))
    if chars is not None and len(chars) > _CLASS_LIMIT:
        chars = None
    return i + 1, chars


def _class_char(java: str, i: int) -> tuple[str | None, int]:
    """One member of a class: a character, or None for a category such as ``\\s``."""
    if java[i] != "\\":
        return java[i], i + 1
    code = java[i + 1]
    if code == "u":
        return chr(int(java[i + 2:i + 6], 16)), i + 6
    if code == "x":
        return chr(int(java[i + 2:i + 4], 16)), i + 4
    if code in "tnrfae":
        return {"t": "\t", "n": "\n", "r": "\r", "f": "\f", "a": "\a", "e": "\x1b"}[code], i + 2
    if code in ("p", "P"):
        return None, java.index("}", i) + 1
    if code.isalnum():  # \d \s \w and the like: categories
        return None, i + 2
    return code, i + 2  # an escaped punctuation mark
