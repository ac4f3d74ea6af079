"""Who says so, and how sure: attribution chains and hedges in one sentence.

A chain is written outermost first: in "..., DPA reported, citing authorities, BTA reports." the
reader gets it from BTA, which got it from DPA, which got it from the authorities, so the chain is
("BTA", "DPA", "authorities"). Trailing reporting clauses are read right to left for that reason;
each speaker is followed by whom it cites. Speakers are surface phrases; resolving them to
entities is the resolver's job.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from consilience.extract.lexicon import Lexicon, load_lexicon
from consilience.model import Attribution

_MAX_WORDS = 10
_QUOTE_ENDS = (',"', ",”", ",''", ",'", '"', "”", "''")
_NAME_JOINERS = frozenset({"of", "for", "de", "del", "van", "von", "al", "bin"})
_AFTER_STOPS = (",", ";", ":", "(", " — ", " – ", " - ", ".", "!", "?")


@dataclass(frozen=True, slots=True)
class Speaker:
    """One reporting source found in a sentence, with whom it cites."""

    pos: int
    name: str
    cue: str
    cites: tuple[str, ...] = ()
    span: tuple[int, int] = (0, 0)  # the words that credit it: speaker, cue and whom it cites


@dataclass(frozen=True, slots=True)
class FoundAttribution:
    """The sentence's attribution and the reason it was read that way."""

    attribution: Attribution
    start: int
    reason: str
    spans: tuple[tuple[int, int], ...] = ()  # each speaker's words, in order; the rest is what was said


def _cue_regex(cues: list[str], ignore_case: bool = True) -> re.Pattern[str] | None:
    """Whole-word regex of cue phrases, longest first."""
    return _compiled_cues(tuple(cues), ignore_case)


@lru_cache(maxsize=256)
def _compiled_cues(cues: tuple[str, ...], ignore_case: bool) -> re.Pattern[str] | None:
    # cached: every sentence asks for the same handful of cue lists
    if not cues:
        return None
    body = "|".join(re.escape(c) for c in sorted(cues, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE if ignore_case else 0)


def _negated(text: str, pos: int, negations: re.Pattern[str] | None) -> bool:
    """'Officials did not say whether ...', 'не сообщил': a refusal to speak credits no one.

    A negation right before the verb, with at most one word between ('did not immediately say').
    """
    if negations is None:
        return False
    words = text[max(0, pos - 40) : pos].split()
    tails = (words[-1:], words[-2:], words[-2:-1], words[-3:-1])  # the last two of them skip one
    return any(tail and negations.fullmatch(" ".join(tail)) for tail in tails)


_QUOTED_NAME = re.compile(r"[«“\"](?=[A-ZА-ЯЁІЎЄЇ])[^«»“”\".,!?:;]{1,40}[»”\"]")


def _unquote_names(text: str) -> str:
    """The text with the quote marks of short capitalised quoted spans blanked ("центр «Вясна»"):
    those are names, not quoted speech, so their marks are no clause boundary. Same length, so
    offsets hold."""
    return _QUOTED_NAME.sub(
        lambda m: f" {m.group()[1:-1]} " if len(m.group().split()) <= 4 else m.group(), text
    )


def _clause_before(text: str, pos: int, lex: Lexicon) -> tuple[str, int]:
    """The words between the last clause boundary and pos, with their start offset."""
    start = 0
    plain = _unquote_names(text[:pos])
    for b in lex.attribution("boundaries"):
        k = plain.rfind(b, 0, pos)
        if k >= 0:
            start = max(start, k + len(b))
    return text[start:pos], start


def _clause_after(text: str, pos: int, lex: Lexicon, stops: list[re.Pattern[str] | None]) -> str:
    """The words from pos to the next boundary or citing cue (quotes stay: «Вясна» is a name)."""
    end = len(text)
    for b in _AFTER_STOPS:
        k = text.find(b, pos)
        while b == "." and k >= 0 and _abbreviation_before(text, k):
            k = text.find(b, k + 1)  # "said Dr. John Fisher": the title's period ends nothing
        if k >= 0 and not (b == "." and k + 1 < len(text) and not text[k + 1].isspace()):
            end = min(end, k)
    for rx in stops:
        if rx is not None and (m := rx.search(text, pos)) is not None:
            end = min(end, m.start())
    for w in lex.attribution("clause_words"):
        m = re.search(rf"\s{re.escape(w)}\s", text[pos:end], re.IGNORECASE)
        if m and w.lower() not in ("and", "и", "і", "a", "а"):
            end = pos + m.start()
    return text[pos:end]


_ABBREVIATIONS = frozenset(
    {"dr", "mr", "mrs", "ms", "prof", "gen", "col", "lt", "sgt", "gov", "rep", "sen", "st", "jr", "sr", "capt", "det"}
)


def _abbreviation_before(text: str, dot: int) -> bool:
    """Whether the period at `dot` closes a title's abbreviation ("Dr.", "Mr.", "Sgt.")."""
    m = re.search(r"(\w+)$", text[:dot])
    return bool(m) and m.group(1).lower() in _ABBREVIATIONS


def _clean(name: str, lex: Lexicon) -> str:
    """Trim quotes, punctuation and leading fillers ('the', 'об этом') from a speaker phrase."""
    name = name.strip(" \t\"'“”«»,.;:—–-•·*")
    changed = True
    while changed and name:
        changed = False
        for w in sorted(lex.attribution("leading_drop"), key=len, reverse=True):
            if name.lower().startswith(w + " ") or name.lower() == w:
                name = name[len(w) :].strip(" ,")
                changed = True
    # "Police have (said)", "МВД также (сообщило)", "China on Friday (said)": the verb's
    # auxiliaries, adverbs and time, not the name; case-sensitive, so "USA Today" stays whole
    trailing = sorted(lex.attribution("trailing_drop"), key=len, reverse=True)
    changed = True
    while changed and name:
        changed = False
        for w in trailing:
            if name.endswith(" " + w):
                name = name[: -len(w) - 1].rstrip(" ,")
                changed = True
    # "Rabbi Jonathan Blake in a statement", "Песков на брифинге": where it was said, not who
    low = name.lower()
    for tail in lex.attribution("channel_tails"):
        k = low.find(" " + tail)
        if k > 0 and (k + 1 + len(tail) == len(low) or not low[k + 1 + len(tail)].isalnum()):
            name, low = name[:k].rstrip(" ,"), low[:k]
    for op, cl in (("«", "»"), ("“", "”"), ("„", "“")):
        if name.count(op) > name.count(cl):
            name += cl
    return " ".join(name.split())


def _plausible(name: str, lex: Lexicon) -> bool:
    """A speaker names someone: short, not a pronoun, and capitalised or a source noun."""
    words = name.split()
    if not words or len(words) > _MAX_WORDS:
        return False
    if name.lower() in lex.attribution("pronouns"):
        return False
    personal = lex.attribution("personal_pronouns")
    if any(w.lower() in personal for w in words):
        return False  # "on Dec. 1 he first": a clause around a pronoun, not a name
    nouns = set(lex.attribution("source_nouns"))
    has_cap = any(w.lstrip("«“„\"'(")[:1].isupper() for w in words)  # «Вясна» is a name too
    return has_cap or any(w.lower().strip(",.'’s") in nouns or w.lower() in nouns for w in words)


def _opens_noun_phrase(word: str, lex: Lexicon) -> bool:
    """Whether a word can open the subject of a clause: a name, an article, a pronoun, a source noun."""
    low = word.lower()
    return (
        word[:1].isupper()
        or any(low in lex.attribution(key) for key in ("leading_drop", "possessive_pronouns", "pronouns"))
        or low.strip(",.") in lex.attribution("source_nouns")
        or low.strip(",.'’s") in lex.attribution("source_nouns")
    )


def _noun_phrase_after(words: list[str], lex: Lexicon) -> bool:
    """Whether a relative pronoun is followed by a subject ("which police", "who some experts",
    "which news agency dpa") rather than a verb ("that built the satellite", "who works for")."""
    if not words:
        return False
    if len(words) == 1:  # "that environmentalists (say)": one word before the verb is its subject
        return True
    nouns = lex.attribution("source_nouns")
    return _opens_noun_phrase(words[0], lex) or words[1].lower().strip(",.") in nouns


def _relative(word: str, lex: Lexicon) -> bool:
    """A lower-case relative pronoun ("who", "which"; in English also "that")."""
    if not word.islower():
        return False
    return bool(lex.relative and lex.relative.fullmatch(word)) or word in lex.attribution("subject_relatives")


def _shorten(phrase: str, lex: Lexicon) -> str | None:
    """The speaker's part of the words before a reporting verb; None when they name nobody.

    - A clause word opens the clause whose subject speaks: "the footage that she (says)", "took place
      after what Israel (says)", "the attacker, who police (said)": cut after the last one. But a
      relative pronoun followed by a verb opens a clause about the speaker: in "One eyewitness who
      works for the Nice authorities (said)" the eyewitness speaks, and in "released by minister
      Ralf Jaeger who (said)" the minister (after a passive "by"). A coordinator ("and") is cut at
      only in a long phrase: "Police and prosecutors" is two speakers. Past the first word a clause
      word is lower case: "Doctor Who boss Steven Moffat" is a name, "WHAT YOU NEED" a caption.
    - A phrase that ends in a coordinator is the second verb of one subject: "Weinstein denied the
      claim and (said)". The subject opens the phrase; its leading capitalised words are kept, and
      with none ("The power company acknowledged the mistake and") nobody is credited: a clause
      is no name.
    """
    words = phrase.split()
    if not words:
        return phrase
    coordinators = _words_of(lex, "coordinators")
    if words[-1].lower() in coordinators:
        lead = _clean(phrase, lex).split()
        name = []
        for k, w in enumerate(lead):
            # "U.S. Secretary of State Condoleezza Rice": a lower-case joiner inside the name
            joins = w in _NAME_JOINERS and k + 1 < len(lead) and lead[k + 1][:1].isupper()
            if not (w[:1].isupper() or joins and name) or w.lower() in coordinators:
                break
            name.append(w)
        return " ".join(name) or None
    if len(words) > 1 and _relative(words[-1], lex):
        described = words[:-1]
        by = re.search(r"(?i)\bby\s+(.+)$", " ".join(described))
        if by:
            return _shorten(by.group(1), lex)
        if len(described) > _MAX_WORDS // 2:  # "criticism from Facebook investor Sean Parker who"
            k = len(described)
            while k > 0 and described[k - 1][:1].isupper():
                k -= 1
            if k == len(described):  # "the testimony of a doorman who": no name to keep
                return None
            described = described[k:]
        return _shorten(" ".join(described), lex)
    clause = {w.lower() for w in lex.attribution("clause_words")}
    verbs = _cue_regex(lex.attribution("verbs"), ignore_case=False)
    if len(words) > 1 and words[-1] in clause:
        return None  # "the shooting outside a school that (claimed)": the antecedent is no name
    long_phrase = len(words) > _MAX_WORDS // 2 + 3
    for idx in range(len(words) - 2, -1, -1):
        word = words[idx]
        if idx and not word.islower():  # "Doctor Who boss", "WHAT YOU NEED": a name or a caption
            continue
        if word.lower() in coordinators and not long_phrase:
            rest = words[idx + 1 :]
            if len(rest) == 1 and rest[0].lower() in lex.attribution("personal_pronouns"):
                return rest[0]  # "it was so hot and I (said)": a clause of its own, no name
            continue
        if word.lower() in clause:
            # "said around 7 a.m. that there had been": after a reporting verb "that" opens what was said
            complement = verbs is not None and verbs.search(" ".join(words[:idx])) is not None
            if _relative(word, lex) and not complement and not _noun_phrase_after(words[idx + 1 :], lex):
                return _shorten(" ".join(words[:idx]), lex) if idx else None
            return " ".join(words[idx + 1 :])
    return phrase


def _resolve_possessive(name: str, text: str, lex: Lexicon) -> str:
    """'his press service' -> "Lukashenko's press service" when the sentence opens with a name."""
    first, _, rest = name.partition(" ")
    if first.lower() not in lex.attribution("possessive_pronouns") or lex.lang != "en":
        return name
    m = re.match(r"\s*([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)", text)
    if not m or m.group(1).split()[0].lower() in lex.get("name_stopwords", []):
        return name
    return f"{m.group(1)}'s {rest}"


_POSSESSIVE_BEFORE = re.compile(r"\w['’]s?\s+$")


def find_attribution(text: str, lex: Lexicon) -> FoundAttribution | None:
    """The attribution chain of one sentence, or None when nobody is credited."""
    # case-sensitive: "States" in "United States" is not the verb "states"
    verbs = _cue_regex(lex.attribution("verbs"), ignore_case=False)
    weak = _cue_regex(lex.attribution("weak_verbs"), ignore_case=False)
    according = _cue_regex(lex.attribution("according_to"))
    citing = _cue_regex(lex.attribution("citing"))
    cited_by = _cue_regex(lex.attribution("cited_by"))
    tell = {t.lower() for t in lex.attribution("tell_verbs")}
    negations = _cue_regex(lex.attribution("negations"))
    stops = [citing, verbs]
    speakers: list[Speaker] = []
    used: list[tuple[int, int]] = []

    def cites_after(pos: int) -> tuple[tuple[str, ...], int]:
        """Whom the speaker cites ("..., citing the ministry") and where that phrase ends."""
        m = citing.match(text, pos + len(text[pos:]) - len(text[pos:].lstrip(" ,"))) if citing else None
        if not m:
            return (), pos
        who = _clean(_clause_after(text, m.end(), lex, [verbs]), lex)
        used.append((m.start(), m.end() + len(who) + 1))
        return ((who,) if who else ()), (_end_of(text, who, m.end()) if who else m.end())

    for m in cited_by.finditer(text) if cited_by else ():
        origin, o_start = _clause_before(text, m.start(), lex)
        outlet = _clean(_clause_after(text, m.end(), lex, [*stops, weak]), lex)
        origin = _clean(origin, lex)
        if origin and outlet:
            span = (o_start, _end_of(text, outlet, m.end()))
            speakers.append(Speaker(o_start, outlet, m.group().lower(), (origin,), span))
            used.append((o_start, m.end() + len(outlet) + 1))
    for m in according.finditer(text) if according else ():
        src = _clean(_clause_after(text, m.end(), lex, stops), lex)
        # "according to plan" credits no one: the source must name someone (see _plausible)
        if src and _plausible(src, lex):
            end = m.end() + len(src) + 1
            cites, cites_end = cites_after(end)
            span = (m.start(), max(_end_of(text, src, m.end()), cites_end))
            speakers.append(Speaker(m.start(), src, m.group().lower(), cites, span))
            used.append((m.start(), end))
    not_after = {w.lower() for w in lex.attribution("not_reporting_after")}
    for m in verbs.finditer(text) if verbs else ():
        if any(s <= m.start() < e for s, e in used) or _negated(text, m.start(), negations):
            continue
        before_word = text[max(0, m.start() - 20) : m.start()].split()[-1:]
        if before_word and before_word[0].lower() in not_after:
            continue  # "is yet to be announced", "an estimated $5 billion": passive or adjective
        if (
            before_word
            and before_word[0].lower() in _words_of(lex, "document_nouns")
            and m.group().lower() in _words_of(lex, "document_participles")
        ):
            continue  # "said in a statement posted on Facebook": the document was posted, nobody spoke
        if _POSSESSIVE_BEFORE.search(text, max(0, m.start() - 4), m.start()):
            continue  # "Obama's reported choice": a possessive names no speaker; the verb is an adjective
        before, b_start = _clause_before(text, m.start(), lex)
        speaker_part = _shorten(before, lex)
        if speaker_part is None:
            continue
        if _relative(speaker_part.strip(), lex) and text[:b_start].rstrip().endswith(","):
            # "rejected by the United States, which says": the antecedent speaks
            prev, p_start = _clause_before(text, text.rfind(",", 0, b_start), lex)
            if according is not None and (cue := according.search(prev)):  # "according to X, which"
                prev = prev[cue.end() :]
            antecedent = _shorten(f"{prev.strip()} {speaker_part.strip()}", lex)
            if not antecedent:
                continue
            speaker_part, b_start = antecedent, p_start
        name = _clean(speaker_part, lex)
        if not name and text[:b_start].rstrip().endswith(","):
            # "The delegation, led by envoy X, confirmed": the speaker sits before an appositive
            prev, p_start = _clause_before(text, text.rfind(",", 0, b_start), lex)
            if re.match(r"\s*(?:led|headed|accompanied|joined) by\b", prev, re.IGNORECASE):
                name, b_start = _clean(prev, lex), p_start
            elif text[:p_start].rstrip().endswith(","):
                # "told AFP" names whom it was told to: no speaker follows a tell verb
                after = m.group().lower() not in tell and _speaker_after(text, m.end(), lex, stops)
                found = _apposition(text, prev, p_start, lex, after)
                name, b_start = found or (name, b_start)
        if re.match(r"(?:led|headed|accompanied|joined) by\b", name, re.IGNORECASE):
            prev, p_start = _clause_before(text, b_start - 1, lex)
            name = _clean(f"{prev.strip()} {name}", lex)
            b_start = p_start
        inverted = not name
        if inverted:
            name = _clean(_clause_after(text, m.end(), lex, stops), lex)
        name = _resolve_possessive(name, text, lex)
        if not _plausible(name, lex) or verbs.match(name):
            # "... said Rabbi Blake in a statement posted on Facebook": a phrase that opens with a
            # reporting verb is another speaker's clause, and this verb a participle in it
            continue
        cue = m.group().lower()
        name_end = text.find(name, m.end()) + len(name) if inverted else m.end()
        cites, cites_end = cites_after(max(name_end, m.end()))
        k = text.rfind(name, 0, m.start())
        start = m.start() if inverted else _phrase_start(text, k, lex) if k >= 0 else b_start
        if not inverted and text[start:m.start()].rstrip().endswith(",") and text[:start].rstrip().endswith(","):
            # "The vice president of the union, Elias Vrettakos, told": the title is the speaker's too
            head, h_start = _clause_before(text, text[:start].rstrip().rfind(","), lex)
            start = h_start if len(head.split()) <= _MAX_WORDS and _noun_phrase(head, lex) else start
        span = (start, max(name_end, cites_end, m.end()))
        if cue in tell and not inverted:
            # "told the Standard:", "told CNN that": whom it was told is part of the attribution
            told = re.match(r"\s+(?:the\s+)?[A-ZА-ЯЁ][\w.-]*(?:\s+[A-ZА-ЯЁ][\w.-]*)*", text[m.end() :])
            span = (start, max(span[1], m.end() + told.end())) if told else span
            rec = re.match(r"\s+([A-ZА-ЯЁ][\w.-]*(?:\s+[A-ZА-ЯЁ][\w.-]*)*)", text[m.end() :])
            if rec and (rec.group(1) in lex.agencies or len(rec.group(1).split()) <= 3):
                speakers.append(Speaker(m.start(), rec.group(1), cue, (name,) + cites, span))
                continue
        speakers.append(Speaker(m.start(), name, cue, cites, span))
    if not speakers:
        return None
    speakers.sort(key=lambda s: s.pos)
    chain: list[str] = []
    for sp in reversed(speakers):
        for who in (sp.name, *sp.cites):
            if who and who not in chain:
                chain.append(who)
    cue = "; ".join(sp.cue + (", citing" if sp.cites and sp.cue not in ("cited by", *tell) else "") for sp in reversed(speakers))
    reason = " then ".join(f"'{sp.name}' ({sp.cue})" for sp in reversed(speakers))
    spans = tuple(sorted(sp.span for sp in speakers))
    return FoundAttribution(Attribution(tuple(chain), cue), speakers[0].pos, f"read right to left: {reason}", spans)


_EDGE_PUNCT = " \t,;:—–-"
# a wire dateline opening the lede: "DORVIK, March 14 (Vestpress) - ", "MOSCOW -- "
_DATELINE = re.compile(r"^[A-ZА-ЯЁ][A-ZА-ЯЁ .'’-]{3,}(?:,[^()]{0,40})?\s*(?:\([^()]{1,40}\))?\s*(?:--|[-–—])(?:\s+|$)")
_LEAD_WORDS = 4  # words before the attribution that make a statement of their own
_MIN_SAID = 3  # fewer words ("Об этом", "So far") say nothing of their own


def what_was_said(text: str, spans: Sequence[tuple[int, int]], lex: Lexicon) -> str:
    """The words of a sentence outside its attribution: what the speaker is credited with.

    "CONTENT, X said, hours after ..." and "CONTENT, according to X" keep the main clause before
    the attribution, since what trails it there is background. "X said (on Monday that) CONTENT",
    "According to X, CONTENT" and "When asked, X said CONTENT" keep the longest stretch after it
    ('Police said the boy "was treated", Cincinnati.com reported': the words between the two).
    Empty when the sentence says nothing besides who spoke ("Об этом сообщила пресс-служба").
    """
    if not spans:
        return ""
    pieces, pos = [], 0
    for start, end in sorted(spans):  # the stretches no speaker's words cover
        pieces.append(text[pos:start] if start > pos else "")
        pos = max(pos, end)
    pieces.append(text[pos:])
    lead = _trim(pieces[0])
    subordinate = _words_of(lex, "subordinators")
    channels = tuple(_words_of(lex, "channel_tails"))
    words = lead.split()
    if words and words[-1].lower() in _words_of(lex, "coordinators"):
        words = []  # "The Red Sox made an offer, but sources say it is less": the clause after is theirs
    opening = words[0].lower() if words else ""
    participle = opening.endswith(tuple(lex.attribution("participle_endings"))) and words[0][:1].isupper()
    # "In a telephone interview, Dr. Schwartz said that ...": a short prepositional opener says
    # where or when, not what ("In Nice, 84 people were killed, officials said" has its comma inside)
    adverbial = (
        opening in _words_of(lex, "adverbial_openers") and "," not in lead and len(words) <= 6
        and not any(ch.isdigit() for ch in lead) and not lead.lower().startswith(("at least", "at most"))
    )  # fmt: skip
    if len(words) >= _LEAD_WORDS and not (opening in subordinate or participle or adverbial or lead.lower().startswith(channels)):
        return lead  # not "When reached on Saturday,", "Declaring the release significant,", "In a statement"
    rest = [_trim(_past_opener(piece, lex)) for piece in pieces[1:]]
    for said in (max(rest, key=lambda r: len(r.split()), default=""), lead):
        if len(said.split()) >= _MIN_SAID:
            return said
    return ""


def _past_opener(piece: str, lex: Lexicon) -> str:
    """The words after "that" when it opens the clause: "announced on Saturday afternoon that it would ..."."""
    words = piece.lstrip(_EDGE_PUNCT).split()
    opener = _words_of(lex, "complementizers")
    # "said in a statement posted on the temple's Facebook page and emailed to the AP that ...":
    # a channel phrase may run long before its "that"
    channel = " ".join(words).lower().startswith(tuple(_words_of(lex, "channel_tails")))
    channel = channel or (bool(words) and words[0].lower() in _words_of(lex, "document_participles"))  # "[said in a statement] posted on ..."
    for i, word in enumerate(words[: 20 if channel else 9]):
        if word.lower().strip(",") in opener:
            return " ".join(words[i + 1 :])
        if word.endswith(","):  # "had not been charged, but that ...": past the clause already
            break
    return piece


def _trim(said: str) -> str:
    """Drop the commas, dashes and stops at a statement's edges; keep a closing quote its opener needs."""
    said = re.sub(r"[,.;:]+(\s*[\"”»])\s*$", r"\1", _DATELINE.sub("", said.strip()))
    said = said.strip(_EDGE_PUNCT).rstrip(".!?" + _EDGE_PUNCT)
    if said.count('"') % 2:  # a quote the attribution cut in two
        said = said[:-1] if said.endswith('"') else said + '"'
    for opens, closes in ("«»", "“”"):
        if said.count(opens) > said.count(closes):
            said += closes
        elif said.count(closes) > said.count(opens) and said.endswith(closes):  # opened in the sentence before
            said = said[:-1]
    for opens, closes in (("'", "'"), ("‘", "’")):  # apostrophes inside words make counting useless
        if said.startswith(opens) and not said.endswith(closes):
            said += closes
    return said


def _apposition(
    text: str, prev: str, p_start: int, lex: Lexicon, speaker_after: bool
) -> tuple[str, int] | None:
    """The speaker of "..., PREV, said", where the clause right before the verb is empty.

    "The vice president of the union, Elias Vrettakos, told Sky News": PREV, a name after its
    title. "Jim Steyer, chief executive of Common Sense, said", "Ольга Грибова, которая живёт в
    Эстмаре, рассказала", "Mirwais Rabee, the head of health in Balkh Province, which includes
    Mazar-i-Sharif, said": the name that PREV (a description or a relative clause) follows, up to
    three phrases back. A speaker after the verb wins: "He died in Springfield, Missouri, on
    Monday, said a spokesman".
    """
    if not prev.split() or _predicate(prev, lex):
        return None  # "..., were also killed, said the ministry": a predicate, no apposition
    relative = _relative_word(prev.split()[0], lex)
    head, h_start = _clause_before(text, text.rfind(",", 0, p_start), lex)
    intro = text[:h_start].strip()
    opens = not intro or (intro.endswith(",") and len(intro.split()) <= 5) or intro.endswith(_QUOTE_ENDS)
    if speaker_after and not (opens and _noun_phrase(head, lex)):
        return None
    candidate = _clean(prev, lex)
    describes = relative or prev.strip()[:1].islower() or _titled(candidate)
    if not describes:
        if len(candidate.split()) > 1 and _name_like(candidate) and _plausible(candidate, lex):
            return candidate, p_start  # not "Erie, Pennsylvania," nor "two ministers, A and B,"
        return None
    subordinate = _words_of(lex, "subordinators") - _words_of(lex, "coordinators")
    pos, first = p_start, None
    for _ in range(3):  # "Laurence Mark, a co-producer of the telecast, with Bill Condon, said"
        comma = text.rfind(",", 0, pos)
        if comma < 0:
            break
        head, h_start = _clause_before(text, comma, lex)
        short = _shorten(head, lex) or ""
        if not short.split() or head.split()[0].lower() in subordinate or _predicate(short, lex):
            break  # "If anything, ...", "Around 40 houses were damaged, ..." (but "But Amir Peretz, ...")
        if short.split()[0].lower() in _words_of(lex, "adverbial_openers") or short.strip().isdigit():  # "30," an age
            if not text[:h_start].strip():
                break  # "In his own words, he said ...": the sentence opens with an adverbial
            pos = h_start  # "Martin Bamford, 30, from Croydon, who was injured, said": a description
            continue
        head_name = _clean(short, lex)
        if _name_like(head_name) and _plausible(head_name, lex):
            return head_name, h_start
        first = first or ((head_name, h_start) if _plausible(head_name, lex) else None)
        if not (_titled(head_name) or _relative_word(head.split()[0], lex)):
            break
        pos = h_start
    # no name: the body or role the description follows ("The union, at loggerheads with the
    # studios, said"), unless the description itself names it ("Sheila E, Prince's drummer,")
    return first if first and (relative or prev.strip()[:1].islower()) else None


def _words_of(lex: Lexicon, key: str) -> frozenset[str]:
    """One attribution word list of the lexicon, lower-cased, as a set (built once per language:
    the rules ask for these lists word by word)."""
    return _word_set(lex.lang, key)


@lru_cache(maxsize=256)
def _word_set(lang: str, key: str) -> frozenset[str]:
    # load_lexicon makes one Lexicon per language, so the language names the lists
    return frozenset(w.lower() for w in load_lexicon(lang).attribution(key))


def _relative_word(word: str, lex: Lexicon) -> bool:
    """"who", "which", "который", and "where" in "Bountiful, where Blackmore is the superintendent,"."""
    return bool(lex.relative and lex.relative.fullmatch(word)) or word.lower() in lex.attribution("relative_adverbs")


def _predicate(phrase: str, lex: Lexicon) -> bool:
    """A clause's predicate ("were also killed", "but it will also intensify"): an auxiliary before
    any relative pronoun. "a venture capitalist who was an early employee" describes someone."""
    for word in phrase.split():
        if _relative_word(word, lex):
            return False
        if word.lower() in _words_of(lex, "auxiliaries"):
            return True
    return False


def _clause_verb(word: str, lex: Lexicon) -> bool:
    """An auxiliary ("were") or a lower-case past form ("lived", "crashed"): a clause's verb, which
    no speaker's name or title holds."""
    low = word.lower()
    past = tuple(lex.attribution("past_suffixes"))
    return low in _words_of(lex, "auxiliaries") or (bool(past) and word[:1].islower() and len(word) > 4 and low.endswith(past))


def _noun_phrase(phrase: str, lex: Lexicon) -> bool:
    """Whether a phrase can be a name or a title ("Her lawyer", "Jim Steyer"), not a clause ("Around
    40 houses were damaged") nor an adverbial ("In a village in Bener Meriah district")."""
    words = phrase.split()
    first = words[0].lower() if words else ""
    return (
        0 < len(words) <= 12
        and first not in _words_of(lex, "adverbial_openers")
        and not any(_clause_verb(w, lex) for w in words)
    )


def _name_like(phrase: str) -> bool:
    """A person's or body's name: up to five capitalised words, joiners allowed ("Eyda Varela de Chinchilla")."""
    words = phrase.split()
    return 0 < len(words) <= 5 and all(w[:1].isupper() or w.lower() in _NAME_JOINERS for w in words)


def _speaker_after(text: str, pos: int, lex: Lexicon, stops: list[re.Pattern[str] | None]) -> bool:
    """Whether a speaker phrase follows the verb and closes the clause: "..., said witness Angela Benson."

    Not "said the charter crashed shortly after take-off" nor "said five villages were hit." (a
    clause: its verb shows as an auxiliary or a past form), nor "said in a statement." (where).
    """
    raw = _clause_after(text, pos, lex, stops)
    rest = text[pos + len(raw) :].lstrip()
    if rest and rest[0] not in ",.;:!?)" and not rest.startswith(("—", "–", "-")):
        return False
    words = raw.split()
    pronouns = {w.lower() for key in ("personal_pronouns", "possessive_pronouns") for w in lex.attribution(key)}
    if not words or len(words) > _MAX_WORDS or words[0].lower() in _words_of(lex, "adverbial_openers") | pronouns:
        return False  # "said on Twitter.", "said her death was ..."
    if any(_clause_verb(w, lex) for w in words):
        return False
    return _plausible(_clean(raw, lex), lex)


def _titled(phrase: str) -> bool:
    """A description rather than a name: "Prince's former drummer", "CEO of SpaceX and Tesla"."""
    return bool(re.search(r"['’]s\b", phrase)) or any(w[:1].islower() for w in phrase.split()[1:])


def _phrase_start(text: str, pos: int, lex: Lexicon, most: int = 3) -> int:
    """Where the speaker's phrase opens, when a name found at pos follows a few words of its own.

    "..., the presidential press service said" and '..." psychologist Jean Twenge, author of ...':
    up to `most` words before the name belong to it when a clause boundary (or the sentence's
    start) comes right before them; "after what Israel says" has none, so "Israel" starts there.
    """
    m = re.search(rf"(?:^|[,;:\"”»(—–]\s*)((?:[^\s,;:\"”»(—–]+\s+){{1,{most}}})$", text[:pos])
    coordinators = _words_of(lex, "coordinators")
    if not m or any(w.lower() in coordinators for w in m.group(1).split()):
        return pos  # "..., but sources close to the talks say": "but" joins clauses, it is no title
    return pos - len(m.group(1))


def _end_of(text: str, phrase: str, pos: int) -> int:
    """Where `phrase` (a cleaned speaker, found at or after pos) ends in text; pos when it is not there."""
    k = text.find(phrase, pos)
    return k + len(phrase) if k >= 0 else pos


def find_hedge(text: str, lex: Lexicon) -> tuple[str, int] | None:
    """The first hedge cue in a sentence ('reportedly', 'якобы') and its offset."""
    if lex.hedges is None:
        return None
    m = lex.hedges.search(text)
    return (m.group(), m.start()) if m else None
