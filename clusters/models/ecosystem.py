"""The industrial ecosystems organisations, visits, instruments and projects are classed in."""

from django.db import models

from clusters.reference import ecosystem_name
from core.cache import data_version_trigger


class Ecosystem(models.Model):
    """One of the 14 industrial ecosystems of the EU industrial strategy (reference data)."""

    name = models.CharField(max_length=100, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    position = models.PositiveSmallIntegerField(default=0)

    class Meta:
        ordering = ["position", "name"]
        triggers = [data_version_trigger()]

    def __str__(self):
        # Stored in English; shown in the reader's language (clusters/reference.py).
        return ecosystem_name(self.name)
