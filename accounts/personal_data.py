"""The account's own part of "Download my data"; the other apps' parts come from their
registrations in ``core.personal_data``."""

from allauth.account.models import EmailAddress
from axes.models import AccessLog

from accounts.services import sign_in_names
from core import personal_data
from core.roles import contacts_reason


def account_data(user) -> dict:
    return {
        "email": user.email,
        "date_joined": user.date_joined,
        "last_login": user.last_login,
        "groups": sorted(user.groups.values_list("name", flat=True)),
        "email_addresses": [
            {"email": a.email, "verified": a.verified, "primary": a.primary}
            for a in EmailAddress.objects.filter(user=user).order_by("-primary", "email")
        ],
        "sees_contact_persons_because": contacts_reason(user),
        "sign_ins": [
            {"time": log.attempt_time, "ip_address": log.ip_address, "user_agent": log.user_agent}
            for log in AccessLog.objects.filter(username__in=sign_in_names(user)).order_by("-attempt_time")[:100]
        ],
    }


def everything(user) -> dict:
    return {"account": account_data(user), **personal_data.collect(user)}
