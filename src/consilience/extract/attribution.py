"""Who says so, and how sure: attribution chains and hedges in one sentence.

A chain is written outermost first: in "..., DPA reported, citing authorities, BTA reports." the
reader gets it from BTA, which got it from DPA, which got it from the authorities, so the chain is
("BTA", "DPA", "authorities"). Trailing reporting clauses are read right to left for that reason;
each speaker is followed by whom it cites. Speakers are surface phrases; resolving them to
entities is the resolver's job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from consilience.extract.lexicon import Lexicon
from consilience.model import Attribution

_MAX_WORDS = 10
_NAME_JOINERS = frozenset({"of", "for", "de", "del", "van", "von", "al", "bin"})
_AFTER_STOPS = (",", ";", ":", "(", " — ", " – ", " - ", ".", "!", "?")


@dataclass(frozen=True, slots=True)
class Speaker:
    """One reporting source found in a sentence, with whom it cites."""

    pos: int
    name: str
    cue: str
    cites: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class FoundAttribution:
    """The sentence's attribution and the reason it was read that way."""

    attribution: Attribution
    start: int
    reason: str


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
    # "Police have (said)", "МВД также (сообщило)": the verb's auxiliaries and adverbs, not the name
    trailing = sorted(lex.attribution("trailing_drop"), key=len, reverse=True)
    changed = True
    while changed and name:
        changed = False
        for w in trailing:
            if name.lower().endswith(" " + w):
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
    coordinators = {w.lower() for w in lex.attribution("coordinators")}
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

    def cites_after(pos: int) -> tuple[str, ...]:
        m = citing.match(text, pos + len(text[pos:]) - len(text[pos:].lstrip(" ,"))) if citing else None
        if not m:
            return ()
        who = _clean(_clause_after(text, m.end(), lex, [verbs]), lex)
        used.append((m.start(), m.end() + len(who) + 1))
        return (who,) if who else ()

    for m in cited_by.finditer(text) if cited_by else ():
        origin, o_start = _clause_before(text, m.start(), lex)
        outlet = _clean(_clause_after(text, m.end(), lex, [*stops, weak]), lex)
        origin = _clean(origin, lex)
        if origin and outlet:
            speakers.append(Speaker(o_start, outlet, m.group().lower(), (origin,)))
            used.append((o_start, m.end() + len(outlet) + 1))
    for m in according.finditer(text) if according else ():
        src = _clean(_clause_after(text, m.end(), lex, stops), lex)
        # "according to plan" credits no one: the source must name someone (see _plausible)
        if src and _plausible(src, lex):
            end = m.end() + len(src) + 1
            speakers.append(Speaker(m.start(), src, m.group().lower(), cites_after(end)))
            used.append((m.start(), end))
    not_after = {w.lower() for w in lex.attribution("not_reporting_after")}
    for m in verbs.finditer(text) if verbs else ():
        if any(s <= m.start() < e for s, e in used) or _negated(text, m.start(), negations):
            continue
        before_word = text[max(0, m.start() - 20) : m.start()].split()[-1:]
        if before_word and before_word[0].lower() in not_after:
            continue  # "is yet to be announced", "an estimated $5 billion": passive or adjective
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
            elif (
                (lex.relative and lex.relative.match(prev.strip())) or prev.strip()[:1].islower()
            ) and text[:p_start].rstrip().endswith(","):
                # "Ольга Грибова, которая живёт в Эстмаре, рассказала", "Jim Steyer, chief executive
                # of Common Sense, said": the speaker is the name the relative clause or the
                # apposition describes, not the recipient after the verb
                head, h_start = _clause_before(text, text.rfind(",", 0, p_start), lex)
                head_name = _clean(_shorten(head, lex) or "", lex)
                if _plausible(head_name, lex):
                    name, b_start = head_name, h_start
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
        cites = cites_after(max(name_end, m.end()))
        if cue in tell and not inverted:
            rec = re.match(r"\s+([A-ZА-ЯЁ][\w.-]*(?:\s+[A-ZА-ЯЁ][\w.-]*)*)", text[m.end() :])
            if rec and (rec.group(1) in lex.agencies or len(rec.group(1).split()) <= 3):
                speakers.append(Speaker(m.start(), rec.group(1), cue, (name,) + cites))
                continue
        speakers.append(Speaker(m.start(), name, cue, cites))
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
    return FoundAttribution(Attribution(tuple(chain), cue), speakers[0].pos, f"read right to left: {reason}")


def find_hedge(text: str, lex: Lexicon) -> tuple[str, int] | None:
    """The first hedge cue in a sentence ('reportedly', 'якобы') and its offset."""
    if lex.hedges is None:
        return None
    m = lex.hedges.search(text)
    return (m.group(), m.start()) if m else None
