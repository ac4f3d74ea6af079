"""Quantities, dates, attributions and hedges on sentences composed for the test."""

from __future__ import annotations

import pytest

from consilience.extract.attribution import find_attribution, find_hedge, what_was_said
from consilience.extract.claims import extract_claims
from consilience.extract.dates import find_dates
from consilience.extract.lexicon import load_lexicon
from consilience.extract.quantities import find_quantities

EN, RU = load_lexicon("en"), load_lexicon("ru")


@pytest.mark.parametrize(
    ("sentence", "value", "unit", "approx"),
    [
        ("At least 30 people were detained.", ">=30", "people", True),
        ("Police held more than 120 protesters.", ">120", "protesters", True),
        ("Some 10-15 soldiers were wounded.", "10-15", "soldiers", True),
        ("The war displaced 1.5 million refugees.", "1500000", "refugees", False),
        ("Twenty-three journalists were jailed.", "23", "journalists", False),
        ("He spent 11 years in prison.", "11", "years in prison", False),
        ("Освобождены 123 политических заключённых.", "123", "политических заключённых", False),
        ("Задержаны более 120 человек.", ">120", "человек", True),
        ("Десятки журналистов остаются за решёткой.", "20-99", "журналистов", True),
    ],
)
def test_quantity(sentence: str, value: str, unit: str, approx: bool) -> None:
    lex = RU if any("а" <= ch <= "я" for ch in sentence.lower()) else EN
    found = find_quantities(sentence, lex)
    assert [(q.value, q.unit, q.approximate) for q in found] == [(value, unit, approx)]


@pytest.mark.parametrize(
    "sentence",
    ["The 2020 election was rigged.", "At 20:28 the convoy left.", "COVID-19 spread.", "He came 13th.", "Page 65"],
)
def test_not_a_count(sentence: str) -> None:
    assert find_quantities(sentence, EN) == []


def test_relative_dates_anchor_on_publication_and_previous_date() -> None:
    text = "She was detained on Saturday. A year later, in March 2021, she was tried. Two days later she appealed. Yesterday she was freed."
    got = [(d.text, d.value) for d in find_dates(text, "en", "2025-12-10")]
    assert got[0] == ("on Saturday", "2025-12-06")
    assert ("March 2021", "2021-03") in got
    assert ("Two days later", "2021-03-03") in got
    assert got[-1] == ("Yesterday", "2025-12-09")


def test_russian_dates() -> None:
    got = [d.value for d in find_dates("Его задержали 3 мая 2021 года, а в сентябре 2020 года был суд.", "ru", None)]
    assert got == ["2021-05-03", "2020-09"]


def test_chain_outermost_first() -> None:
    found = find_attribution("Ten people died, Interfax reported, citing police, Reuters reports.", EN)
    assert found is not None and found.attribution.chain == ("Reuters", "Interfax", "police")


def test_russian_citing_and_according_to() -> None:
    a = find_attribution("Об этом сообщает ТАСС со ссылкой на пресс-службу Кремля.", RU)
    assert a is not None and a.attribution.chain == ("ТАСС", "пресс-службу Кремля")
    b = find_attribution("По данным правозащитного центра «Вясна», задержаны 30 человек.", RU)
    assert b is not None and b.attribution.origin == "правозащитного центра «Вясна»"


@pytest.mark.parametrize(
    ("sentence", "lang", "said"),
    [
        # speaker first: what follows the verb, past the time words and "that"
        ("Calder announced on Saturday afternoon that it would lift its ban on Varnair.", "en",
         "it would lift its ban on Varnair"),
        ("According to the ministry, 40 people were injured in the blast.", "en", "40 people were injured in the blast"),
        # speaker after the main clause: the main clause, not the background that trails it
        ("Velesk pardoned 87 prisoners on Saturday, the press service said, hours after the envoy left.", "en",
         "Velesk pardoned 87 prisoners on Saturday"),
        ("Ten people died, Interfax reported, citing police, Reuters reports.", "en", "Ten people died"),
        ("DORVIK, March 14 (Vestpress) - Varnia freed 87 prisoners, the interior ministry said.", "en",
         "Varnia freed 87 prisoners"),
        # two speakers: the words between them ("A said X, B reported")
        ('Police said the boy "was treated for serious injuries," the Dorvik Herald reported.', "en",
         'the boy "was treated for serious injuries"'),
        # an opening subordinate clause is when it was said, not what
        ("When reached on Saturday, a spokesman for the mine said the shaft would stay closed.", "en",
         "the shaft would stay closed"),
        ("Mr Brakely told reporters at Dorvik airport on Friday that the talks had been frank.", "en",
         "the talks had been frank"),
        ("In a telephone interview, Dr. Oren Malk said that the girl was in her second year.", "en",
         "the girl was in her second year"),
        ("At least 12 people died, police said on Sunday in a statement.", "en", "At least 12 people died"),
        ("DORVIK, Varnia — Investigators said Monday that strong winds most likely caused the crash.", "en",
         "strong winds most likely caused the crash"),
        ("Rabbi Ilan Rosk said in a statement posted on the temple's Facebook page and emailed to "
         "Vestpress that the family had been active in local groups.", "en",
         "the family had been active in local groups"),
        ('In a statement sent to the Herald, the company said, "We are cooperating with investigators."', "en",
         '"We are cooperating with investigators"'),
        # a quotation keeps both its marks, not the comma inside them
        ('"We will not stop," John Smith said.', "en", '"We will not stop"'),
        ("'It's hard to explain the feeling,' Massa said.", "en", "'It's hard to explain the feeling'"),
        ("«Мы не остановимся», — заявил Песков.", "ru", "«Мы не остановимся»"),
        ("Пресс-секретарь Песков заявил, что встреча прошла конструктивно.", "ru", "встреча прошла конструктивно"),
        # nothing said besides who said it
        ("Об этом сообщает ТАСС со ссылкой на пресс-службу Кремля.", "ru", ""),
    ],
)  # fmt: skip
def test_what_was_said_leaves_out_the_attribution(sentence: str, lang: str, said: str) -> None:
    lex = EN if lang == "en" else RU
    found = find_attribution(sentence, lex)
    assert found is not None
    assert what_was_said(sentence, found.spans, lex) == said


def test_attribution_claim_label_says_what_was_said() -> None:
    text = "The ministry said on Monday that the border crossing at Orlavets would reopen next week."
    claims = [c for c in extract_claims("a1", text, "en", "2026-03-02") if c.kind == "attribution"]
    assert [c.statement for c in claims] == ["ministry (said): the border crossing at Orlavets would reopen next week"]


def test_long_statement_is_cut_at_a_word() -> None:
    text = (
        "The ministry said that the border crossing at Orlavets would reopen next week for trucks, buses "
        "and private cars carrying documents issued before the closure."
    )
    (claim,) = [c for c in extract_claims("a1", text, "en", "2026-03-02") if c.kind == "attribution"]
    label = claim.statement.removeprefix("ministry (said): ")
    assert label.endswith("…") and len(label) <= 91
    assert text.find(label.removesuffix("…")) > 0, "the label is the sentence's own words, cut between words"


@pytest.mark.parametrize(
    ("sentence", "origin"),
    [
        # a title, then the name in apposition: the name speaks, not whom it was told to
        ("The head of the miners' union, Petra Lanska, told Vestpress the shaft had been unsafe.", "Petra Lanska"),
        ("Her lawyer, Oren Maltby, said Wednesday she would appeal.", "Oren Maltby"),
        # a name, then its description: the name
        ("Tova Renn, the mine's former safety chief, said the alarms were switched off.", "Tova Renn"),
        ('"It was an honor to work with him," said Dr. Oren Malk, head of the clinic.', "Dr. Oren Malk"),
        # a clause, not a title, before the name in commas
        ("Officials were still investigating the crash, Enio Varo, director of civil aviation, said.", "Enio Varo"),
        ("That plan was dropped when Ilse K, the band's former drummer, wrote that it was a mistake.", "Ilse K"),
        # the speaker after the verb, with names listed before it
        ("The files also named two ministers, Arvo Tamm and Lenn Sarv, reported the Herald.", "Herald"),
        # a place in apposition is no speaker; the inverted speaker is
        ("If anything, the council has been too slow, said 40-year-old Mira Holt.", "40-year-old Mira Holt"),
        ("If anything, Varnia has been too slow, said 40-year-old Mira Holt.", "40-year-old Mira Holt"),
    ],
)
def test_apposition_names_the_speaker(sentence: str, origin: str) -> None:
    found = find_attribution(sentence, EN)
    assert found is not None and origin in found.attribution.chain


@pytest.mark.parametrize(
    ("sentence", "lang", "origin"),
    [
        ("Калдер в тот же день объявил о снятии запрета на полёты.", "ru", "Калдер"),
        ("The Varnian government on Friday said the border would reopen.", "en", "Varnian government"),
        ("Dorvik Today reports that the border will reopen.", "en", "Dorvik Today"),  # a name, not a time
    ],
)
def test_when_it_was_said_is_not_the_speaker(sentence: str, lang: str, origin: str) -> None:
    found = find_attribution(sentence, EN if lang == "en" else RU)
    assert found is not None and found.attribution.origin == origin


def test_pronoun_and_united_states_are_not_speakers() -> None:
    assert find_attribution("He said nothing about it.", EN) is None
    assert find_attribution("Talks with the United States resumed.", EN) is None


@pytest.mark.parametrize(
    "sentence, lex",
    [
        ("Varnian officials did not say whether the release was linked to the talks.", "en"),
        ("Halsk Mining did not immediately say what caused the collapse.", "en"),
        ("The ministry declined to say how many were held.", "en"),
        ("МВД не сообщило, сколько человек остаётся под стражей.", "ru"),
    ],
)
def test_a_refusal_to_speak_credits_no_one(sentence: str, lex: str) -> None:
    assert find_attribution(sentence, EN if lex == "en" else RU) is None
    # control: the same speaker saying it is an attribution
    said = sentence.replace("did not immediately say", "said").replace("did not say", "said")
    said = said.replace("declined to say", "said").replace("не сообщило", "сообщило")
    assert find_attribution(said, EN if lex == "en" else RU) is not None


def test_a_quoted_name_before_the_verb_is_the_speaker() -> None:
    """Quote marks around a short name («Вясна») are part of it, not the end of a quotation."""
    a = find_attribution("Правозащитный центр «Вясна» сообщил, что освобождены 40 человек.", RU)
    assert a is not None and a.attribution.origin == "Правозащитный центр «Вясна»"
    # control: a real quotation before the verb still ends the speaker's clause
    b = find_attribution("«Мы сверили списки», — сказала руководитель центра Нина Лаврик.", RU)
    assert b is not None and b.attribution.origin == "руководитель центра Нина Лаврик"


def _events(text: str, lang: str) -> list:
    return [
        c
        for c in extract_claims("x", text, lang, "2026-03-14")
        if c.extra.get("was", c.kind) == "event"
    ]


@pytest.mark.parametrize(
    "text, lang, who",
    [
        ("Velesk, who has ruled Varnia since 2011, has released prisoners before.", "en", "Velesk"),
        (
            "Грибов, который находится в колонии под Минском с 2021 года, был освобождён.",
            "ru",
            "Грибов",
        ),
    ],
)
def test_since_bounds_a_period_and_the_relative_clause_is_skipped(
    text: str, lang: str, who: str
) -> None:
    """'since 2011' is when a rule began, not when the release happened; the subject is the name
    before the relative clause, not the one inside it."""
    (release,) = [c for c in _events(text, lang) if c.event_type == "release"]
    assert release.actors == (who,)
    assert release.when != ("2011" if lang == "en" else "2021")
    # control: "in 2011" does date a release
    if lang == "en":
        (control,) = [
            c for c in _events("Velesk released them in 2011.", "en") if c.event_type == "release"
        ]
        assert control.when == "2011"
    else:
        (control,) = [
            c
            for c in _events("Грибов был освобождён в 2021 году.", "ru")
            if c.event_type == "release"
        ]
        assert control.when == "2021"


def test_hedges() -> None:
    assert find_hedge("The minister reportedly resigned.", EN) == ("reportedly", 13)
    assert find_hedge("Он якобы уехал.", RU) is not None
    assert find_hedge("The minister resigned.", EN) is None


def test_attribution_and_hedge_reach_every_claim_of_the_sentence() -> None:
    text = "Police allegedly detained 40 activists in Minsk on Monday, according to Viasna."
    claims = extract_claims("x", text, "en", "2025-06-11")
    assert {c.extra.get("was", c.kind) for c in claims} >= {"quantity", "event", "date", "attribution"}
    assert all(c.hedged and c.attribution and c.attribution.origin == "Viasna" for c in claims)
    date = next(c for c in claims if c.kind == "date")
    assert date.value == "2025-06-09"


def test_empty_text() -> None:
    assert extract_claims("x", "  \n", None, None) == []


def test_a_capitalised_function_word_is_not_an_actor() -> None:
    """'Within hours, ...': a sentence-initial function word is no name; a real name still is."""
    events = _events("Within hours, 12 prisoners were released at the Orlavets crossing.", "en")
    assert events and all("Within" not in c.actors for c in events)
    named = _events("Velesk released 12 prisoners at the Orlavets crossing.", "en")
    assert any(c.actors == ("Velesk",) for c in named)


def test_his_arrest_is_not_the_arrest_of_the_name_before() -> None:
    """'Volha Hrybava ... since his arrest': the arrest is her husband's, so she is not its actor;
    without the possessive the name before the trigger is."""
    text = "His wife, Volha Hrybava, has lived in exile since his arrest."
    (arrest,) = [c for c in _events(text, "en") if c.event_type == "arrest"]
    assert "Volha Hrybava" not in arrest.actors
    (control,) = [c for c in _events("Volha Hrybava was arrested in 2023.", "en") if c.event_type == "arrest"]
    assert control.actors == ("Volha Hrybava",)


def test_the_speaker_before_a_relative_clause_is_not_the_outlet_told() -> None:
    ru = ("Жена политика Ольга Грибова, которая последние три года живёт в Эстмаре, рассказала "
          "«Вестнику Варнии», что узнала об освобождении мужа из новостей.")
    found = find_attribution(ru, load_lexicon("ru"))
    assert found is not None and found.attribution.origin == "Жена политика Ольга Грибова"
    # control: with no speaker before the verb, the one after it is read (an inverted verb)
    inverted = find_attribution("Освобождены 87 человек, сообщил правозащитный центр «Вясна».", load_lexicon("ru"))
    assert inverted is not None and "Вясна" in inverted.attribution.origin


def test_where_it_was_said_is_not_part_of_who_said_it() -> None:
    en = ("The Steinbergs were congregants at Westchester Reform Temple, said Rabbi Jonathan Blake "
          "in a statement posted on Facebook.")
    found = find_attribution(en, load_lexicon("en"))
    # one speaker, without the channel; "posted" is a participle of the statement, no second voice
    assert found is not None and found.attribution.chain == ("Rabbi Jonathan Blake",)
    ru = find_attribution("Об этом сообщил Дмитрий Песков на брифинге.", load_lexicon("ru"))
    assert ru is not None and ru.attribution.chain == ("Дмитрий Песков",)
    # control: a name that merely contains such words keeps them
    kept = find_attribution("Amnesty International Ukraine said 12 people died.", load_lexicon("en"))
    assert kept is not None and kept.attribution.origin == "Amnesty International Ukraine"


@pytest.mark.parametrize(
    ("text", "lang", "origin"),
    [
        ("Police have said 12 people died.", "en", "Police"),
        ("МВД также сообщило о 12 погибших.", "ru", "МВД"),
        ("• American Dominique Molina said she was happy.", "en", "American Dominique Molina"),
        ("The launch date for the phone is yet to be announced.", "en", None),
        ("The tax charge will cut profit by an estimated $5 billion.", "en", None),
        ("The prisoners were said to be in good health.", "en", None),
    ],
)
def test_auxiliaries_and_passives_are_not_speakers(text: str, lang: str, origin: str | None) -> None:
    found = find_attribution(text, load_lexicon(lang))
    assert (found.attribution.origin if found else None) == origin


def test_an_apposition_between_speaker_and_verb_and_a_plan_that_says_nothing() -> None:
    en = load_lexicon("en")
    found = find_attribution("Jim Steyer, chief executive of Common Sense, said the campaign worked.", en)
    assert found is not None and found.attribution.origin == "Jim Steyer"
    assert find_attribution("If all goes according to plan, the probe will land in May.", en) is None
    # controls: a named source after "according to", and a role that speaks
    assert find_attribution("According to the Times, he left.", en).attribution.origin == "Times"
    assert find_attribution("Supplies are stocked, the mayor said.", en).attribution.origin == "mayor"


def test_a_count_of_the_injured_is_an_injury_not_the_nearby_death() -> None:
    text = "The lorry hit the crowd, killing at least 84 people and leaving around 202 injured."
    counts = {c.value: c for c in extract_claims("a", text, "en", "2026-07-15") if c.kind == "quantity"}
    assert counts[">=84"].event_type == "death" and counts[">=84"].statement == "at least 84 people died"
    assert counts["~202"].event_type == "injury"
    assert counts["~202"].statement == "around 202 injured"  # not "injured died", nor "injured injured"
    whole = extract_claims("b", "Officials said 114 of the released individuals went home.", "en", None)
    assert [c.event_type for c in whole if c.kind == "quantity"] == [None]  # a modifier, not the count


def test_an_event_before_a_list_of_counts_is_every_counts_but_not_across_a_later_one() -> None:
    def events(text: str) -> dict[str, str | None]:
        return {c.value: c.event_type for c in extract_claims("a", text, "en", None) if c.kind == "quantity"}

    listed = events("A small plane crash killed 12 people, including 10 tourists and two local pilots.")
    assert listed == {"12": "death", "10": "death", "2": "death"}
    apart = events("Two people remain trapped and more than 50 people have been injured.")
    assert apart == {"2": None, ">50": "injury"}


def test_a_part_of_them_counts_what_they_are_not_them() -> None:
    text = "The hospital was treating 20 people, four of them seriously injured."
    units = [c.unit for c in extract_claims("a", text, "en", None) if c.kind == "quantity"]
    assert units == ["people", "seriously injured"]


@pytest.mark.parametrize(
    ("text", "lang", "expected"),
    [
        ("He was sentenced to eleven years for organising protests.", "en", "sentence"),
        ("A court convicted the editor and four others, sentencing them to three years in prison.", "en", "sentence"),
        ("The pardon came after two days of talks with the envoy.", "en", "meeting"),
        ("Those released included the teacher, who had served three years of his term.", "en", None),
        ("Его жена, которая последние три года живёт в Эстмаре, узнала об освобождении мужа из новостей.", "ru", None),
        ("Грибов, осуждённый на 11 лет колонии, вышел на свободу.", "ru", "sentence"),
    ],
)
def test_a_duration_takes_only_the_event_it_completes(text: str, lang: str, expected: str | None) -> None:
    claims = extract_claims("a", text, lang, None)
    durations = [c for c in claims if c.kind == "quantity" and c.extra.get("quantity_kind") == "duration"]
    assert [c.event_type for c in durations] == [expected]


@pytest.mark.parametrize(
    ("text", "origin"),
    [
        # a clause word opens the clause whose subject speaks
        ("The blast hit a depot, which harbour police said was empty.", "harbour police"),
        ("The strike began after what the union says was a broken promise.", "union"),
        ("Ferries stopped at dawn, as the port authority reported on Monday.", "port authority"),
        ("The inquiry found the valve that the operator says was replaced.", "operator"),
        # ... but a relative clause with its own verb describes the speaker
        ("One engineer who works at the Tarn plant said the alarm failed twice.", "One engineer"),
        ("The Velmar company that built the dam said the cracks were old.", "Velmar company"),
        (
            "The figures were released by deputy minister Ilse Varga who said all were counted.",
            "deputy minister Ilse Varga",
        ),
        ("The plan was rejected by the Velmar council, which says it was never consulted.", "Velmar council"),
        # a second verb of one subject: the subject opens the phrase, or nobody is named
        ("Mayor Tolvan denied the claim and said the audit was complete.", "Mayor Tolvan"),
        ("The power company admitted the error and said bills would be corrected.", None),
        # a clause around a pronoun, or a pronoun after "and", is no name
        ("It was late and I said we should leave.", None),
        ("The crowd cheered when on Friday he announced the deal.", None),
        # capitalised "Who" in a name and "WHAT" in a caption are no clause words
        ("Doctor Who writer Anna Ferro added that filming starts in May.", "Doctor Who writer Anna Ferro"),
    ],
)
def test_clause_words_before_the_verb(text: str, origin: str | None) -> None:
    found = find_attribution(text, load_lexicon("en"))
    assert (found.attribution.origin if found else None) == origin


def test_a_year_is_no_day_to_be_on() -> None:
    claims = extract_claims("a1", "Hrybau was arrested in 2023 and released on 14 March 2026.", "en", "2026-03-15")
    dates = [c.statement for c in claims if c.kind == "date"]
    assert dates == ["arrested in 2023", "released on 2026-03-14"]


def test_the_site_talking_to_its_reader_is_no_claim() -> None:
    text = ("Varnia freed 87 prisoners on Saturday. "
            "Harwick Times carries Vestpress wire reports; sign up for our World Briefing newsletter for more.")
    claims = extract_claims("a1", text, "en", "2026-03-14")
    promo = [c for c in claims if "newsletter" in c.quote]
    assert promo and all(c.kind == "other" for c in promo)
    assert any(c.kind == "quantity" and c.value == "87" for c in claims), "the story's own sentence stays"


def test_a_large_figure_reads_as_a_reader_writes_it() -> None:
    (q,) = [c for c in extract_claims("a1", "The rebels demanded a ransom of $5.2 billion.", "en", None) if c.kind == "quantity"]
    assert q.statement.startswith("5.2 billion") and q.value == "5200000000"  # the value keeps every digit


@pytest.mark.parametrize(
    ("sentence", "statements"),
    [
        # "handed over" is the verb's, not "more than"
        ("Rebels handed over 21 schoolgirls to the authorities.", ["21 schoolgirls transferred"]),
        # the figure of the whole group is no count of what happened to part of it
        ("It was the first release of any of the more than 200 girls.", ["more than 200 girls"]),
        # a concessive clause keeps its own event: nobody counted 197 dead
        ("Some 197 girls remain captives, although it is not known how many have died.",
         ["some 197 girls remain captives"]),
    ],
)  # fmt: skip
def test_a_count_takes_only_its_own_event(sentence: str, statements: list[str]) -> None:
    got = [c.statement for c in extract_claims("a1", sentence, "en", "2016-10-13") if c.kind == "quantity"]
    assert got == statements


def test_a_possessive_before_a_reporting_word_names_no_speaker() -> None:
    """"Obama's reported choice": the verb is an adjective of what the possessive owns."""
    from consilience.extract.attribution import find_attribution
    from consilience.extract.lexicon import load_lexicon

    lex = load_lexicon("en")
    assert find_attribution("Barack Obama's reported choice, Sanjay Gupta, could bring star power.", lex) is None
    assert find_attribution("Her testimony matched prosecutors' claims.", lex) is None
    said = find_attribution("Obama's spokesman said the talks failed.", lex)
    assert said is not None and said.attribution.chain == ("Obama's spokesman",)
