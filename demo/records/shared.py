"""Records that more than one seed refers to: the European Commission, its DG Enterprise and
Industry, and the PRO INNO Europe initiative (home of TACTICS and of the Innovation Festival)."""

import datetime as dt

from clusters.models import Organisation
from demo.records.base import ACRONYM, SPELLING, DemoLoader
from funding.models import Instrument

EC = "european-commission"
DG_ENTR = "dg-enterprise-and-industry"
PRO_INNO = "pro-inno-europe"


def load(d: DemoLoader) -> None:
    d.org(
        EC,
        "European Commission",
        Organisation.Kind.AUTHORITY,
        alt=[("EC", ACRONYM, "en")],
        description=(
            "Executive of the European Union. In the seed documents it funds SMEs through cluster policy "
            "(calls for cluster development and collaboration under Horizon 2020 and COSME) and, as the EU, "
            "sits among the members of the intergovernmental EUREKA network."
        ),
    )
    d.org(
        DG_ENTR,
        "Directorate-General for Enterprise and Industry",
        Organisation.Kind.AUTHORITY,
        alt=[("DG Enterprise and Industry", SPELLING, "en"), ("DG Enterprise", SPELLING, "en")],
        description=(
            "Directorate-General of the European Commission. It launched the European Cluster Alliance, "
            "co-organised the Innovation Festival finale in Milan (February 2012) with the Province of Milan "
            "and used that event to launch its new European Creative Industries Alliance (ECIA)."
        ),
    )
    d.instrument(
        PRO_INNO,
        name="PRO INNO Europe",
        kind=Instrument.Kind.GRANT,
        level=Instrument.Level.EU,
        managing_body=d.get_org(DG_ENTR),
        url="http://www.proinno-europe.eu/",
        # The latest seed that names it (the Clusters-Cord newsletter, undated, early 2012) reports
        # it running; nothing in the seeds says so for later.
        status_as_of=dt.date(2012, 1, 1),
        status_source="Clusters-Cord newsletter no. 3",
        description=(
            "European Commission initiative for innovation policy. Two of its strands appear in the seeds: "
            "INNO-Nets such as TACTICS, the consortium of cluster-policy agencies behind the European Cluster "
            "Alliance, and INNO Actions such as the Innovation Festival held across six European cities."
        ),
        tags=["innovation policy", "cluster policy"],
    )
