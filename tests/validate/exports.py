#!/usr/bin/env python3
"""Reads `vault export` files with parsers that are not vault's: Python's `icalendar`
and `vobject` (Debian: python3-icalendar, python3-vobject). Prints what they read as
JSON, for tests/suite/export.rs to compare with what vault meant to write.

    exports.py ics FILE    ->  {"events": [{"uid", "summary", "start", "rrule", ...}]}
    exports.py vcard FILE  ->  {"cards": [{"uid", "fn", "n", "emails", ...}]}

Exits 3 when a module is missing (the test then says how to install it), 1 when a file
does not parse.
"""
import json
import sys

try:
    import icalendar
    import vobject
except ImportError as missing:  # pragma: no cover
    print(f"missing Python module: {missing.name}", file=sys.stderr)
    sys.exit(3)


def ics(path):
    with open(path, "rb") as f:
        data = f.read()
    calendar = icalendar.Calendar.from_ical(data)
    out = {
        "prodid": str(calendar.get("PRODID")),
        "version": str(calendar.get("VERSION")),
        "events": [],
    }
    for event in calendar.walk("VEVENT"):
        start = event.decoded("DTSTART")
        end = event.decoded("DTEND") if event.get("DTEND") is not None else None
        rrule = event.get("RRULE")
        out["events"].append(
            {
                "uid": str(event.get("UID")),
                "dtstamp": event.decoded("DTSTAMP").isoformat(),
                "summary": str(event.get("SUMMARY")),
                "description": str(event.get("DESCRIPTION")) if event.get("DESCRIPTION") is not None else None,
                "start": start.isoformat(),
                "end": end.isoformat() if end is not None else None,
                "rrule": rrule.to_ical().decode() if rrule is not None else None,
            }
        )
    return out


def vcard(path):
    with open(path, encoding="utf-8", newline="") as f:
        text = f.read()
    cards = []
    for card in vobject.readComponents(text, validate=True):
        def values(name):
            return [c.value for c in card.contents.get(name, [])]

        n = card.n.value if hasattr(card, "n") else None
        cards.append(
            {
                "uid": card.uid.value if hasattr(card, "uid") else None,
                "fn": card.fn.value,
                "n": {"family": n.family, "given": n.given} if n is not None else None,
                "nickname": values("nickname"),
                "emails": values("email"),
                "tel": values("tel"),
                "org": [v if isinstance(v, str) else ";".join(v) for v in values("org")],
                "title": values("title"),
                "bday": values("bday"),
                "url": values("url"),
            }
        )
    return {"cards": cards}


def main():
    kind, path = sys.argv[1], sys.argv[2]
    try:
        result = ics(path) if kind == "ics" else vcard(path)
    except Exception as error:  # the parsers raise many kinds
        print(f"{path}: {type(error).__name__}: {error}", file=sys.stderr)
        sys.exit(1)
    json.dump(result, sys.stdout, ensure_ascii=False, indent=1)


if __name__ == "__main__":
    main()
