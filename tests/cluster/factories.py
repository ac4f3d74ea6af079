"""Invented articles for the cluster tests (original text; invented outlets and officials)."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from consilience.cluster import StoryDoc

EXAMPLES = Path("/work/shared/examples")

WIRE = (
    "MINSK (Wire) - Belarusian leader Alexander Lukashenko pardoned 123 prisoners on Saturday, "
    "December 13, after two days of talks with a visiting American envoy, officials said.\n"
    "Among those freed were the opposition figure Maria Kolesnikova and the rights campaigner "
    "Ales Bialiatski, according to a statement from the presidential press office.\n"
    "The envoy told reporters in Minsk that Washington would ease sanctions on potash exports "
    "in return, a step that the Belarusian side had sought for more than a year.\n"
    "Most of the released prisoners were driven to the border with Lithuania, while five "
    "Ukrainian citizens were handed over to Kyiv, the statement said.\n"
    "Human rights groups said more than a thousand people remain behind bars in the country "
    "for political reasons and urged further releases before the end of the year."
)


def wire_copy() -> str:
    """The wire text as a syndicating outlet runs it: a few words changed, boilerplate added."""
    text = WIRE.replace("officials said", "officials in Minsk said").replace(
        "urged further releases", "called for further releases"
    )
    return "Follow us on social media for the latest updates\n" + text + "\nRead more: World news"


SAME_EVENT_OTHER_TEXT = (
    "Thirty minutes before midnight, a convoy of buses crossed into Lithuania carrying people "
    "who had spent years in Belarusian jails. Relatives waited in the cold at the checkpoint. "
    "The release of 123 detainees, ordered by Lukashenko on December 13, came after the United "
    "States agreed to lift penalties on the potash trade. Kolesnikova, who tore up her passport "
    "at the border in 2020, was among the first to step off. Analysts in Vilnius cautioned that "
    "new arrests could quickly replace those who were let go."
)

RU_TEXT = (
    "Александр Лукашенко помиловал 123 заключённых 13 декабря после переговоров с американским "
    "посланником. Среди освобождённых — Мария Колесникова и Алесь Беляцкий. США снимут санкции "
    "с белорусского калия, сообщила пресс-служба президента в Минске."
)

LATER_RELEASE = (
    "Belarusian leader Alexander Lukashenko pardoned 31 prisoners on Friday, January 30, after "
    "another round of talks with an American envoy in Minsk, his press office said. Those freed "
    "were driven to the border with Lithuania. The envoy said Washington would consider easing "
    "further sanctions. Rights groups said more than a thousand political prisoners remain."
)

ENTITIES_RELEASE = frozenset(
    {"Q:lukashenko", "Q:kolesnikova", "Q:bialiatski", "Q:belarus", "Q:minsk"}
)


def doc(
    doc_id: str,
    text: str,
    *,
    title: str | None = None,
    when: datetime | None = datetime(2025, 12, 13, 18, 0),
    language: str | None = "en",
    entities: frozenset[str] = frozenset(),
    outlet: str | None = None,
) -> StoryDoc:
    return StoryDoc(doc_id, title, text, when, language, entities, outlet)


def example_docs() -> list[StoryDoc]:
    """The two shared example articles: first line is the title, both published 2025-12-13."""
    out = []
    for path in sorted(EXAMPLES.glob("*.txt")):
        lines = path.read_text(encoding="utf-8").splitlines()
        title = lines[0].strip()
        out.append(doc(path.stem, "\n".join(lines[1:]), title=title, when=datetime(2025, 12, 13)))
    return out


def background() -> list[StoryDoc]:
    """Unrelated invented articles so document frequencies are not degenerate."""
    texts = [
        (
            "Harbour bridge repairs delayed by storms",
            "Repairs to the Kessling harbour bridge will take until spring after two storms flooded "
            "the work site, the city engineer Tomas Varn said. Traffic will use the ferry meanwhile.",
        ),
        (
            "Orchestra names new conductor",
            "The Lindau Chamber Orchestra named Ilse Moravec as its principal conductor. She will lead "
            "eight concerts next season, including a tour of northern coastal towns.",
        ),
        (
            "Local council approves bike lanes",
            "The council of Brennick voted to paint new bike lanes along the river road. Shop owners "
            "worried about parking; cyclists welcomed the plan after years of complaints.",
        ),
        (
            "Chip maker opens research lab",
            "Ostral Semiconductors opened a research lab for battery chips near the airport, hiring "
            "about 200 engineers. The company expects the first prototypes within two years.",
        ),
    ]
    return [doc(f"bg{i}", text, title=title, when=datetime(2025, 12, 1 + i))
            for i, (title, text) in enumerate(texts)]  # fmt: skip
