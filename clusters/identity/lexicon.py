"""The field's generic words in the seeds' languages, mapped to concepts with a weight.

Two names of one organisation in two languages share few letters but many concepts: "Eastern
Construction Cluster" is "Wschodni Klaster Budowlany" word for word. And two different
organisations often share only such words: "Eastern Construction" and a Turkish construction
machinery cluster share "construction cluster", which says nothing about who they are. So a word
of the lexicon is compared by its concept and weighs less than a word of its own (a place, a
brand, a founder's name), which weighs 1.

Words are folded and transliterated (core.text.transliterate), as names are before comparing.
A form ending in "*" is a stem: Polish, Russian and Turkish inflect ("klastra", "klasterov",
"kümelenmesi"), and a stem of five letters or more rarely says something else.
"""

from functools import lru_cache

# How much a word of each class weighs in a name, against 1 for a word of the name's own.
ORGANISATION = 0.15  # what kind of body it is: cluster, association, ministry
SECTOR = 0.35  # what it works on: innovation, construction, economy
QUALIFIER = 0.5  # where or how far: eastern, regional, european, national
PLACE = 0.3  # a country's name, which the country field says better

# concept: (weight, forms in en, fr, de, it, es, pl, ru (transliterated), tr, and others)
CONCEPTS: dict[str, tuple[float, tuple[str, ...]]] = {
    # A French "pôle de compétitivité" is what the other languages call a cluster.
    "cluster": (ORGANISATION, ("cluster*", "klaster*", "kluster*", "klastr*", "kume", "kumesi", "kumelenme*",
                               "pole", "poles", "polo", "poli")),
    "network": (ORGANISATION, ("network*", "reseau", "netzwerk*", "rete", "siec*", "set", "seti")),
    "association": (
        ORGANISATION,
        ("association*", "assoc", "verband*", "verein", "associazione", "asociacion", "stowarzyszen*",
         "assotsiatsi*", "dernek*", "dernegi", "birlik*", "union"),
    ),
    "foundation": (ORGANISATION, ("foundation", "fondation", "stiftung", "fondazione", "fundacion", "fundacj*",
                                  "fond", "fonda", "vakf*")),
    "institute": (ORGANISATION, ("institute", "institut*", "istituto", "instituto", "instytut*", "enstitu*")),
    "university": (ORGANISATION, ("university", "universite", "universitat", "universita", "universidad",
                                  "uniwersytet*", "universitet*", "universitesi", "universite")),
    "agency": (ORGANISATION, ("agency", "agence", "agentur", "agenzia", "agencia", "agencj*", "agentstv*",
                              "ajans*", "agentschap")),
    "chamber": (ORGANISATION, ("chamber", "chambre", "kammer", "camera", "camara", "izba", "izby", "palat*",
                               "oda", "odasi", "wirtschaftskammer")),
    "ministry": (ORGANISATION, ("ministry", "ministere", "ministerium", "ministero", "ministerio",
                                "ministerstw*", "ministerstv*", "bakanlig*", "bakanlik")),
    "centre": (ORGANISATION, ("centre", "center", "centrum", "zentrum", "centro", "tsentr*", "merkez*")),
    "company": (ORGANISATION, ("company", "societe", "gesellschaft", "societa", "sociedad", "spolk*",
                               "spolocnost", "kompani*", "sirket*", "zrt", "gmbh", "ltd", "sa", "spa")),
    "group": (ORGANISATION, ("group", "groupe", "gruppe", "gruppo", "grupo", "grupa", "gruppa", "grubu")),
    "federation": (ORGANISATION, ("federation", "federazione", "federacion", "federacj*", "federatsi*",
                                  "federasyon*")),
    "office": (ORGANISATION, ("office", "bureau", "amt", "ufficio", "oficina", "urzad", "biuro", "byuro")),
    "alliance": (ORGANISATION, ("alliance", "allianz", "alleanza", "alianza", "sojusz", "soyuz", "ittifak")),
    "secretariat": (ORGANISATION, ("secretariat", "sekretariat", "segretariato", "secretaria", "clustersekretariat")),
    "authority": (ORGANISATION, ("authority", "autorite", "behorde", "autorita", "autoridad", "urzad", "vlast")),
    "department": (ORGANISATION, ("department", "departement", "abteilung", "dipartimento", "departamento",
                                  "departament*", "dairesi", "directorate", "direction", "dg")),
    "innovation": (SECTOR, ("innovation*", "innovativ*", "innovazione", "innovacion", "innowac*", "innowacyj*",
                            "innovatsi*", "innovatsion*", "yenilik*", "innovative", "innovazioni")),
    "technology": (SECTOR, ("technolog*", "technique*", "technik", "tecnologi*", "technologii", "tekhnolog*",
                            "teknoloji*", "tech")),
    "construction": (SECTOR, ("construction", "building", "batiment", "bau", "bauwirtschaft", "costruzion*",
                              "edilizia", "construccion", "budowla*", "budownictw*", "stroitel*", "insaat")),
    "economy": (SECTOR, ("econom*", "wirtschaft*", "economia", "gospodar*", "ekonom*", "ekonomi*")),
    "development": (SECTOR, ("development", "developpement", "entwicklung", "sviluppo", "desarrollo",
                             "rozwoj*", "razvit*", "kalkinma", "gelistirme", "fejlesztesi")),
    "research": (SECTOR, ("research", "recherche", "forschung", "ricerca", "investigacion", "badan*",
                          "issledovan*", "arastirma*", "razrabot*")),
    "science": (SECTOR, ("science*", "scientific", "wissenschaft*", "scienz*", "ciencia", "nauk*", "nauch*",
                         "bilim")),
    "industry": (SECTOR, ("industr*", "industria", "przemysl*", "promyshlen*", "sanayi*")),
    "energy": (SECTOR, ("energy", "energie", "energia", "energetyk*", "energetik*", "enerji")),
    "enterprise": (SECTOR, ("enterprise*", "entreprise*", "unternehm*", "impres*", "empresa*",
                            "przedsiebior*", "predpriyat*", "isletme*")),
    "business": (SECTOR, ("business", "affaires", "geschaft*", "affari", "negocios", "biznes*", "is")),
    "machinery": (SECTOR, ("machinery", "machines", "machine", "maschinen*", "macchin*", "maquinaria",
                           "maszyn*", "mashin*", "makine*")),
    "engineering": (SECTOR, ("engineering", "ingenierie", "ingenieur*", "ingegneria", "ingenieria",
                             "inzynier*", "inzhener*", "muhendislik")),
    "affairs": (ORGANISATION, ("affairs",)),
    "metal": (SECTOR, ("metal*", "metall*", "obrobk*", "obrabot*", "metalworking")),
    "textile": (SECTOR, ("textile*", "textil*", "tessil*", "tekstil*", "tekstyl*")),
    "food": (SECTOR, ("food", "alimentaire", "lebensmittel*", "alimentar*", "zywnosc*", "spozywcz*",
                      "pishchev*", "gida")),
    "vehicle": (SECTOR, ("vehicle*", "vehicule*", "fahrzeug*", "veicol*", "vehiculo*", "pojazd*",
                         "avtomobil*", "arac", "araclar*", "automotive", "automobile")),
    "venture": (SECTOR, ("venture", "venchur*", "risikokapital", "girisim")),
    "ict": (SECTOR, ("ict", "tic", "ikt", "ikt")),
    "eastern": (QUALIFIER, ("east", "eastern", "est", "ost", "ostlich*", "orientale", "oriental", "wschod*",
                            "vostoch*", "vostok", "dogu")),
    "western": (QUALIFIER, ("west", "western", "ouest", "westlich*", "occidentale", "occidental", "zachod*",
                            "zapad*", "bati")),
    "northern": (QUALIFIER, ("north", "northern", "nord", "nordlich*", "settentrionale", "norte", "polnoc*",
                             "sever*", "kuzey")),
    "southern": (QUALIFIER, ("south", "southern", "sud", "sudlich*", "meridionale", "sur", "poludn*", "yuzhn*",
                             "yug", "guney")),
    "regional": (QUALIFIER, ("region", "regional", "regionale", "regionalny", "regionaln*", "regionalis",
                             "bolge*", "regions", "regioni", "regiony")),
    "national": (QUALIFIER, ("national", "nationale", "nazionale", "nacional", "narodow*", "natsional*",
                             "ulusal", "krajow*")),
    "european": (QUALIFIER, ("europe", "european", "europeen*", "europaisch*", "europe*", "europeo", "europea",
                             "europejsk*", "evropeisk*", "avrupa")),
    "international": (QUALIFIER, ("international", "internationale", "internazionale", "internacional",
                                  "miedzynarodow*", "mezhdunarodn*", "uluslararasi")),
    "small": (QUALIFIER, ("small", "petit*", "klein*", "piccol*", "pequen*", "maly*", "malykh", "malych", "kucuk")),
    "republic": (PLACE, ("republic", "republique", "republik", "repubblica", "republica", "rzeczpospolit*",
                         "respublik*", "cumhuriyet*")),
    "belarus": (PLACE, ("belarus", "bielarus", "bialorus*", "belarusi", "belorus*")),
    "russia": (PLACE, ("russia", "russian", "russie", "russland", "rossi*", "rosj*", "rusya")),
    "poland": (PLACE, ("poland", "polish", "pologne", "polen", "polsk*", "polsha", "polonya")),
    "turkey": (PLACE, ("turkey", "turkish", "turquie", "turkei", "turkiye", "turk")),
    "france": (PLACE, ("france", "french", "frankreich", "francia", "francj*", "frantsi*", "fransa")),
    "germany": (PLACE, ("germany", "german", "allemagne", "deutschland", "germania", "niemc*", "germani*",
                        "almanya")),
}  # fmt: skip

# Words that name nothing: articles, prepositions, conjunctions of the seeds' languages.
STOPWORDS = frozenset(
    (
        "of", "the", "and", "for", "in", "on", "at", "to", "a", "an", "du", "de", "des", "la", "le", "les", "l",
        "d", "et", "pour", "en", "au", "aux", "der", "die", "das", "den", "dem", "und", "fur", "von", "vom", "im",
        "am", "zu", "di", "del", "della", "dello", "delle", "dei", "degli", "e", "per", "il", "lo", "gli", "al",
        "y", "el", "los", "las", "para", "w", "we", "z", "ze", "i", "na", "do", "dla", "oraz", "o", "imeni", "ve",
        "ile", "icin", "v", "vo", "po", "pri", "k", "s", "so", "ob",
    )
)  # fmt: skip

EXACT: dict[str, str] = {}
STEMS: list[tuple[str, str]] = []
for _concept, (_weight, _forms) in CONCEPTS.items():
    for _form in _forms:
        if _form.endswith("*"):
            STEMS.append((_form[:-1], _concept))
        else:
            EXACT.setdefault(_form, _concept)
STEMS.sort(key=lambda stem: -len(stem[0]))

# One spelling per concept and language, to write a name's generic words in another language
# when looking it up ("eastern building cluster" -> "wschodni budowlany klaster").
TRANSLATIONS: dict[str, dict[str, str]] = {
    "en": {"cluster": "cluster", "construction": "building", "eastern": "eastern", "ministry": "ministry",
           "economy": "economy", "institute": "institute", "association": "association", "agency": "agency",
           "innovation": "innovation", "technology": "technology", "development": "development"},
    "en2": {"construction": "construction", "economy": "economic", "technology": "technologies",
            "innovation": "innovative", "centre": "center"},
    "pl": {"cluster": "klaster", "construction": "budowlany", "eastern": "wschodni", "ministry": "ministerstwo",
           "economy": "gospodarki", "institute": "instytut", "association": "stowarzyszenie",
           "agency": "agencja", "innovation": "innowacji", "technology": "technologii", "development": "rozwoju",
           "foundation": "fundacja"},
    "ru": {"cluster": "klaster", "construction": "stroitelnyi", "eastern": "vostochnyi", "ministry": "ministerstvo",
           "economy": "ekonomiki", "institute": "institut", "innovation": "innovatsionnykh",
           "technology": "tekhnologii", "development": "razvitiya", "agency": "agentstvo"},
    "tr": {"cluster": "kumelenmesi", "construction": "insaat", "eastern": "dogu", "ministry": "bakanligi",
           "economy": "ekonomi", "association": "dernegi", "innovation": "yenilik", "technology": "teknoloji"},
    "de": {"cluster": "cluster", "construction": "bau", "ministry": "ministerium", "economy": "wirtschaft",
           "association": "verband", "institute": "institut", "technology": "technik", "centre": "zentrum",
           "foundation": "stiftung"},
    "fr": {"cluster": "pole", "construction": "batiment", "ministry": "ministere", "economy": "economie",
           "association": "association", "innovation": "innovation", "development": "developpement"},
    "it": {"cluster": "cluster", "construction": "edilizia", "ministry": "ministero", "economy": "economia",
           "association": "associazione", "development": "sviluppo", "agency": "agenzia"},
}  # fmt: skip


@lru_cache(maxsize=20000)
def concept_of(word: str) -> str | None:
    """The concept a folded, transliterated word stands for, or None for a word of its own. A
    generic word with two letters swapped or one dropped ("clutser", "develpoment") is still that
    word: a slip must not turn it into a word of the name's own."""
    found = _concept(word)
    if found or len(word) < 6:
        return found
    for i in range(len(word)):
        found = _concept(word[:i] + word[i + 1 :])
        if not found and i < len(word) - 1:
            found = _concept(word[:i] + word[i + 1] + word[i] + word[i + 2 :])
        if found:
            return found
    return None


def _concept(word: str) -> str | None:
    if word in EXACT:
        return EXACT[word]
    if len(word) >= 4:
        for stem, concept in STEMS:
            if word.startswith(stem) and len(stem) >= 3:
                return concept
    return None


def weight_of(concept: str | None) -> float:
    return 1.0 if concept is None else CONCEPTS[concept][0]
