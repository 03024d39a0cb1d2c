"""Languages that record content (reports, descriptions) can be written in.

Each has the PostgreSQL text-search configuration used to stem it; "simple" where Postgres
has no stemmer for the language.
"""

from django.utils.translation import gettext_lazy as _

CONTENT_LANGUAGES = [
    ("en", _("English"), "english"),
    ("fr", _("French"), "french"),
    ("de", _("German"), "german"),
    ("ru", _("Russian"), "russian"),
    ("tr", _("Turkish"), "turkish"),
    ("it", _("Italian"), "italian"),
    ("es", _("Spanish"), "spanish"),
    ("pl", _("Polish"), "simple"),
    ("cs", _("Czech"), "simple"),
    ("sk", _("Slovak"), "simple"),
    ("hu", _("Hungarian"), "hungarian"),
    ("sv", _("Swedish"), "swedish"),
    ("nl", _("Dutch"), "dutch"),
    ("fi", _("Finnish"), "finnish"),
    ("da", _("Danish"), "danish"),
    ("pt", _("Portuguese"), "portuguese"),
]

LANGUAGE_CHOICES = [(code, name) for code, name, _ in CONTENT_LANGUAGES]
SEARCH_CONFIGS = {code: config for code, _, config in CONTENT_LANGUAGES}
