"""Report intake: from a raw report (pasted text or a file) to a proposal of linked records
that an editor reviews and saves as a draft visit.

A feature package: it reads and writes the domain apps (clusters, visits, funding) and nothing
above them. ``intake.text`` holds the language-aware text work that needs no database
(extraction from files, language, dates, figures, itinerary); ``intake.proposal`` puts the
proposal together with the identity resolver of ``clusters.identity``.
"""
