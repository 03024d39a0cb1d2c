"""The lexicon: every distinct word of the searched names and texts, for typo correction."""

from django.contrib.postgres.indexes import GistIndex, OpClass
from django.db import models


class Word(models.Model):
    """A folded word that occurs in the names or texts anyone may find (globalsearch/lexicon.py).

    ``letters`` is the word's letters sorted, so a transposition ("tehctera") finds its word
    ("techtera") by an exact lookup; other typos are found by trigram distance on ``word``."""

    word = models.TextField(primary_key=True)
    letters = models.TextField(db_index=True)
    documents = models.PositiveIntegerField(help_text="How many records contain it.")

    class Meta:
        verbose_name = "lexicon word"
        indexes = [GistIndex(OpClass("word", name="gist_trgm_ops"), name="globalsearch_word_trgm")]

    def __str__(self):
        return self.word


class LexiconBuild(models.Model):
    """When the lexicon was last rebuilt: the data version it reflects (one row)."""

    data_version = models.BigIntegerField()
    built_at = models.DateTimeField(auto_now=True)

    def __str__(self):
        return f"lexicon of data version {self.data_version}"
