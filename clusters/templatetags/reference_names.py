"""``{{ organisation.region|region_name }}``: reference names stored in English, in the reader's language."""

from django import template

from clusters.reference import ecosystem_name, region_name

register = template.Library()
register.filter("region_name", region_name)
register.filter("ecosystem_name", ecosystem_name)
