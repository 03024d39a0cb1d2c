from django.apps import AppConfig


class AccountsConfig(AppConfig):
    """Reader accounts: the account page, the personal data download and account deletion, beside
    django-allauth's sign-up, sign-in and e-mail pages at /accounts/."""

    name = "accounts"
    label = "accounts"
    verbose_name = "Reader accounts"
