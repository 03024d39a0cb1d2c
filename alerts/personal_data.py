"""What the alerts hold about a reader, for the download of their personal data."""


def saved_searches(user) -> list[dict]:
    return [
        {
            "name": s.name,
            "url": s.list_url(),
            "created_at": s.created_at.isoformat(),
            "last_seen_at": s.last_seen_at.isoformat(),
            "frequency": s.frequency,
            "reminder_days": s.reminder_days,
            "language": s.language,
        }
        for s in user.saved_searches.all()
    ]


def follows(user) -> list[dict]:
    return [
        {
            "organisation": f.organisation.name,
            "url": f.organisation.get_absolute_url(),
            "created_at": f.created_at.isoformat(),
            "language": f.language,
        }
        for f in user.follows.select_related("organisation")
    ]
