"""Statement-level triggers that keep a derived column current, declared for django-pgtrigger.

A domain app that stores something derived from another table (an organisation's alternative
names, its ecosystem ids, whether it took part in a visit) recomputes it for the rows a statement
touched, once per statement: the statement's old and new rows are read from transition tables, so
a bulk load of 10,000 link rows rewrites each affected row once, not once per link.
"""

from collections.abc import Callable

import pgtrigger


def after_each_statement(
    name: str, column: str, body: Callable[[str], str], *, also_on_update: str = ""
) -> list[pgtrigger.Trigger]:
    """AFTER triggers ``<name>_insert``, ``_update`` and ``_delete``, each running ``body(ids)``,
    where ``ids`` is SQL returning the values of ``column`` in the rows the statement wrote or
    removed (on UPDATE, old and new, plus ``also_on_update``: more SQL starting with UNION that
    may read ``old_rows`` and ``new_rows``)."""
    changes = {
        "insert": (pgtrigger.Insert, pgtrigger.Referencing(new="new_rows"), f"SELECT {column} FROM new_rows"),
        "update": (
            pgtrigger.Update,
            pgtrigger.Referencing(old="old_rows", new="new_rows"),
            f"SELECT {column} FROM old_rows UNION SELECT {column} FROM new_rows{also_on_update}",
        ),
        "delete": (pgtrigger.Delete, pgtrigger.Referencing(old="old_rows"), f"SELECT {column} FROM old_rows"),
    }
    return [
        pgtrigger.Trigger(
            name=f"{name}_{op}",
            level=pgtrigger.Statement,
            when=pgtrigger.After,
            operation=operation,
            referencing=referencing,
            func=body(ids),
        )
        for op, (operation, referencing, ids) in changes.items()
    ]
