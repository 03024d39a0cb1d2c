"""The demo data set: every fact of the five seed documents in /work/shared/seeds, as records.

One module per seed; ``shared`` holds the records several seeds point to. ``load_all`` writes
them all in one transaction and can be run any number of times.
"""

from django.contrib.auth.models import Group, Permission
from django.db import transaction

from clusters.models import Ecosystem
from clusters.reference import ensure_ecosystems
from core.roles import ensure_roles
from demo.records import clustem_2017, clusters_cord, duesseldorf_2014, shared, tactics_eca, viameca_2013
from demo.records.base import DemoLoader

MODULES = [shared, viameca_2013, duesseldorf_2014, clustem_2017, clusters_cord, tactics_eca]


def load_all(modules=None, loader: DemoLoader | None = None) -> DemoLoader:
    """Create or update the demo records; return the loader with its counters. ``modules``: a
    subset of ``MODULES`` (``shared`` is always loaded first), e.g. for the intake benchmark,
    which reads each seed against the records of the other four."""
    modules = MODULES if modules is None else [shared, *(m for m in modules if m is not shared)]
    with transaction.atomic():
        ensure_ecosystems(Ecosystem)
        ensure_roles(Group, Permission)
        loader = loader or DemoLoader()
        for module in modules:
            module.load(loader)
        loader.prune()
    return loader
