#!/usr/bin/env python3
"""The Python baseline of bench/run.sh: what a short script with python-frontmatter does.

    python3 bench/python_baseline.py VAULT [--today YYYY-MM-DD]

Parses every `.md` note of VAULT with python-frontmatter (notes whose YAML is broken
are read without properties), decides who is a person (under `People/`; `type: person`;
`categories` or `tags` holding People, person or [[People]]), and finds each person's
last contact on or before today (default 2026-11-23) from:
  - dated log lines in the person's note (`- 2026-10-02 …`, `- [[2026-10-02]] …`,
    `### 2026-10-02 …`) and its `last_contact` property (or an alias of that key);
  - daily notes, named by the date (`2026-10-02.md`), linking the person;
  - other notes with a `date` property linking the person in the body or properties.
Links resolve by file name or path, case-insensitively, ignoring `|label`, `#heading`
and `^block`, and by unambiguous alias; links in code and on task lines do not count.
Prints a JSON list of {"name", "last_contact"} sorted by name.
"""

import json
import os
import re
import sys

import frontmatter

DATE = re.compile(r"(\d{4}-\d{2}-\d{2})")
JOURNAL_STEM = re.compile(r"^\d{4}-\d{2}-\d{2}$")
LINK = re.compile(r"\[\[([^\]|#^]+)")
LOG_LINE = re.compile(r"^[ \t]*(?:[-*+][ \t]+|#{1,6}[ \t]+)(?:\[\[)?(\d{4}-\d{2}-\d{2})", re.M)
TASK_LINE = re.compile(r"^[ \t]*[-*+][ \t]+\[.\].*$", re.M)
FENCE = re.compile(r"^[ \t]*(```|~~~).*?(?:^[ \t]*\1[^\n]*$|\Z)", re.M | re.S)
CODE_SPAN = re.compile(r"`[^`\n]*`")
PERSON_TAGS = {"people", "person", "[[people]]"}
LAST_CONTACT_KEYS = ("last_contact", "last-contact", "last contact", "lastcontact",
                     "prm-last-contacted")


def as_list(value):
    if value is None:
        return []
    if isinstance(value, (list, tuple, set)):
        return list(value)
    return [value]


def date_of(value):
    """YYYY-MM-DD from a property value (a date, a datetime or a string), or None."""
    if value is None:
        return None
    m = DATE.match(str(value).strip())
    return m.group(1) if m else None


def strip_code(text):
    text = FENCE.sub("", text)
    return CODE_SPAN.sub("", text)


def link_targets(body, meta):
    text = TASK_LINE.sub("", strip_code(body))
    targets = LINK.findall(text)
    if meta:
        targets += LINK.findall(json.dumps(meta, default=str, ensure_ascii=False))
    return targets


def read_vault(root):
    for folder, dirs, files in os.walk(root):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in sorted(files):
            if name.endswith(".md") and not name.startswith("."):
                full = os.path.join(folder, name)
                yield os.path.relpath(full, root).replace(os.sep, "/"), full


def main(argv):
    args = [a for a in argv if not a.startswith("--")]
    today = "2026-11-23"
    if "--today" in argv:
        i = argv.index("--today")
        today = argv[i + 1]
        args = [a for a in args if a != today]
    if len(args) != 1:
        print(__doc__.strip(), file=sys.stderr)
        return 2
    root = args[0]

    people = []  # dicts: name, rel, stem, aliases, last
    dated = []  # (date, [link targets])
    broken = 0
    for rel, full in read_vault(root):
        with open(full, encoding="utf-8-sig", errors="replace") as f:
            text = f.read()
        try:
            post = frontmatter.loads(text)
            meta, body = post.metadata, post.content
            if not isinstance(meta, dict):
                meta = {}
        except Exception:  # broken YAML: read the note without properties
            meta, body = {}, text
            broken += 1
        meta = {str(k).lower(): v for k, v in meta.items()}
        stem = rel.rsplit("/", 1)[-1][:-3]

        tags = {str(t).strip().lstrip("#").lower()
                for key in ("categories", "tags") for t in as_list(meta.get(key))}
        is_person = (
            rel.lower().startswith("people/")
            or str(meta.get("type", "")).strip().lower() == "person"
            or bool(tags & PERSON_TAGS)
        )
        if is_person:
            dates = [d for d in LOG_LINE.findall(body) if d <= today]
            for key in LAST_CONTACT_KEYS:
                d = date_of(meta.get(key))
                if d and d <= today:
                    dates.append(d)
            aliases = [str(a) for a in as_list(meta.get("aliases", meta.get("alias")))]
            people.append({
                "name": str(meta.get("name") or stem),
                "rel": rel[:-3].lower(),
                "stem": stem.lower(),
                "aliases": aliases,
                "last": max(dates) if dates else None,
            })

        when = stem if JOURNAL_STEM.match(stem) else date_of(meta.get("date"))
        if when and when <= today:
            targets = link_targets(body, meta)
            if targets:
                dated.append((when, targets))

    by_key = {}
    for i, p in enumerate(people):
        by_key.setdefault(p["stem"], i)
        by_key[p["rel"]] = i
    alias_count = {}
    for p in people:
        for a in p["aliases"]:
            alias_count[a.lower()] = alias_count.get(a.lower(), 0) + 1
    for i, p in enumerate(people):
        for a in p["aliases"]:
            if alias_count[a.lower()] == 1:
                by_key.setdefault(a.lower(), i)

    for when, targets in dated:
        for t in targets:
            key = t.strip().lower()
            if key.endswith(".md"):
                key = key[:-3]
            i = by_key.get(key)
            if i is None and "/" in key:
                i = by_key.get(key.rsplit("/", 1)[-1])
            if i is not None:
                p = people[i]
                if p["last"] is None or when > p["last"]:
                    p["last"] = when

    out = sorted(({"name": p["name"], "last_contact": p["last"]} for p in people),
                 key=lambda p: (p["name"].lower(), p["name"]))
    json.dump(out, sys.stdout, ensure_ascii=False, indent=1)
    sys.stdout.write("\n")
    print(f"python_baseline: {len(people)} people, {broken} notes with broken front matter",
          file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
