"""The QuerySets of the clusters app's models: name search, duplicate finding, the list,
profile and API shapes of an organisation, similar organisations, valid and expired labels.

The models are reached through ``self.model`` or imported inside a method (they import this
module), as in visits/querysets.py.
"""

import functools
import operator

from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Case, Count, Exists, F, OuterRef, Prefetch, Q, Subquery, Value, When
from django.db.models.functions import Coalesce
from django.utils import timezone

from clusters.participation import participation_links
from core.models import SearchableQuerySet, count_related
from core.roles import can_see_contacts

# Visits live in the visits app, which depends on this one; they are reached through the
# reverse relations, never imported. Only published visits count on public list pages.
PUBLISHED_VISIT = {"visit__status": "published"}
PUBLISHED = {"status": "published"}


def count_events(link_model) -> Coalesce:
    """How many published visits the outer organisation is linked to through ``link_model``
    (hosts, delegation), as a subquery; an event told by several accounts (``Visit.account_of``)
    counts once, under its first record."""
    subquery = (
        link_model.objects.filter(organisation=OuterRef("pk"), **PUBLISHED_VISIT)
        .order_by()
        .values("organisation")
        .annotate(c=Count(Coalesce("visit__account_of", "visit"), distinct=True))
        .values("c")
    )
    return Coalesce(Subquery(subquery, output_field=models.IntegerField()), 0)


class OrganisationQuerySet(SearchableQuerySet):
    def clusters(self):
        return self.filter(kind__in=self.model.CLUSTER_KINDS)

    def poles(self):
        return self.filter(kind=self.model.Kind.POLE)

    def similar_names(self, name: str, exclude_pk=None, *, country: str = "", kind: str = "", threshold=None):
        """Organisations that ``name`` may already be on record as, through the identity resolver
        (clusters.identity: names, alternative names, acronyms, transliteration, generic words in
        other languages, slips), best first, annotated with ``name_similarity`` (the score) and
        ``identity_reason``. ``country`` and ``kind``, when known, weigh in. At most ten."""
        from clusters.identity import SUGGEST_SCORE, resolve  # noqa: PLC0415 (the resolver imports the models)

        threshold = SUGGEST_SCORE if threshold is None else threshold
        matches = resolve(name, country=country, kind=kind, limit=10, exclude_pk=exclude_pk)
        matches = [m for m in matches if m.score >= threshold]
        if not matches:
            return self.none()
        return (
            self.filter(pk__in=[m.organisation.pk for m in matches])
            .annotate(
                name_similarity=Case(
                    *(When(pk=m.organisation.pk, then=Value(m.score)) for m in matches),
                    output_field=models.FloatField(),
                ),
                identity_reason=Case(
                    *(When(pk=m.organisation.pk, then=Value(m.reason)) for m in matches),
                    output_field=models.TextField(),
                ),
            )
            .order_by("-name_similarity", "name")
        )

    def took_part(self, **visit_filters):
        """A condition on organisations: it took part in a visit matching ``visit_filters``
        (``status="published"``) under the participation rule (``participation_links``), one
        ``EXISTS`` per link so that rows never repeat. For published visits the answer is
        stored too, ``Organisation.took_part`` (kept by visits/triggers.py): lists read that."""
        links = participation_links()
        return functools.reduce(
            operator.or_,
            (Exists(link.rows(**visit_filters).filter(**{link.organisation: OuterRef("pk")})) for link in links),
        )

    def for_list(self):
        """List pages, CSV export and the API's list: related counts as subquery annotations,
        tags and ecosystems prefetched. A page costs the same queries for 3 rows or 3,000.

        The facet flags (``has_visits``: took part in a published visit, the stored
        ``took_part``; ``has_valid_label``, ``size_band``) are aliases: filters and facets read them, the page's
        rows do not select them. Selected, the planner hashes every published visit's links to
        answer them even for 25 rows; the counts, correlated subqueries, are evaluated after the
        LIMIT, for the page's rows only."""
        from clusters.models import Label, Membership  # noqa: PLC0415 (the models import this module)

        today = timezone.localdate()
        hosted = self.model.visits_hosted.through
        made = self.model.visits_made.through
        return (
            self.annotate(
                members_on_record=count_related(Membership, "group"),
                visits_hosted_count=count_events(hosted),
                visits_made_count=count_events(made),
            )
            .alias(
                has_visits=F("took_part"),
                has_valid_label=Exists(Label.objects.current(today).filter(organisation=OuterRef("pk"))),
                size_band=Case(
                    When(members_count__isnull=True, then=Value("unknown")),
                    When(members_count__lt=50, then=Value("1-49")),
                    When(members_count__lt=250, then=Value("50-249")),
                    default=Value("250+"),
                ),
            )
            .prefetch_related("tags", "ecosystems")
        )

    def for_list_page(self):
        """The list pages and their CSV: ``for_list()`` with tags and ecosystems prefetched as
        plain lists, ``tag_list`` and ``ecosystem_list``. Prefetching into the related managers
        builds a filtered QuerySet per row and manager (a fifth of a 25-row page's Python time)."""
        return (
            self.for_list()
            .prefetch_related(None)
            .prefetch_related(Prefetch("tags", to_attr="tag_list"), Prefetch("ecosystems", to_attr="ecosystem_list"))
        )

    def for_profile(self, user):
        """An organisation as its profile page shows it: names, ecosystems, tags, labels, managed
        instruments and, for those who may see them (``core.roles.can_see_contacts``), contacts,
        prefetched. The page reads the rest in one query each: memberships both ways, and the
        sections other apps register (``core.registry``: visits through the participation rule,
        projects)."""
        prefetches = [
            "alternative_names",
            "ecosystems",
            "tags",
            "labels",
            Prefetch(
                "managed_instruments", queryset=self.model.managed_instruments.field.model.objects.order_by("name")
            ),
        ]
        if can_see_contacts(user):
            prefetches.append("contacts")
        return self.prefetch_related(*prefetches)

    def for_detail(self, user):
        """An organisation as the API shows it: ``for_profile`` and what the API lists besides,
        memberships both ways, the visits it hosted and made that ``user`` may see, and its
        project links; a fixed number of queries."""
        from clusters.models import Membership  # noqa: PLC0415 (the models import this module)

        visits = self.model.visits_hosted.field.model.objects.visible_to(user).order_by("start_date", "pk")
        return self.for_profile(user).prefetch_related(
            Prefetch("member_links", queryset=Membership.objects.select_related("member")),
            Prefetch("membership_links", queryset=Membership.objects.select_related("group")),
            Prefetch("visits_hosted", queryset=visits),
            Prefetch("visits_made", queryset=visits),
            Prefetch(
                "project_links",
                queryset=self.model.project_links.field.model.objects.select_related("project__instrument"),
            ),
        )

    def similar_to(self, organisation, n: int = 5):
        """The ``n`` organisations sharing most ecosystems, tags and country with ``organisation``
        (one query; reads its prefetched ecosystems and tags), annotated with ``similarity``.

        Scored from the link tables (only rows sharing an ecosystem or a tag are counted), plus
        the first ``n`` by name of the same country sharing nothing else, which score 1: scoring
        every organisation with correlated counts took seconds at 100,000 rows."""
        ecosystem_ids = [e.pk for e in organisation.ecosystems.all()]
        tag_ids = [t.pk for t in organisation.tags.all()]
        content_type = ContentType.objects.get_for_model(self.model)
        table = self.model._meta.db_table
        links = self.model.ecosystems.through._meta.db_table
        tagged = self.model.tags.through._meta.db_table
        country = organisation.country.code or None
        sql = f"""
            SELECT o.*, c.similarity FROM (
                (SELECT o.id, COUNT(*) + CASE WHEN o.country = %(country)s THEN 1 ELSE 0 END AS similarity, o.name
                 FROM {table} AS o JOIN (
                     SELECT organisation_id AS id FROM {links} WHERE ecosystem_id = ANY(%(eco)s)
                     UNION ALL
                     SELECT object_id::bigint FROM {tagged} WHERE content_type_id = %(ct)s AND tag_id = ANY(%(tags)s)
                 ) AS l ON l.id = o.id
                 WHERE o.id <> %(pk)s GROUP BY o.id ORDER BY similarity DESC, o.name, o.id LIMIT %(n)s)
                UNION ALL
                (SELECT o.id, 1, o.name FROM {table} AS o
                 WHERE o.country = %(country)s AND o.id <> %(pk)s
                 AND NOT EXISTS (SELECT 1 FROM {links} WHERE organisation_id = o.id AND ecosystem_id = ANY(%(eco)s))
                 AND NOT EXISTS (SELECT 1 FROM {tagged} WHERE content_type_id = %(ct)s
                                 AND object_id::bigint = o.id AND tag_id = ANY(%(tags)s))
                 ORDER BY o.name, o.id LIMIT %(n)s)
            ) AS c JOIN {table} AS o ON o.id = c.id
            ORDER BY c.similarity DESC, o.name, o.id LIMIT %(n)s
        """
        params = {"eco": ecosystem_ids, "tags": tag_ids, "ct": content_type.pk, "country": country}
        return list(self.model.objects.raw(sql, {**params, "pk": organisation.pk, "n": n}))


class LabelQuerySet(models.QuerySet):
    def current(self, today=None):
        """Labels still valid on ``today``: no end date, or one not yet passed."""
        today = today or timezone.localdate()
        return self.filter(Q(valid_until__isnull=True) | Q(valid_until__gte=today))

    def expired(self, today=None):
        """Labels whose valid-until date is before ``today``."""
        return self.filter(valid_until__lt=today or timezone.localdate())
