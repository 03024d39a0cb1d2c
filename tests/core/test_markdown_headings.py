"""A text's top-most heading becomes h3, whatever level its author started at, so reports that
begin at ``###`` do not skip h4 under the page's section h2 (axe's heading-order rule)."""

from core.templatetags.markdown import render_markdown


def test_a_text_starting_at_level_three_starts_at_h3():
    html = render_markdown("### Mulhouse\n\ntext\n\n#### Visit\n\n### Lyon")
    assert "<h3>Mulhouse</h3>" in html
    assert "<h4>Visit</h4>" in html
    assert "<h3>Lyon</h3>" in html
    assert "<h5" not in html


def test_each_text_is_shifted_on_its_own():
    assert "<h3>Deep</h3>" in render_markdown("##### Deep")
    assert "<h3>Top</h3>" in render_markdown("# Top")
    assert "<h5>Deep</h5>" in render_markdown("# Top\n\n### Deep")


def test_text_without_headings_is_unchanged():
    assert render_markdown("plain *text*") == "<p>plain <em>text</em></p>\n"
