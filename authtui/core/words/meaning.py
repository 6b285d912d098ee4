"""The general reader: what a server's sentence is about, and what it says about it.

A message is split into words (``TokenExpiredError`` is ``token expired error``,
``doesn't`` is ``doesnt``; a quoted value, a URL or a ``<placeholder>`` is one opaque
value, unless it is a single known name such as ``'aud'``) and into clauses (at sentence
ends and at "but"). In each clause the phrases of :mod:`.vocabulary` are found, longest
first: *subjects* (the token, its signature, the audience...) and *predicates*
(missing, expired, invalid...). Adjacent subjects are one noun phrase named by its last
word ("jwt audience" is about the audience) unless a claim or header is named after
another subject ("'aud' claim", "kid header"). Each predicate then binds to one subject:

* a negated predicate ("not expired", "no error") says nothing;
* "missing", "lacks", "no", "only" and kin take the subject after them first
  ("the token is missing the *scope*"); the others take the subject before them
  ("the *token* has expired") and else the one right after ("invalid *signature*");
* two different predicates joined by "or" are possibilities, not a statement
  ("expired, revoked, malformed or invalid"): the clause says nothing certain.

A (subject, predicate) pair that :data:`~.vocabulary.CODES` does not list names no
single cause: it is reported as *unplaced*, to be quoted, never guessed. Linear in the
length of the message (every scan moves forward; phrases are at most a few words).
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from authtui.core.words import vocabulary as v

_SINGLE_QUOTES = "'`\u2018\u2019"
_DOUBLE_QUOTES = '"\u201c\u201d'
_QUOTE_SPAN = 120
"""Longest quoted span read as one value."""
VALUE = "\x00"
"""The word that stands for a quoted value, a URL or a placeholder."""

_TOKENS = re.compile(
    r"(?P<url>\b[A-Za-z][A-Za-z0-9+.-]{1,15}://\S+)"
    r"|(?P<placeholder><[^<>\s]{1,40}>)"
    r"|(?P<word>[A-Za-z0-9\x00]+)"
    r"|(?P<stop>[.;!?](?=\s|$)|\n)"
)
_CAMEL = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")


@dataclass(frozen=True, slots=True)
class Reading:
    """One statement found in a message."""

    code: str
    """The ``server.*`` code it states; empty when the pair names no single cause."""
    subject: str
    """The subject class (:mod:`.vocabulary`)."""
    predicate: str
    """The predicate class."""
    words: str
    """The words read, as the reader split them: ``token … expired``."""
    about_header: bool = False
    """About the Authorization header or its scheme, not about a token's content."""


@dataclass(frozen=True, slots=True)
class Meaning:
    """What one message says."""

    readings: tuple[Reading, ...] = ()
    """Statements with a code, in order of appearance, each code once."""
    unplaced: tuple[Reading, ...] = ()
    """Statements the vocabulary cannot place on one cause."""
    mentions_subject: bool = False
    """The message names something the reader knows (a token, a user, a header...)."""
    subjects: frozenset[str] = frozenset()
    """Every subject class the message names."""
    read_token: bool = False
    """The message judges a token's content: the server read a token."""


@dataclass(frozen=True, slots=True)
class _Mention:
    kind: str
    """``s`` (subject) or ``p`` (predicate)."""
    cls: str
    start: int
    end: int
    words: str
    about_header: bool = False


def read(text: str) -> Meaning:
    """Read one message for meaning."""
    readings: list[Reading] = []
    unplaced: list[Reading] = []
    mentions_subject = False
    subjects_named: set[str] = set()
    for clause in _clauses(text):
        subjects, predicates = _mentions(clause)
        mentions_subject = mentions_subject or any(s.cls not in v.NOT_NAMING for s in subjects)
        subjects_named.update(s.cls for s in subjects)
        indexed = _Clause.of(clause, subjects, predicates)
        found = list(_self_evident(subjects))
        found += [r for p in predicates if (r := _bind(p, indexed))]
        if _is_disjunction(clause, predicates):
            unplaced += [_unplace(r) for r in found]
            continue
        for reading in found:
            (readings if reading.code else unplaced).append(reading)
    codes: dict[str, Reading] = {}
    for reading in readings:
        codes.setdefault(reading.code, reading)
    return Meaning(
        readings=tuple(codes.values()),
        unplaced=tuple(unplaced),
        mentions_subject=mentions_subject,
        subjects=frozenset(subjects_named),
        read_token=any(_judges_token(r) for r in (*readings, *unplaced)),
    )


def _unplace(reading: Reading) -> Reading:
    return Reading("", reading.subject, reading.predicate, reading.words, reading.about_header)


def _judges_token(reading: Reading) -> bool:
    if reading.about_header or reading.subject not in v.TOKEN_CONTENT:
        return False
    return reading.predicate not in (v.MISSING, v.NO, v.REQUIRED, v.HAVE_NOT)


# --- words and clauses ---------------------------------------------------------------------


def _clauses(text: str) -> list[list[str]]:
    """The words of ``text``, clause by clause."""
    clauses: list[list[str]] = [[]]
    for match in _TOKENS.finditer(_unquote(text[:4096])):
        kind = match.lastgroup
        if kind == "stop":
            clauses.append([])
        elif kind in ("url", "placeholder"):
            clauses[-1].append(VALUE)
        else:
            for word in _split_word(match.group()):
                if word in v.CLAUSE_BREAKS:
                    clauses.append([])
                else:
                    clauses[-1].append(word)
    return [c for c in clauses if c]


def _split_word(word: str) -> list[str]:
    """``TokenExpiredError`` -> token, expired, error; ``JWTs`` stays one word."""
    if VALUE in word:
        return [VALUE]
    if word.islower() or word.isupper() or word.isdigit():
        parts = [word]
    elif word.endswith("s") and word[:-1].isupper():
        parts = [word[:-1]]
    else:
        parts = _CAMEL.findall(word) or [word]
    return [_singular(p.lower()) for p in parts]


def _singular(word: str) -> str:
    """``tokens`` -> ``token``, for words the vocabulary knows (``jwks`` stays)."""
    stem = _stem(word)
    return stem if stem != word and stem in _known_words() else word


def _stem(word: str) -> str:
    """``word`` without a plural ``s`` (``jwks``, ``access``, ``does`` keep theirs)."""
    if word.endswith("s") and len(word) > 3 and word not in v.NOT_PLURALS:
        return word[:-1]
    return word


def _unquote(text: str) -> str:
    """Quoted spans become one value (or their words, when they name one known thing);
    an apostrophe inside a word (``doesn't``) is dropped."""
    out: list[str] = []
    i = 0
    n = len(text)
    while i < n:
        char = text[i]
        quotes = _SINGLE_QUOTES if char in _SINGLE_QUOTES else _DOUBLE_QUOTES
        if char not in _SINGLE_QUOTES and char not in _DOUBLE_QUOTES:
            out.append(char)
            i += 1
            continue
        before = text[i - 1] if i else " "
        after = text[i + 1] if i + 1 < n else " "
        if before.isalnum() and after.isalnum():
            i += 1  # an apostrophe: doesn't -> doesnt
            continue
        end = _closing(text, i + 1, quotes)
        if before.isalnum() or end < 0:
            out.append(" ")
            i += 1
            continue
        out.append(f" {_quoted(text[i + 1 : end])} ")
        i = end + 1
    return "".join(out)


def _closing(text: str, start: int, quotes: str) -> int:
    """Where the quote opened before ``start`` closes (a quote not followed by a letter)."""
    limit = min(len(text), start + _QUOTE_SPAN)
    for j in range(start, limit):
        if text[j] in quotes and (j + 1 >= len(text) or not text[j + 1].isalnum()):
            return j
    return -1


def _quoted(content: str) -> str:
    """A quoted name the reader knows (``'aud'``, ``"Bearer"``, ``system:anonymous``)
    keeps its words; any other quoted text is a value."""
    words = [w for part in re.findall(r"[A-Za-z0-9]+", content) for w in _split_word(part)]
    if words and tuple(words) in _phrase_kinds():
        return " ".join(words)
    return VALUE


# --- phrases -------------------------------------------------------------------------------


@functools.cache
def _phrase_kinds() -> dict[tuple[str, ...], tuple[str, str]]:
    """Every phrase of the vocabulary: words -> (kind, class). Subjects and predicates
    never share a phrase."""
    phrases: dict[tuple[str, ...], tuple[str, str]] = {}
    for cls, names in v.SUBJECTS.items():
        for name in names:
            phrases[_phrase(name)] = ("s", cls)
    for cls, says in v.PREDICATES.items():
        for phrase in says:
            phrases.setdefault(_phrase(phrase), ("p", cls))
    return phrases


def _phrase(text: str) -> tuple[str, ...]:
    """A vocabulary phrase as the reader splits words (plurals as singulars)."""
    return tuple(_stem(w) for w in text.split())


@functools.cache
def _by_first_word() -> dict[str, tuple[tuple[str, ...], ...]]:
    """Phrases grouped by their first word, longest first."""
    grouped: dict[str, list[tuple[str, ...]]] = {}
    for phrase in _phrase_kinds():
        grouped.setdefault(phrase[0], []).append(phrase)
    return {w: tuple(sorted(p, key=len, reverse=True)) for w, p in grouped.items()}


@functools.cache
def _known_words() -> frozenset[str]:
    return frozenset(w for phrase in _phrase_kinds() for w in phrase)


def _mentions(words: list[str]) -> tuple[list[_Mention], list[_Mention]]:
    """Subjects (adjacent ones joined into one noun phrase) and predicates of a clause."""
    found: list[_Mention] = []
    i = 0
    index = _by_first_word()
    kinds = _phrase_kinds()
    while i < len(words):
        for phrase in index.get(words[i], ()):
            if tuple(words[i : i + len(phrase)]) == phrase:
                kind, cls = kinds[phrase]
                found.append(_Mention(kind, cls, i, i + len(phrase), " ".join(phrase)))
                i += len(phrase)
                break
        else:
            verb = v.BARE_VERBS.get(words[i])
            if verb and i >= 2 and words[i - 1] in ("or", "and") and _ends_predicate(found, i - 1):
                found.append(_Mention("p", verb, i, i + 1, words[i]))
            i += 1
    return _compounds([m for m in found if m.kind == "s"], words), [
        m for m in found if m.kind == "p"
    ]


def _ends_predicate(found: list[_Mention], at: int) -> bool:
    return bool(found) and found[-1].kind == "p" and found[-1].end == at


def _compounds(subjects: list[_Mention], words: list[str]) -> list[_Mention]:
    """Adjacent subjects (values between them allowed) as one noun phrase."""
    groups: list[list[_Mention]] = []
    for mention in subjects:
        if groups and all(w == VALUE for w in words[groups[-1][-1].end : mention.start]):
            groups[-1].append(mention)
        else:
            groups.append([mention])
    return [_compound(group) for group in groups]


def _compound(group: list[_Mention]) -> _Mention:
    classes = [m.cls for m in group]
    head = classes[-1]
    named = [c for c in classes if c in v.CLAIM_NAMED]
    about_header = any(c in (v.HEADER, v.SCHEME) for c in classes)
    if v.ANONYMOUS in classes:
        cls = v.ANONYMOUS
    elif named and (head in v.CARRIERS or head == named[-1] or v.CLAIM in classes):
        cls, about_header = named[-1], False
    elif head in (v.FORMAT, v.SHAPE) and any(c in (v.HEADER, v.SCHEME, v.AUTH) for c in classes):
        cls, about_header = v.HEADER, True
    elif head == v.SHAPE and any(c in v.SHAPED for c in classes):
        cls = v.FORMAT
    else:
        cls = head
    words = " ".join(m.words for m in group)
    return _Mention("s", cls, group[0].start, group[-1].end, words, about_header)


# --- binding ---------------------------------------------------------------------------------


def _self_evident(subjects: list[_Mention]) -> list[Reading]:
    return [
        Reading(v.SELF_EVIDENT[s.cls], s.cls, "", s.words)
        for s in subjects
        if s.cls in v.SELF_EVIDENT
    ]


_WINDOW = 12
"""Words looked across between a predicate and its subject: binding stays local and linear."""


@dataclass(frozen=True, slots=True)
class _Clause:
    """A clause's words and mentions, indexed by position so binding is linear."""

    words: list[str]
    subjects: list[_Mention]
    predicates: list[_Mention]
    predicate_at: list[_Mention | None]
    """The predicate each word belongs to, if any."""
    last_subject: list[_Mention | None]
    """For each position, the last subject that ends at or before it."""
    next_subject: list[_Mention | None]
    """For each position, the first subject that starts at or after it."""

    @classmethod
    def of(cls, words: list[str], subjects: list[_Mention], predicates: list[_Mention]) -> _Clause:
        n = len(words)
        predicate_at: list[_Mention | None] = [None] * n
        for p in predicates:
            for j in range(p.start, p.end):
                predicate_at[j] = p
        last: list[_Mention | None] = [None] * (n + 1)
        ends = {s.end: s for s in subjects}
        for i in range(n + 1):
            last[i] = ends.get(i, last[i - 1] if i else None)
        after: list[_Mention | None] = [None] * (n + 1)
        starts = {s.start: s for s in subjects}
        for i in range(n, -1, -1):
            after[i] = starts.get(i, after[i + 1] if i < n else None)
        return cls(words, subjects, predicates, predicate_at, last, after)

    def negated(self, predicate: _Mention) -> bool:
        """A negator right before the predicate, fillers between allowed ("has not
        expired", "no error": a "no" followed by a predicate, not a subject, negates it)."""
        j = predicate.start - 1
        while j >= max(predicate.start - 3, 0):
            inside = self.predicate_at[j]
            if inside is not None:
                return inside.cls == v.NO
            if self.words[j] in v.NEGATORS:
                return True
            if self.words[j] not in v.FILLERS:
                return False
            j -= 1
        return False

    def before(self, predicate: _Mention, limit: int) -> _Mention | None:
        """The nearest subject ending before the predicate, with at most ``limit`` other
        words between them (fillers, negators and other predicates do not count)."""
        subject = self.last_subject[predicate.start]
        if subject is None or self.gap(subject.end, predicate.start) > limit:
            return None
        return subject

    def after(self, predicate: _Mention, limit: int) -> _Mention | None:
        """The nearest subject starting after the predicate, within ``limit`` other words."""
        subject = self.next_subject[predicate.end]
        if subject is None or self.gap(predicate.end, subject.start) > limit:
            return None
        return subject

    def gap(self, start: int, end: int) -> int:
        """Words between two mentions that are neither fillers nor part of a predicate."""
        if end - start > _WINDOW:
            return _WINDOW
        return sum(
            1
            for j in range(start, end)
            if self.predicate_at[j] is None
            and self.words[j] not in v.FILLERS
            and self.words[j] not in v.NEGATORS
        )


def _bind(predicate: _Mention, clause: _Clause) -> Reading | None:
    """The reading of one predicate: the subject it speaks of, and the code of the pair."""
    cls = predicate.cls
    if cls != v.NO and clause.negated(predicate):
        return None
    words = clause.words
    if cls == v.NO:
        # "no token": the subject right after it is missing; otherwise it negates.
        subject = clause.after(predicate, 0)
        if subject is None:
            return None
    elif cls in v.TRANSITIVE:
        subject = clause.after(predicate, 3) or clause.before(predicate, 3)
    elif predicate.words.startswith(v.MODAL_STARTS):
        subject = clause.before(predicate, 3)  # "the header must start with ...": before
    elif (after := clause.after(predicate, 0)) is not None:
        subject = after  # attributive: "expired token", "has invalid audience"
    elif predicate.start and words[predicate.start - 1] in v.COPULAS:
        subject = clause.before(predicate, 3)  # predicative: "the token is expired"
    else:
        subject = (
            clause.before(predicate, 0) or clause.after(predicate, 2) or clause.before(predicate, 3)
        )
    if subject is None:
        return Reading("", "", cls, predicate.words)
    code = v.CODES.get((subject.cls, cls), "")
    ordered = sorted((subject, predicate), key=lambda m: m.start)
    text = " … ".join(m.words for m in ordered)
    return Reading(code, subject.cls, cls, text, subject.about_header)


def _is_disjunction(words: list[str], predicates: list[_Mention]) -> bool:
    """Two different predicates and an "or": possibilities, not a statement."""
    if not any(w in v.DISJUNCTIONS for w in words):
        return False
    kinds = {p.cls for p in predicates if p.cls not in (v.NO, v.ONLY)}
    return len(kinds) >= 2


# --- the scheme a server asks for -----------------------------------------------------------


def asked_schemes(text: str) -> frozenset[str]:
    """Authorization schemes the words ask for: ``Authorization: Bearer <token>``,
    "must start with Bearer", "missing 'Bearer' type", "expected Basic"."""
    words = [w.lower() for w in re.findall(r"[A-Za-z0-9]+|:", text[:4096])]
    asked: set[str] = set()
    for i, word in enumerate(words):
        if word not in v.SCHEME_NAMES:
            continue
        before = words[i - 2 : i]
        after = words[i + 1 : i + 2]
        in_example = before[-1:] == [":"] and before[:1] == ["authorization"]
        cued = bool(before) and before[-1] in v.SCHEME_CUES_BEFORE
        typed = bool(after) and after[0] in v.SCHEME_CUES_AFTER
        generic_word = word in ("token", "jwt")
        if in_example or (typed and _wants(words, i)) or (cued and not generic_word):
            asked.add(word)
    return frozenset(asked)


def _wants(words: list[str], at: int) -> bool:
    """A "<scheme> type/prefix" the words say is missing or expected."""
    return any(w in v.SCHEME_WANTED for w in words[max(at - 3, 0) : at])
