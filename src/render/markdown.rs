//! Markdown fields to HTML that is safe to publish: rendered with pulldown-cmark, then cleaned
//! with ammonia, so no script, event handler or `javascript:` URL from a YAML file reaches a page.

use std::sync::LazyLock;

use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut cleaner = ammonia::Builder::default();
    cleaner.link_rel(Some("noopener noreferrer"));
    cleaner
});

/// The HTML of a Markdown field whose headings sit under a page heading of level `top - 1`: the
/// field's highest heading becomes `<h{top}>` and the levels it uses follow on without gaps, so a
/// field that starts at `##` does not skip a level of the page's outline.
pub fn to_html(markdown: &str, top: u8) -> String {
    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut used: Vec<HeadingLevel> = Parser::new_ext(markdown, options)
        .filter_map(|event| match event {
            Event::Start(Tag::Heading { level, .. }) => Some(level),
            _ => None,
        })
        .collect();
    used.sort();
    used.dedup();
    let place = |level: HeadingLevel| {
        let rank = used.iter().position(|l| *l == level).unwrap_or(0);
        heading(usize::from(top.clamp(1, 6)) + rank)
    };
    let parser = Parser::new_ext(markdown, options).map(|event| match event {
        Event::Start(Tag::Heading { level, id, classes, attrs }) => {
            Event::Start(Tag::Heading { level: place(level), id, classes, attrs })
        }
        Event::End(TagEnd::Heading(level)) => Event::End(TagEnd::Heading(place(level))),
        other => other,
    });
    let mut html = String::new();
    pulldown_cmark::html::push_html(&mut html, parser);
    CLEANER.clean(&html).to_string()
}

fn heading(level: usize) -> HeadingLevel {
    match level {
        0 | 1 => HeadingLevel::H1,
        2 => HeadingLevel::H2,
        3 => HeadingLevel::H3,
        4 => HeadingLevel::H4,
        5 => HeadingLevel::H5,
        _ => HeadingLevel::H6,
    }
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn markdown_is_rendered() {
        assert_eq!(to_html("Some **bold** text.", 3), "<p>Some <strong>bold</strong> text.</p>\n");
        assert_eq!(to_html("# Title", 3), "<h3>Title</h3>\n");
    }

    #[test]
    fn headings_follow_on_from_the_page_without_gaps() {
        assert_eq!(to_html("## A\n\n#### B\n\n## C", 3), "<h3>A</h3>\n<h4>B</h4>\n<h3>C</h3>\n");
        assert_eq!(to_html("### Deep", 5), "<h5>Deep</h5>\n");
        assert_eq!(to_html("# a\n\n## b\n\n### c", 5), "<h5>a</h5>\n<h6>b</h6>\n<h6>c</h6>\n");
    }

    #[test]
    fn nothing_active_survives() {
        let html = to_html(
            "<script>alert(1)</script>\n\n<img src=x onerror=alert(1)>\n\n[click](javascript:alert(1))\n\n<a href=\"javascript:alert(1)\">x</a>\n\n<iframe src=\"https://example.org\"></iframe>",
            3,
        );
        for bad in ["<script", "onerror", "javascript:", "<iframe"] {
            assert!(!html.contains(bad), "{bad} in {html}");
        }
    }
}
