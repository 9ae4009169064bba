"""Parses RSS files with feedparser (a real feed reader) and prints what it understood as JSON.

Usage: python3 parse-feed.py FILE... ; run with Debian's python3 (package python3-feedparser).
"""
import json
import sys

import feedparser

out = {}
for path in sys.argv[1:]:
    d = feedparser.parse(path)
    out[path] = {
        "bozo": int(d.bozo),
        "bozo_exception": str(d.get("bozo_exception", "")),
        "title": d.feed.get("title"),
        "language": d.feed.get("language"),
        "link": d.feed.get("link"),
        "entries": [
            {
                "title": e.get("title"),
                "link": e.get("link"),
                "id": e.get("id"),
                "published": e.get("published"),
                "published_utc": list(e.published_parsed[:6]) if e.get("published_parsed") else None,
                "content": e.content[0].value if e.get("content") else None,
                "summary": e.get("summary"),
                "tags": [t.term for t in e.get("tags", [])],
                "enclosures": [{"href": x.get("href"), "type": x.get("type"), "length": x.get("length")} for x in e.get("enclosures", [])],
            }
            for e in d.entries
        ],
    }
print(json.dumps(out, ensure_ascii=False))
