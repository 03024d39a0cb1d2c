"""From the uploaded bytes to a list of visit objects, or one clear message saying why not.

Nothing here touches the database: a file refused here never opens a transaction.
"""

import json

MAX_BYTES = 5 * 1024 * 1024


class FileRefused(Exception):
    """The file as a whole cannot be read as a visit import; ``message`` says why, for people."""

    def __init__(self, message: str):
        super().__init__(message)
        self.message = message


class _NotJson(ValueError):
    pass


def _refuse_constant(name: str):
    raise _NotJson(f"{name} is not a JSON number")


def _has_nul(content) -> bool:
    """Whether a string anywhere in ``content`` holds a NUL, which PostgreSQL refuses in text
    (checked here: a query with one would break the import's transaction)."""
    stack = [content]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            if "\x00" in item:
                return True
        elif isinstance(item, dict):
            stack.extend(item.keys())
            stack.extend(item.values())
        elif isinstance(item, list):
            stack.extend(item)
    return False


def size_refusal(size: int) -> str:
    return (
        f"The file is {size / 1024 / 1024:.1f} MB; an import may be at most {MAX_BYTES // 1024 // 1024} MB. "
        "Split it into several files."
    )


def read_visits(data: bytes) -> list:
    """The visit objects of a JSON file holding a list of visits or ``{"visits": [...]}``."""
    if len(data) > MAX_BYTES:
        raise FileRefused(size_refusal(len(data)))
    if not data.strip():
        raise FileRefused("The file is empty.")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FileRefused(f"The file is not UTF-8 text (byte {error.start + 1} cannot be read).") from None
    try:
        content = json.loads(text, parse_constant=_refuse_constant)
    except _NotJson as error:
        raise FileRefused(f"The file is not valid JSON: {error}.") from None
    except json.JSONDecodeError as error:
        raise FileRefused(
            f"The file is not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}."
        ) from None
    except RecursionError:
        raise FileRefused("The file is not valid JSON: it is nested too deeply.") from None
    if _has_nul(content):
        raise FileRefused("The file contains a NUL character (\\u0000), which no text field can store.")
    if isinstance(content, dict) and set(content) == {"visits"}:
        content = content["visits"]
    if not isinstance(content, list):
        raise FileRefused('The file must hold a list of visits, or an object {"visits": [...]}.')
    if not content:
        raise FileRefused("The file holds no visits.")
    return content
