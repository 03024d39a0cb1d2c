"""Build admin POST data the way a browser would: from the form and inline formsets the admin
rendered, so a test only states the fields it cares about."""

from django import forms


def _as_post_value(value):
    if value is None or value is False:
        return None
    if value is True:
        return "on"
    if isinstance(value, list | tuple):
        return [str(item) for item in value]
    return str(value)


def _rendered_value(bound_field):
    """What the browser would send for ``bound_field`` as rendered; None when it sends nothing."""
    widget = bound_field.field.widget
    value = bound_field.value()
    if isinstance(widget, forms.CheckboxInput):
        return "on" if widget.check_test(value) else None
    if isinstance(widget, forms.widgets.Input):
        # Text-like inputs render through format_value (dates in the input format, tags as a string).
        value = widget.format_value(value)
    return _as_post_value(value)


def admin_form_data(response) -> dict:
    """The POST data of the admin add/change page in ``response``, as rendered: the main form,
    each inline's management form and its forms' current values."""
    data = {}
    forms_on_page = [response.context["adminform"].form]
    for inline in response.context["inline_admin_formsets"]:
        formset = inline.formset
        management = formset.management_form
        data.update({management.add_prefix(name): str(value) for name, value in management.initial.items()})
        forms_on_page.extend(formset.forms)
    for form in forms_on_page:
        for name in form.fields:
            value = _rendered_value(form[name])
            if value is not None:
                data[form.add_prefix(name)] = value
    return data


def inline_formset(response, model):
    """The inline formset for ``model`` on the admin page in ``response``."""
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset
    raise LookupError(f"No inline for {model.__name__} on this page.")


def add_inline_row(response, data: dict, model, **fields) -> None:
    """Append to ``data`` one row of the ``model`` inline, as "Add another" would: the empty
    form with its defaults, then ``fields``."""
    formset = inline_formset(response, model)
    prefix = formset.prefix
    index = int(data[f"{prefix}-TOTAL_FORMS"])
    data[f"{prefix}-TOTAL_FORMS"] = str(index + 1)
    row = {name: _rendered_value(formset.empty_form[name]) for name in formset.empty_form.fields}
    row.update({name: _as_post_value(value) for name, value in fields.items()})
    data.update({f"{prefix}-{index}-{name}": value for name, value in row.items() if value is not None})
