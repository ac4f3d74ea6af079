"""Events (arrest, sentence, pardon, release, transfer, talks, sanctions, ...) with who and where.

Triggers are per-language regexes in the lexicon. Who and where are surface names: capitalised
word runs near the trigger, titles trimmed ("Belarusian President Alexander Lukashenko" ->
"Alexander Lukashenko"); an entity resolver elsewhere decides who they are.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from consilience.extract.lexicon import Lexicon, load_lexicon
from consilience.wordlists import stopwords

_CAP = re.compile(r"[A-ZА-ЯЁІЇЄЎ][\w’'-]*(?:\s+[A-ZА-ЯЁІЇЄЎ][\w’'-]*)*")
# Lower-case words inside one clause: no clause punctuation, no capital (so no other name).
_PLAIN = r"[^,;:.!?()A-ZА-ЯЁІЇЄЎ]*"
_COMMA_AFTER_PLAIN = re.compile(rf"{_PLAIN},\s*")  # "Union, who" / "Союза учителей, который"
_APPOSITION = re.compile(rf"\s*,{_PLAIN}")  # ", the former head of the "
_PLAIN_TAIL = re.compile(rf"\s*{_PLAIN}")  # ", has " between a closed clause and its trigger
_WINDOW = 90


@dataclass(frozen=True, slots=True)
class Name:
    """A capitalised name run in a sentence (offsets relative to the sentence)."""

    start: int
    end: int
    text: str


@dataclass(frozen=True, slots=True)
class Event:
    """One event trigger with the names around it; offsets relative to the sentence."""

    start: int
    end: int
    event_type: str
    trigger: str
    actors: tuple[str, ...]
    where: str | None
    reason: str
    # (start, end, role) of each actor in the sentence, role "subject", "object" or "agent" (after
    # "by"): lets a later step ground the names in typed mentions (see extract/actors.py)
    actor_spans: tuple[tuple[int, int, str], ...] = ()
    roles: tuple[str, ...] = ()  # the role of each of `actors`, in order


def find_names(text: str, lex: Lexicon) -> list[Name]:
    """Capitalised runs minus leading fillers, function words, titles, months and weekdays."""
    stop = {w.lower() for w in lex.get("name_stopwords", [])}
    titles = {w.lower() for w in lex.get("titles", [])}
    calendar = {w.lower() for w in [*lex.get("months", {}), *lex.get("weekdays", {})]}
    # "Every", "Within" open sentences in capitals: the story stage's function-word lists (all
    # shipped languages) keep them from reading as names.
    function_words = stopwords()
    out: list[Name] = []
    for m in _CAP.finditer(text):
        words = m.group().split()
        offs, pos = [], m.start()
        for w in words:
            pos = text.index(w, pos)
            offs.append(pos)
            pos += len(w)
        keep = 0
        for idx, w in enumerate(words):
            if w.lower() in stop or w.lower() in titles:
                keep = idx + 1
        words, offs = words[keep:], offs[keep:]
        while words and (
            words[0].lower().rstrip(".") in calendar
            or words[0].lower() in stop
            or words[0].lower() in function_words
        ):
            words, offs = words[1:], offs[1:]
        if not words:
            continue
        name = " ".join(words)
        name = re.sub(r"[’']s?$", "", name)
        if name.lower() in calendar or len(name) < 2 or re.search(r"-[a-zа-я]", name):
            continue
        out.append(Name(offs[0], offs[0] + len(name), name))
    return out


def _where(text: str, names: list[Name], trig_end: int, lex: Lexicon) -> str | None:
    """A place after a locative preposition ('in Minsk', 'to Lithuania'), nearest after the trigger."""
    preps = "|".join(re.escape(p) for p in lex.get("locative", []))
    if not preps:
        return None
    best: tuple[int, str] | None = None
    for n in names:
        before = text[max(0, n.start - 8) : n.start]
        if re.search(rf"(?<!\w)(?:{preps})\s+(?:the\s+)?$", before, re.IGNORECASE):
            dist = n.start - trig_end if n.start >= trig_end else (trig_end - n.end) * 3
            if dist <= _WINDOW * 2 and (best is None or dist < best[0]):
                best = (dist, n.text)
    return best[1] if best else None


def _closed_relative(gap: str, rel: re.Pattern[str]) -> bool:
    """Whether the words between a name and a trigger are a whole relative clause set off by
    commas, then the trigger's own plain words: "Velesk[, who has ruled Varnia since 2011, has]
    released" (the names inside the clause are not the subject)."""
    opens = re.match(r"\s*,\s*", gap)
    if not opens or not rel.match(gap, opens.end()) or re.search(r"[;:!?()]", gap):
        return False
    close = gap.rfind(",")
    return close > opens.end() and _PLAIN_TAIL.fullmatch(gap, close + 1) is not None


def _inside_relative(text: str, near: Name, trigger: int, lex: Lexicon) -> bool:
    """Whether the name nearest a trigger sits inside a whole relative clause that ends right
    before it: "The man, who said he had been kidnapped by Boko Haram, was detained" detains the
    man (named by no capitalised run), not Boko Haram."""
    rel = lex.relative
    if rel is None:
        return False
    # the comma that opens the clause: the last one before the name that a relative pronoun follows
    opens = [c.start() for c in re.finditer(r",\s*", text[: near.start]) if rel.match(text, c.end())]
    return bool(opens) and _closed_relative(text[opens[-1] : trigger], rel)


def _subject(text: str, before: list[Name], trigger: int, lex: Lexicon) -> Name:
    """The name a trigger's clause is about, among the names before it (nearest first).

    "Stsiapan Hrybau, the former head of the Teachers' Union, who was arrested": a relative
    clause ("who ...") after an apposition ("the former head of ...") is about the name the
    apposition describes, not the name inside it. A name followed by a whole relative clause
    and then the trigger ("Velesk, who has ruled Varnia since 2011, has released") is the subject.
    """
    near = before[-1]
    rel = lex.relative
    if rel is None or len(before) < 2:
        return near
    for head in reversed(before[:-1]):
        if _closed_relative(text[head.end : trigger], rel):
            return head
    gap = text[near.end : trigger]
    opens = _COMMA_AFTER_PLAIN.match(gap)
    if not opens or not rel.match(gap, opens.end()):
        return near
    head = before[-2]
    # one comma opens the apposition, and it holds no other name or clause
    return head if _APPOSITION.fullmatch(text, head.end, near.start) else near


@dataclass(frozen=True, slots=True)
class _Vocabulary:
    """The words the event rules below ask about, compiled once per language from its lexicon
    (they run for every trigger of every sentence)."""

    agent: re.Pattern[str] | None  # "pardoned by", "a pardon signed by": the name after did it
    auxiliaries: frozenset[str]  # forms of "be" that make a trigger passive
    exclusions: dict[str, re.Pattern[str]]  # per type, phrases in which the trigger is no event
    clause_start: re.Pattern[str] | None  # words that open a new clause (its own negation)
    not_negations: re.Pattern[str] | None  # "no fewer than", «не менее»: approximations
    negations: frozenset[str]
    negation_window: int
    hypotheticals: frozenset[str]
    list_start: re.Pattern[str] | None  # "are", "were", «были» or a dash right after a trigger
    list_joiners: re.Pattern[str]  # commas, "and", «и» between the items of a list
    articles: re.Pattern[str] | None  # "the former head of ...": an apposition, not an item


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))


@lru_cache(maxsize=16)
def _vocabulary(lang: str) -> _Vocabulary:
    lex = load_lexicon(lang)

    def words(key: str) -> list[str]:
        return list(lex.get(key, []))

    def any_of(found: list[str]) -> re.Pattern[str] | None:
        body = _alternation(found)
        return re.compile(rf"(?<!\w)(?:{body})(?!\w)", re.IGNORECASE) if body else None

    markers = _alternation(words("agent_markers"))
    cues = _alternation(words("list_cues"))
    joiners = _alternation(words("list_joiners"))
    articles = _alternation(words("articles"))
    return _Vocabulary(
        agent=re.compile(rf"\s*(?:\w+(?:ed|en)\s+)?(?:{markers})\s+(?:[\w.]+\s+){{0,2}}") if markers else None,
        auxiliaries=frozenset(w.lower() for w in words("passive_auxiliaries")),
        exclusions={
            etype: re.compile("|".join(f"(?:{p})" for p in pats), re.IGNORECASE)
            for etype, pats in lex.get("event_exclusions", {}).items()
            if not etype.startswith("_") and pats
        },
        clause_start=any_of(
            [*lex.attribution("clause_words"), *words("relative_pronouns"), *words("clause_openers")]
        ),
        not_negations=any_of(words("not_negations")),
        negations=frozenset(words("event_negations")),
        negation_window=int(lex.get("negation_windows", 0)),
        hypotheticals=frozenset(words("event_hypotheticals")),
        list_start=re.compile(rf"\s*(?:[—–]|(?:{cues})(?!\w))", re.IGNORECASE) if cues else None,
        list_joiners=re.compile(rf",|\s(?:{joiners})\s" if joiners else ",", re.IGNORECASE),
        articles=re.compile(rf"\s*(?:{articles})\s", re.IGNORECASE) if articles else None,
    )


def _agent_phrase(text: str, trig_end: int, name_start: int, lex: Lexicon) -> bool:
    """Whether a passive agent marker ("by") ties the name after a trigger to the trigger itself:
    "pardoned by", "a pardon signed by" (one participle between), then at most a title or two.
    In "the release followed a visit by X" the "by" belongs to the visit."""
    agent = _vocabulary(lex.lang).agent
    return agent is not None and agent.fullmatch(text, trig_end, name_start) is not None


def _passive(text: str, trig_start: int, lex: Lexicon) -> bool:
    """Whether a form of "be" (one adverb allowed) stands right before the trigger: "was freed"."""
    aux = _vocabulary(lex.lang).auxiliaries
    words = re.findall(r"\w+", text[max(0, trig_start - 30) : trig_start].lower())[-2:]
    return bool(words) and (words[-1] in aux or (len(words) == 2 and words[0] in aux and words[1].endswith("ly")))


def _title_case(text: str) -> bool:
    """A headline in Title Case ("Velesk Pardons 87 Prisoners after Talks"): its content words
    are capitalised. Names alone do not make a sentence one: it keeps lower-case content words."""
    function_words = stopwords()
    content = [w.strip(".,;:!?\"'“”«»()") for w in text.split()]
    content = [w for w in content if len(w) >= 4 and w.lower() not in function_words]
    return bool(content) and sum(w[:1].isupper() for w in content) >= 0.8 * len(content)


_CLAUSE_BREAK = re.compile(r"[,;:()—–]")  # punctuation that ends a trigger's own clause


def _denied_or_hypothetical(text: str, start: int, lex: Lexicon) -> bool:
    """'have not been released', 'no fighters were released', 'could be jailed': the sentence
    says the event did not or may not happen. Looked for among the last words of the trigger's
    own clause ("did not say whether the release ..." negates the saying), with approximations
    ("no fewer than", «не менее») taken out first."""
    v = _vocabulary(lex.lang)
    # a typographic apostrophe ("wasn’t") is one for the "n't" test
    clause = _CLAUSE_BREAK.split(text[:start])[-1].replace("’", "'")
    if v.clause_start is not None:
        clause = v.clause_start.split(clause)[-1]
    if v.not_negations is not None:
        clause = v.not_negations.sub(" ", clause)
    words = re.findall(r"[\w']+", clause)
    window = words[-v.negation_window :] if v.negation_window else []
    if any(w.lower() in v.negations or w.lower().endswith("n't") for w in window):
        return True
    # modals are lower-case words: "May 2020" is a month, not "may"
    return any(w in v.hypotheticals for w in words[-3:])


def _still_to_come(text: str, end: int, lex: Lexicon) -> bool:
    """A named event whose own verb is a modal: "talks on the crisis would be held", "the release
    will take place". The modal is looked for among the first words after the trigger, in its
    clause."""
    v = _vocabulary(lex.lang)
    clause = _CLAUSE_BREAK.split(text[end:])[0]
    return any(w in v.hypotheticals for w in re.findall(r"[\w']+", clause)[:4])


def _not_an_event(text: str, m: re.Match[str], etype: str, lex: Lexicon, title_case: bool) -> bool:
    """A trigger word used otherwise: inside a name ("Joshua Freed", "the Stock Exchange": a
    capitalised trigger inside a sentence that is not in Title Case), denied or only possible
    ("were not released", "could be jailed"), or inside a phrase the lexicon lists for its type
    ("released a statement", "money transfers", "signed into law")."""
    if not title_case and m.group()[:1].isupper() and text[: m.start()].strip(" \"'“«(—-"):
        return True
    if etype != "statement" and (
        _denied_or_hypothetical(text, m.start(), lex) or _still_to_come(text, m.end(), lex)
    ):
        return True
    rx = _vocabulary(lex.lang).exclusions.get(etype)
    return rx is not None and any(x.start() <= m.start() and m.end() <= x.end() for x in rx.finditer(text))


# Events in which every party named takes part, so "A and B" after the trigger are all actors.
_SHARED = frozenset({"meeting", "agreement"})


def _joined_after(text: str, first: Name, after: list[Name], lex: Lexicon) -> list[Name]:
    """The names that follow `first` joined to it by "and" (or a comma), in order: "between
    Velesk and Brakely", «между Велеском и Брейкли»."""
    joiners = _vocabulary(lex.lang).list_joiners
    out, last = [], first
    for n in after:
        if n.start <= last.start:
            continue
        gap = f" {text[last.end : n.start]} "  # the joiner's own spaces: " and "
        if not joiners.search(gap) or joiners.sub(" ", gap).strip():
            break  # "between A and B", "A, B and C": only joiners between them
        out.append(n)
        last = n
    return out


def _listed(text: str, names: list[Name], trig_end: int, lex: Lexicon) -> list[Name]:
    """The names of a list the trigger introduces: "among those freed are X, ..., and Y",
    "среди освобождённых — X": a copula or a dash right after the trigger, then names up to the
    end of the sentence (commas and apposition words between them are part of the list)."""
    v = _vocabulary(lex.lang)
    if v.list_start is None or not v.list_start.match(text, trig_end):
        return []
    stop = re.search(r"[;!?]|\.\s", text[trig_end:])
    end = trig_end + stop.start() if stop else len(text)
    # one item per stretch between commas and "and": its last name is the head ("бывший
    # председатель Союза учителей Варнии Степан Грибов" is Грибов, not the union)
    seps = [(x.start(), x.end()) for x in v.list_joiners.finditer(text, trig_end, end)]
    stretches = zip([trig_end, *(b for _, b in seps)], [*(a for a, _ in seps), end])
    items: list[Name] = []
    for lo, hi in stretches:
        inside = [n for n in names if lo <= n.start and n.end <= hi]
        # an item ends its stretch ("one of the laureates Ales Bialiatski"); a name with words
        # after it, or a stretch opening with an article ("the former head of the Union"), is
        # a description of the item before
        described = v.articles is not None and v.articles.match(text, lo, hi)
        if not inside or text[inside[-1].end : hi].strip(" .,'’\"»”") or described:
            continue
        items.append(inside[-1])
    return items


def find_events(text: str, lex: Lexicon) -> list[Event]:
    """Event triggers in one sentence, one per type, with nearby names and place."""
    names = find_names(text, lex)
    title_case = _title_case(text)
    breaks = lex.object_breaks
    speech = [m.start() for etype, rx in lex.events if etype == "statement" for m in rx.finditer(text)]
    # "X saw how ...", "X видел, как ...": a complement clause opens; its events have their own
    # subjects, so names before the opener are not theirs (as with a reporting verb)
    openers = "|".join(re.escape(w) for w in lex.get("clause_openers", []))
    if openers:
        speech += [m.start() for m in re.finditer(rf",\s*(?:{openers})(?!\w)", text, re.IGNORECASE)]
    out: list[Event] = []
    seen: set[str] = set()
    for etype, rx in lex.events:
        for m in rx.finditer(text):
            if etype in seen:
                break
            if _not_an_event(text, m, etype, lex, title_case):
                continue
            where = _where(text, names, m.end(), lex)
            before = [n for n in names if n.end <= m.start() and m.start() - n.end <= _WINDOW]
            if etype != "statement":
                # "Viasna said 40 people were released": a name before a reporting verb (or a
                # clause opener) that stands between it and the trigger is not who acted
                said = [p for p in speech if p < m.start()]
                before = [n for n in before if not said or n.start > max(said)]
            else:
                # "X pardoned 123, said the press service": after a comma or dash the reporting
                # verb is inverted, its speaker follows it and the names before are what was said
                before = [n for n in before if not re.search(r"[,—–]", text[n.end : m.start()])]
            # an object follows its trigger inside one clause: "release of X, Washington decided" names no object
            after = [
                n
                for n in names
                if n.start >= m.end()
                and n.start - m.end() <= _WINDOW // 2
                and not re.search(r"[,;:]", text[m.end() : n.start])
                # "the pardon came a day after Owen Brakely ...": a name past a conjunction
                # opens another clause; it is not what was pardoned
                and not (breaks and breaks.search(text, m.end(), n.start))
            ]
            actors: list[tuple[Name, str]] = []
            # "since his arrest": the arrest is of whoever "his" points to, not of a name before
            owned = text[max(0, m.start() - 8) : m.start()].split()[-1:]
            if owned and owned[0].lower() in lex.attribution("possessive_pronouns"):
                before = []
            subject = _subject(text, before, m.start(), lex) if before else None
            if subject is not None and not (subject is before[-1] and _inside_relative(text, subject, m.start(), lex)):
                actors.append((subject, "subject"))
            # "sentenced the Varnian journalist Ilya Vartanov": a lone capitalised word right before
            # a lower-case noun is an adjective; a full name further on in the clause is the object
            full = (
                [n for n in after[1:3] if " " in n.text and " " not in after[0].text]
                if after
                else []
            )
            obj = (
                full[0]
                if full and text[after[0].end : after[0].end + 2].strip()[:1].islower()
                else None
            )
            obj = obj or (after[0] if after else None)
            if obj and _agent_phrase(text, m.end(), obj.start, lex):
                # "pardoned by President Velesk", "a pardon signed by Velesk": the name after "by"
                # did it. A passive subject ("Hrybau was pardoned by ...") is who it was done to;
                # any other name before belongs to another verb ("Varnia released 87 prisoners
                # under a pardon signed by Velesk": Varnia pardoned no one).
                passive = _passive(text, m.start(), lex)
                patient = [a for a in actors if passive]
                actors = [(obj, "agent"), *[(n, "object") for n, _ in patient]]
            elif obj:
                actors.append((obj, "object"))
                if etype in _SHARED:  # "talks between Velesk and Brakely": every party takes part
                    actors += [(n, "object") for n in _joined_after(text, obj, after, lex)]
            # "Among those freed are X, ..., and Y": every name of the list is what was done to
            actors += [(n, "object") for n in _listed(text, names, m.end(), lex) if n is not obj]
            kept: dict[str, tuple[int, int, str]] = {}
            for name, role in actors:
                if name.text != where and name.text not in kept:
                    kept[name.text] = (name.start, name.end, role)
            seen.add(etype)
            out.append(
                Event(
                    m.start(),
                    m.end(),
                    etype,
                    m.group(),
                    tuple(kept),
                    where,
                    f"trigger '{m.group()}' ({etype} lexicon)",
                    tuple(kept.values()),
                    tuple(role for _, _, role in kept.values()),
                )
            )
    out.sort(key=lambda e: e.start)
    return out
