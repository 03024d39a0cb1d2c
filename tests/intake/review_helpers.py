"""Build the review page's POST data as a browser would send it untouched."""

import datetime
from decimal import Decimal

from intake.review import Review


def _value(field):
    value = field.value()
    if field.widget_type == "checkbox":
        return "on" if value else None
    if value is None:
        return ""
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    return str(value)


def review_data(review: Review, **changes) -> dict:
    """The review's forms as rendered, then ``changes`` (``"finding-0-value": "140"``; None
    removes a field, as an unticked box)."""
    data = {"proposal": review.token}
    for form in review.all_forms():
        for name in form.fields:
            value = _value(form[name])
            if value is not None:
                data[form.add_prefix(name)] = value
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data
