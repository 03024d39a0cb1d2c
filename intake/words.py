"""Word lists of the mention finder, folded (``core.text.fold``), and text-level helpers: sentences,
ALL-CAPS groups, the words a text shouts or also writes in lower case, where it names given names."""

import re
from collections import Counter

from core.text import fold

_SENTENCE_END = re.compile(r"(?<=[.!?;])\s+(?=\S)|\n+")
TOKEN = re.compile(r"\w(?:[\w&\-]|[.’'](?=\w{2,}\.|\w\.)|\.(?=\w))*")

# Lower-case words that may join the capitalised words of one name.
JOINERS = frozenset(
    """and d' de del della der des di du et for fur für i in la le of on und ve y""".split()  # noqa: SIM905
)

# Capitalised words that start a sentence or a heading rather than a name.
LEADING_STOP = frozenset(
    """a after all already also an and another as at based before between bir both bu but by creation current da
    das de dear der die do during e.g each ein eine el en established every for from furthermore he here how
    however i.e if il ile in it its la le les lo los main more moreover most na nevertheless new o on or other
    our overall per regarding representatives searching she since some source still such thank the their then
    there these they this those thus to today un une until ve via w we what when where while who why with within
    yesterday z""".split()  # noqa: SIM905
)

# ALL-CAPS tokens that are not organisations: months, roman numerals, abbreviations, headings.
CAPS_STOP = frozenset(
    """january february march april june july august september october november december
    ab pro apr aug benchmarking ce ceo conference cv dec dg eu eur events faq fax feb from gold hq hr http https i
    ict ii iii important inno introduction is it iv ix jan jul jun mar may meta-cluster metacluster mio n.b nets
    news newsletter no nov nrw oct of ok partners pdf pp1 pp10 pp2 pp3 pp4 pp5 pp6 pp7 pp8 pp9 pr ps r&d rdi
    report rus sep sept sme smes tel ue uk url usa usd v vi vii viii vs what wp1 wp2 wp3 wp4 wp5 www x xi xii ес
    зао оао ооо""".split()  # noqa: SIM905
)

# Words that make a phrase an event, a programme, an idea or a group rather than one organisation.
NOT_ORGANISATION = frozenset(
    """meta communication policy strategy january february march april june july august september october
    november december monday tuesday wednesday thursday friday saturday sunday spring summer autumn winter
    agencies associations award call clusters companies conference congress cup exhibition fair festival forum
    fuari initiative institutes klastrow klastry konferansi konferencja kongres kumelenmeleri kumeler meeting
    ministries networks newsletter poles program programme project report seminar session spotkanie summit targi
    toplantisi tour trip universities visit webinar workshop визит выставка кластеры конференция семинар форум
    """.split()  # noqa: SIM905
)

# Nationality and region words: a "Russian cluster" or "EU clusters" is a kind of thing, not a name.
NATIONALITY = frozenset(
    """austrian belarusian belgian british central czech eastern eu europe european foreign french german hungarian
    international italian local national northern nrw other polish regional russia russian slovak southern
    spanish swedish turkish western""".split()  # noqa: SIM905
)


def is_caps(token: str) -> bool:
    letters = [c for c in token if c.isalpha()]
    return len(letters) >= 2 and all(c.isupper() for c in letters)


def shouted_words(text: str) -> set[str]:
    """Words written in capitals ("INNOVATION Express") no more often than in lower case: words
    shouted, not acronyms."""
    caps, other = Counter(), Counter()
    for m in TOKEN.finditer(text):
        (caps if is_caps(m.group()) else other)[fold(m.group())] += 1
    return {word for word, n in caps.items() if other[word] >= n}


def common_words(text: str) -> set[str]:
    """Words the text also writes in lower case: "Food" heading a list is the word food."""
    return {fold(m.group()) for m in TOKEN.finditer(text) if m.group().islower()}


def spans_of(names, sentence: str) -> list[tuple[int, int]]:
    """Where the sentence names one of ``names`` (folded), word-bounded."""
    folded = fold(sentence)
    if len(folded) != len(sentence):
        return []
    return [
        (m.start(), m.end())
        for name in names
        if name
        for m in re.finditer(r"(?<!\w)" + re.escape(name) + r"(?!\w)", folded)
    ]


def sentences(text: str) -> list[tuple[int, str]]:
    """``(offset, sentence)`` pairs; headings and list items are sentences of their own."""
    out, start = [], 0
    for m in _SENTENCE_END.finditer(text):
        if text[start : m.start()].strip():
            out.append((start, text[start : m.start()]))
        start = m.end()
    if text[start:].strip():
        out.append((start, text[start:]))
    return out


def caps_groups(sentence: str, tokens: list) -> list[list]:
    """Consecutive ALL-CAPS tokens of a run, each group a list of matches."""
    groups, current = [], []
    for m in tokens:
        if is_caps(m.group()) and (not current or not sentence[current[-1].end() : m.start()].strip()):
            current.append(m)
            continue
        if current:
            groups.append(current)
        current = [m] if is_caps(m.group()) else []
    return groups + ([current] if current else [])
