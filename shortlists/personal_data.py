"""What the shortlists hold about a reader, for the download of their personal data."""


def shortlists(user) -> list[dict]:
    return [
        {
            "name": s.name,
            "created_at": s.created_at.isoformat(),
            "updated_at": s.updated_at.isoformat(),
            "shared": bool(s.share_token),
            "organisations": [
                {
                    "organisation": e.organisation.name,
                    "url": e.organisation.get_absolute_url(),
                    "note": e.note,
                    "added_at": e.added_at.isoformat(),
                }
                for e in s.entries.all()
            ],
        }
        for s in user.shortlists.prefetch_related("entries__organisation")
    ]
