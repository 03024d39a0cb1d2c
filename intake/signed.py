"""The proposal between the two requests of the review: signed (``django.core.signing``) into
a hidden field of the page, so the records it links to never come from the client, and nothing
is kept on the server for a review that is never finished."""

from __future__ import annotations

from django.core import signing

from intake.proposal import Proposal

SALT = "intake.review"
MAX_AGE = 24 * 3600  # a review left open overnight must be started again


def sign(proposal: Proposal) -> str:
    return signing.dumps({**proposal.as_json(), "text": proposal.text}, salt=SALT, compress=True)


def unsign(token: str) -> Proposal:
    """The proposal signed into the page; ``signing.BadSignature`` if it was altered or is old."""
    return Proposal.from_json(signing.loads(token, salt=SALT, max_age=MAX_AGE))
