"""Languages that record content (reports, descriptions) can be written in.

Each has the PostgreSQL text-search configuration used to stem it; "simple" where Postgres
has no stemmer for the language.
"""

CONTENT_LANGUAGES = [
    ("en", "English", "english"),
    ("fr", "French", "french"),
    ("de", "German", "german"),
    ("ru", "Russian", "russian"),
    ("tr", "Turkish", "turkish"),
    ("it", "Italian", "italian"),
    ("es", "Spanish", "spanish"),
    ("pl", "Polish", "simple"),
    ("cs", "Czech", "simple"),
    ("sk", "Slovak", "simple"),
    ("hu", "Hungarian", "hungarian"),
    ("sv", "Swedish", "swedish"),
    ("nl", "Dutch", "dutch"),
    ("fi", "Finnish", "finnish"),
    ("da", "Danish", "danish"),
    ("pt", "Portuguese", "portuguese"),
]

LANGUAGE_CHOICES = [(code, name) for code, name, _ in CONTENT_LANGUAGES]
SEARCH_CONFIGS = {code: config for code, _, config in CONTENT_LANGUAGES}
