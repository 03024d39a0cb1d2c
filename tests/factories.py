"""Small builders for test rows. Each returns a saved object with sensible defaults."""

import datetime
import itertools

from clusters.models import Organisation
from funding.models import Call, Instrument, Project
from visits.models import Visit

_seq = itertools.count(1)


def organisation(**kwargs) -> Organisation:
    n = next(_seq)
    kwargs.setdefault("name", f"Test organisation {n}")
    kwargs.setdefault("kind", Organisation.Kind.CLUSTER)
    return Organisation.objects.create(**kwargs)


def visit(**kwargs) -> Visit:
    n = next(_seq)
    kwargs.setdefault("title", f"Test visit {n}")
    kwargs.setdefault("kind", Visit.Kind.STUDY_VISIT)
    kwargs.setdefault("start_date", datetime.date(2020, 5, 4))
    kwargs.setdefault("status", Visit.Status.PUBLISHED)
    return Visit.objects.create(**kwargs)


def instrument(**kwargs) -> Instrument:
    n = next(_seq)
    kwargs.setdefault("name", f"Test instrument {n}")
    kwargs.setdefault("kind", Instrument.Kind.GRANT)
    kwargs.setdefault("level", Instrument.Level.NATIONAL)
    return Instrument.objects.create(**kwargs)


def call(**kwargs) -> Call:
    n = next(_seq)
    kwargs.setdefault("title", f"Test call {n}")
    if "instrument" not in kwargs:
        kwargs["instrument"] = instrument()
    return Call.objects.create(**kwargs)


def project(**kwargs) -> Project:
    n = next(_seq)
    kwargs.setdefault("name", f"Test project {n}")
    return Project.objects.create(**kwargs)
