"""Word lists of the mention finder, folded (``core.text.fold``)."""

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
    """meta communication policy strategy
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
