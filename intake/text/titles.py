"""A title for the draft: the report's first heading, else its first real line (not a web
address, a date line or a slogan of two words), else its first sentence."""

from __future__ import annotations

import re

MAX_LENGTH = 250
HEAD_LINES = 6  # a heading further down belongs to a section, not to the report

MARKUP = re.compile(r"<[^>\n]{0,200}>|\*\*?|__|`")
HEADING = re.compile(r"^\s{0,3}#{1,6}\s+(?P<title>.+?)\s*#*\s*$")
ADDRESS = re.compile(r"^(?:https?://|www\.)\S+$", re.IGNORECASE)
WORD = re.compile(r"[^\W\d_]{2,}")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁİ])")


def guess_title(text: str) -> str:
    lines = [clean(line) for line in (text or "").splitlines()]
    lines = [line for line in lines if line]
    for line in lines[:HEAD_LINES]:
        heading = HEADING.match(line)
        if heading and len(WORD.findall(heading.group("title"))) >= 1:
            return trim(heading.group("title"))
    for line in lines:
        if ADDRESS.match(line) or len(WORD.findall(line)) < 3:
            continue
        return trim(first_sentence(line.lstrip("#-*• ").strip()))
    return trim(lines[0]) if lines else ""


def clean(line: str) -> str:
    return " ".join(MARKUP.sub("", line).split())


def first_sentence(line: str) -> str:
    if len(line) <= MAX_LENGTH:
        return line
    return SENTENCE_END.split(line, maxsplit=1)[0]


def trim(title: str) -> str:
    title = title.strip(" :;,-–—|")
    if len(title) <= MAX_LENGTH:
        return title
    cut = title[: MAX_LENGTH - 1].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:-–—") + "…"
