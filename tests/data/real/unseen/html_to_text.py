"""Render the LibreOffice HTML exports in this folder as plain text, as a browser shows them.

Usage: python3 tests/data/real/unseen/html_to_text.py FILE.html > FILE.txt

Why: `registre ingest` reads .pdf and .txt only; the origin repository holds these
comptes rendus as HTML (made by LibreOffice from the commune's .doc/.odt). Rendering
rules, nothing else is changed: the <head> is dropped; block elements (p, div, li, br)
end a line; whitespace inside a block collapses to one space (HTML semantics: the source
wraps lines at ~70 characters); entities are decoded (&nbsp; becomes U+00A0); an <ol>
item shows its number ("1. ", counting from start=), a <ul> item shows "- " — the
numbers a reader sees in a browser for `<ol><li/>` items are not in the source text.
Runs of blank lines are kept to one.
"""
import html.parser
import re
import sys

BLOCKS = {"p", "div", "br", "li", "ol", "ul", "h1", "h2", "h3", "h4", "tr", "table"}


class Renderer(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.lines, self.current, self.lists = [], "", []
        self.prefix, self.skip = "", 0

    def _end_line(self):
        text = re.sub(r"[ \t\r\n]+", " ", self.current).strip(" ")
        self.lines.append(text)
        self.current = ""

    def handle_starttag(self, tag, attrs):
        if tag in ("head", "style", "title"):
            self.skip += 1
        elif tag == "ol":
            self.lists.append(["ol", int(dict(attrs).get("start") or 1)])
        elif tag == "ul":
            self.lists.append(["ul", 0])
        if tag == "li" and self.lists:
            kind = self.lists[-1]
            self.prefix = f"{kind[1]}. " if kind[0] == "ol" else "- "
            if kind[0] == "ol":
                kind[1] += 1
        if tag in BLOCKS:
            self._end_line()

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_endtag(self, tag):
        if tag in ("head", "style", "title"):
            self.skip -= 1
        elif tag in ("ol", "ul") and self.lists:
            self.lists.pop()
        if tag in BLOCKS:
            self._end_line()

    def handle_data(self, data):
        if self.skip:
            return
        if self.prefix and data.strip():
            self.current += self.prefix
            self.prefix = ""
        self.current += data


def render(source: str) -> str:
    renderer = Renderer()
    renderer.feed(source)
    renderer.close()
    renderer._end_line()
    text = "\n".join(renderer.lines)
    text = re.sub(r"\n{3,}", "\n\n", text).strip("\n")
    return text + "\n"


if __name__ == "__main__":
    with open(sys.argv[1], encoding="utf-8") as handle:
        sys.stdout.write(render(handle.read()))
