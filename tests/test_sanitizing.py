"""Whatever staff paste into a release or a boilerplate is stored clean, keeping the formatting we allow."""

import re

import pytest
from django.urls import reverse

from releases.models import Boilerplate, Release

HOSTILE = [
    ("script", "<p>Hi<script>alert(1)</script></p>", "<p>Hi</p>"),
    ("script writing markup", '<p>x</p><script>document.write("<p>y</p>")</script>', "<p>x</p>"),
    ("style", "<style>p { color: red }</style><p>x</p>", "<p>x</p>"),
    ("iframe", '<p>a<iframe src="https://evil.example"></iframe></p>', "<p>a</p>"),
    ("iframe srcdoc", '<iframe srcdoc="<script>alert(1)</script>"></iframe><p>after</p>', "<p>after</p>"),
    ("object", '<object data="x.swf"><param name="a" value="b"></object><p>t</p>', "<p>t</p>"),
    ("embed", '<embed src="x.swf"><p>e</p>', "<p>e</p>"),
    ("onclick", '<p onclick="alert(1)">Click</p>', "<p>Click</p>"),
    ("img onerror", "<img src=x onerror=alert(1)><p>img</p>", "<p>img</p>"),
    (
        "onmouseover",
        '<a href="https://example.org" onmouseover="alert(1)">link</a>',
        '<a href="https://example.org" rel="noopener noreferrer">link</a>',
    ),
    ("javascript href", '<a href="javascript:alert(1)">js</a>', "js"),
    ("mixed-case javascript href", '<a href="JaVaScRiPt:alert(1)">js</a>', "js"),
    ("spaced javascript href", '<a href=" javascript:alert(1)">js</a>', "js"),
    ("tab in javascript href", '<a href="java&#x09;script:alert(1)">js</a>', "js"),
    (
        "entity-encoded javascript href",
        '<a href="&#106;&#97;&#118;&#97;&#115;&#99;&#114;&#105;&#112;&#116;&#58;alert(1)">js</a>',
        "js",
    ),
    ("named-entity javascript href", '<a href="&#x6A;avascript&colon;alert(1)">js</a>', "js"),
    ("data href", '<a href="data:text/html;base64,PHNjcmlwdD4=">d</a>', "d"),
    ("vbscript href", '<a href="vbscript:msgbox(1)">vb</a>', "vb"),
    ("ftp href", '<p><a href="ftp://files.example.org">ftp</a></p>', "<p>ftp</p>"),
    ("svg onload", "<svg onload=alert(1)><circle r=1></circle></svg><p>svg</p>", "<p>svg</p>"),
    ("svg script", "<svg><script>alert(1)</script></svg><p>s</p>", "<p>s</p>"),
    ("inline style", '<p style="color:red;background:url(javascript:alert(1))">styled</p>', "<p>styled</p>"),
    ("form", "<form action=x><input name=a></form><p>f</p>", "<p>f</p>"),
    ("base and link", '<base href="https://evil.example"><link rel=stylesheet href=x><p>b</p>', "<p>b</p>"),
    ("meta refresh", '<meta http-equiv="refresh" content="0;url=https://evil.example"><p>m</p>', "<p>m</p>"),
    ("split script tag", "<scr<script>ipt>alert(1)</script>", "ipt&gt;alert(1)"),
    (
        "escaped markup stays text",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
        "<p>&lt;script&gt;alert(1)&lt;/script&gt;</p>",
    ),
]

WORD = [
    ("MsoNormal and o:p", '<p class="MsoNormal">Word text<o:p></o:p></p>', "<p>Word text</p>"),
    ("empty Word paragraph", '<p class="MsoNormal"><o:p>&nbsp;</o:p></p><p>kept</p>', "<p>kept</p>"),
    (
        "mso styles keep bold and italic",
        '<p class="MsoNormal" style="mso-margin-top-alt:auto"><b style="mso-bidi-font-weight:normal">Bold</b> '
        '<i style="mso-bidi-font-style:normal">it</i></p>',
        "<p><strong>Bold</strong> <em>it</em></p>",
    ),
    ("mso bold span is not bold", '<p><span style="mso-bidi-font-weight:bold">Plain</span></p>', "<p>Plain</p>"),
    (
        "conditional comment with xml",
        "<!--[if gte mso 9]><xml><w:WordDocument><w:View>Normal</w:View></w:WordDocument></xml><![endif]-->"
        "<p>After</p>",
        "<p>After</p>",
    ),
    (
        "conditional comment with style",
        "<!--[if !mso]><style>v\\:* {behavior:url(#default#VML);}</style><![endif]--><p>x</p>",
        "<p>x</p>",
    ),
    ("xml block", "<xml><o:OfficeDocumentSettings><o:AllowPNG/></o:OfficeDocumentSettings></xml><p>x</p>", "<p>x</p>"),
    (
        "Word heading span",
        '<p class=MsoNormal><b><span lang=EN-US style="font-size:12.0pt;mso-bidi-font-size:11.0pt">'
        "Press contact</span></b><o:p></o:p></p>",
        "<p><strong>Press contact</strong></p>",
    ),
    (
        "Word list marker",
        "<p class=MsoListParagraph style='mso-list:l0 level1 lfo1'><![if !supportLists]>1.<![endif]>First</p>",
        "<ol><li>First</li></ol>",
    ),
    (
        "Word bullets, nested",
        "<p class=MsoListParagraphCxSpFirst style='mso-list:l0 level1 lfo1'><![if !supportLists]>"
        "<span style='font-family:Symbol'>·</span><![endif]>One</p>"
        "<p class=MsoListParagraphCxSpMiddle style='mso-list:l0 level2 lfo1'>"
        "<![if !supportLists]>o<![endif]>Deeper</p>"
        "<p class=MsoListParagraphCxSpLast style='mso-list:l0 level1 lfo1'><![if !supportLists]>·<![endif]>Two</p>"
        "<p class=MsoNormal>After</p>",
        "<ul><li>One<ul><li>Deeper</li></ul></li><li>Two</li></ul><p>After</p>",
    ),
    (
        "Word Heading 1 and 2",
        "<h1>Top<o:p></o:p></h1><h2>Next</h2><h3>Third</h3>",
        "<h2>Top</h2><h3>Next</h3><h4>Third</h4>",
    ),
    (
        "Word quote style",
        "<p class=MsoQuote>Said.</p><p class=MsoIntenseQuote>Again.</p>",
        "<blockquote><p>Said.</p><p>Again.</p></blockquote>",
    ),
    (
        "Word underline",
        "<p><u>under</u> and <span style='text-decoration:underline'>styled</span></p>",
        "<p><u>under</u> and <u>styled</u></p>",
    ),
    (
        "Word link keeps no underline of its own",
        "<p><a href=\"https://example.org\"><span style='color:#0563C1;text-decoration:underline'>site</span></a></p>",
        '<p><a href="https://example.org" rel="noopener noreferrer">site</a></p>',
    ),
    (
        "Word table with a bold first row",
        "<table class=MsoTableGrid border=1 style='border-collapse:collapse'><tr style='mso-yfti-firstrow:yes'>"
        "<td width=312 valign=top style='border:solid windowtext 1.0pt'><p class=MsoNormal><b>Cell A</b></p></td>"
        "<td><p class=MsoNormal><b>Cell B</b></p></td></tr>"
        "<tr><td><p>1</p></td><td colspan=1><p>2</p></td></tr></table>",
        '<table><thead><tr><th scope="col">Cell A</th><th scope="col">Cell B</th></tr></thead>'
        "<tbody><tr><td>1</td><td>2</td></tr></tbody></table>",
    ),
]

GOOGLE_DOCS = [
    (
        "Docs paste",
        '<meta charset="utf-8"><b style="font-weight:normal;" id="docs-internal-guid-1a2b3c4d-7fff-1234">'
        '<p dir="ltr" style="line-height:1.38;margin-top:0pt">'
        '<span style="font-size:11pt;font-weight:700;">Bold</span>'
        '<span style="font-style:italic;"> italic</span><span style="font-weight:400"> plain</span></p></b>',
        "<p><strong>Bold</strong><em> italic</em> plain</p>",
    ),
    (
        "bold and italic span",
        '<p><span style="font-weight:bold;font-style:italic">both</span></p>',
        "<p><strong><em>both</em></strong></p>",
    ),
    ("dir ltr heading", '<h2 dir="ltr"><span style="font-size:16pt">Heading</span></h2>', "<h2>Heading</h2>"),
    ("not-bold b", '<p><b style="font-weight:400">plain</b></p>', "<p>plain</p>"),
    (
        "Docs list",
        '<ul><li dir="ltr" style="list-style-type:disc"><p dir="ltr"><span>one</span></p></li></ul>',
        "<ul><li>one</li></ul>",
    ),
    (
        "Docs headings",
        '<h1 dir="ltr"><span style="font-size:20pt;font-weight:700">Top</span></h1><h2 dir="ltr">Next</h2>',
        "<h2>Top</h2><h3>Next</h3>",
    ),
    (
        "Docs nested list",
        '<ul><li dir="ltr"><p dir="ltr">one</p></li><ul><li dir="ltr"><p dir="ltr">deeper</p></li></ul></ul>',
        "<ul><li>one<ul><li>deeper</li></ul></li></ul>",
    ),
    (
        "Docs indented paragraph is a quote",
        '<p dir="ltr" style="line-height:1.38;margin-left:36pt;margin-top:0pt">Quoted</p>'
        '<p style="margin-left:0pt">Not</p>',
        "<blockquote><p>Quoted</p></blockquote><p>Not</p>",
    ),
    (
        "Docs underline",
        '<p><span style="text-decoration:underline;-webkit-text-decoration-skip:none">under</span></p>',
        "<p><u>under</u></p>",
    ),
    (
        "Docs table",
        '<div dir="ltr" align="left"><table style="border:none"><colgroup><col width="301" /></colgroup><tbody>'
        '<tr style="height:0pt"><td style="border-left:solid #000000 1pt"><p dir="ltr"><span style="font-weight:700">'
        'Head</span></p></td></tr><tr><td><p dir="ltr"><span style="font-weight:400">Body</span></p></td></tr>'
        "</tbody></table></div>",
        '<table><thead><tr><th scope="col">Head</th></tr></thead><tbody><tr><td>Body</td></tr></tbody></table>',
    ),
    ("Docs trailing break", '<p>Text</p><br class="Apple-interchange-newline">', "<p>Text</p>"),
]

MESSY = [
    ("empty spans and paragraphs", "<p><span></span></p><p> </p><p>&nbsp;</p><span></span><p>kept</p>", "<p>kept</p>"),
    ("empty bold", '<p><span style="font-weight:700"></span></p><p>k</p>', "<p>k</p>"),
    ("paragraph with only a break", "<p><br></p><p>k</p>", "<p>k</p>"),
    ("link around an image only", '<a href="https://x.org"><img src="x.png"></a><p>z</p>', "<p>z</p>"),
    ("div wrapper", '<div class="WordSection1"><p>in div</p></div>', "<p>in div</p>"),
    ("table", "<table><tr><td>cell</td></tr></table>", "<table><tbody><tr><td>cell</td></tr></tbody></table>"),
    (
        "table header cells and spans",
        '<table><tr><th scope="bogus" style="x" colspan="2">H</th></tr><tr><th scope="row">R</th><td rowspan="1" '
        'onclick="x()">d</td></tr></table>',
        '<table><thead><tr><th colspan="2" scope="col">H</th></tr></thead><tbody><tr><th scope="row">R</th>'
        "<td>d</td></tr></tbody></table>",
    ),
    (
        "tags not allowed inside a table",
        "<table><tr><td><img src=x><script>x()</script>c</td></tr></table>",
        "<table><tbody><tr><td>c</td></tr></tbody></table>",
    ),
    ("attributes on allowed tags", '<h2 id="h" class="c" style="color:red">Head</h2>', "<h2>Head</h2>"),
    ("h1 and h5", "<h1>Title</h1><h5>Small</h5>", "<h2>Title</h2><h4>Small</h4>"),
    ("unclosed bold", "<p>unclosed <strong>bold", "<p>unclosed <strong>bold</strong></p>"),
    ("comment", "<p>a <!-- note to self --> b</p>", "<p>a  b</p>"),
]

ALLOWED = (
    "<h2>Two</h2><h3>Three</h3><h4>Four</h4>"
    "<p>Plain, <strong>strong</strong>, <em>emphasis</em>,<br>and a break.</p>"
    "<ul><li>bullet</li></ul><ol><li>number</li></ol>"
    "<blockquote><p>A quote.</p></blockquote>"
    '<p><a href="http://a.example.org" rel="noopener noreferrer">http</a> '
    '<a href="https://b.example.org/?a=1&amp;b=2" rel="noopener noreferrer">https</a> '
    '<a href="mailto:press@example.org" rel="noopener noreferrer">mail</a> '
    '<a href="tel:+15033472329" rel="noopener noreferrer">phone</a></p>'
)

KEPT = [
    ("allowed formatting", ALLOWED, ALLOWED),
    ("b and i", "<p><b>bold</b> <i>italic</i></p>", "<p><strong>bold</strong> <em>italic</em></p>"),
    (
        "links get rel",
        '<p><a href="https://example.org" target="_blank">site</a></p>',
        '<p><a href="https://example.org" rel="noopener noreferrer">site</a></p>',
    ),
]

CORPUS = HOSTILE + WORD + GOOGLE_DOCS + MESSY + KEPT
cases = pytest.mark.parametrize(("pasted", "stored"), [case[1:] for case in CORPUS], ids=[case[0] for case in CORPUS])

NOTHING_ACTIVE = re.compile(
    r"<(?!/?(p|br|h[234]|ul|ol|li|a|strong|em|u|blockquote|table|thead|tbody|tr|th|td)[ >])"
    r"|\son\w+=|style=|javascript:",
    re.I,
)


@cases
def test_release_save_stores_pasted_html_clean(make_release, pasted, stored):
    release = make_release(body=pasted)

    release.refresh_from_db()
    assert release.body == stored
    assert not NOTHING_ACTIVE.search(release.body)


@cases
def test_the_release_admin_stores_pasted_html_clean(admin_client, release_form_data, pasted, stored):
    response = admin_client.post(reverse("admin:releases_release_add"), release_form_data(body=pasted))

    assert response.status_code == 302
    assert Release.objects.get().body == stored


@cases
def test_boilerplate_save_stores_pasted_html_clean(make_boilerplate, pasted, stored):
    boilerplate = make_boilerplate(text=pasted)

    boilerplate.refresh_from_db()
    assert boilerplate.text == stored


def test_the_boilerplate_admin_stores_pasted_html_clean(admin_client):
    response = admin_client.post(
        reverse("admin:releases_boilerplate_add"),
        {"title": "About", "language": "en", "text": '<p onclick="x()">About <b>us</b><script>x()</script></p>'},
    )

    assert response.status_code == 302
    assert Boilerplate.objects.get().text == "<p>About <strong>us</strong></p>"


@cases
def test_cleaning_twice_changes_nothing(make_release, pasted, stored):
    release = make_release(body=pasted)

    release.save()

    release.refresh_from_db()
    assert release.body == stored


def test_the_public_page_shows_the_allowed_formatting(client, make_release):
    release = make_release(body=ALLOWED + '<p onclick="steal()">Last<script>steal()</script></p>')

    response = client.get(release.get_absolute_url())

    assert ALLOWED in response.text
    assert "<p>Last</p>" in response.text
    assert "steal()" not in response.text
