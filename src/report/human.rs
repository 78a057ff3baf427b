//! `--format human`: each finding as a code frame with the offending text underlined, its rule
//! and how to fix it, then a summary line.

use miette::{GraphicalReportHandler, GraphicalTheme, LabeledSpan, MietteDiagnostic, NamedSource};

use super::{Located, Summary, visible, visible_offset};
use crate::diagnostic::Severity;

/// The most code frames shown for one file: past that, a count. A file that breaks in thousands
/// of places needs its first mistakes fixed, not a wall of frames.
pub const FRAMES_PER_FILE: usize = 50;

/// The longest line a code frame shows; a finding on a longer one is said in a line.
const MAX_FRAME_LINE: usize = 400;

/// How to draw.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    /// ANSI colours (a terminal, and `NO_COLOR` unset).
    pub colour: bool,
    /// The width to wrap at.
    pub width: usize,
}

/// Renders the findings, then the summary line when there is one.
pub fn render(diagnostics: &[Located], summary: Option<Summary>, style: Style) -> String {
    let theme = if style.colour { GraphicalTheme::unicode() } else { GraphicalTheme::unicode_nocolor() };
    // Wrap at spaces only: an id or a path broken at a `-` or `/` can be neither copied nor
    // searched for.
    let handler = GraphicalReportHandler::new_themed(theme)
        .with_width(style.width)
        .with_links(false)
        .with_break_words(false)
        .with_word_separator(textwrap::WordSeparator::AsciiSpace)
        .with_word_splitter(textwrap::WordSplitter::NoHyphenation);
    let mut out = String::new();
    let mut shown_in_file = 0;
    for (index, located) in diagnostics.iter().enumerate() {
        let same_file = index > 0 && diagnostics[index - 1].diagnostic.file == located.diagnostic.file;
        shown_in_file = if same_file { shown_in_file + 1 } else { 1 };
        if shown_in_file > FRAMES_PER_FILE {
            let last_of_file =
                diagnostics.get(index + 1).is_none_or(|next| next.diagnostic.file != located.diagnostic.file);
            if last_of_file {
                let more = shown_in_file - FRAMES_PER_FILE;
                out.push_str(&format!(
                    "… and {more} more {} in {} (`--format json` lists every one)\n\n",
                    if more == 1 { "finding" } else { "findings" },
                    visible(&located.source.display)
                ));
            }
            continue;
        }
        let d = located.diagnostic;
        let (name, text) = (visible(&located.source.display), &located.source.text);
        let message = visible(&d.message).into_owned();
        let mut diagnostic = MietteDiagnostic::new(message.clone()).with_code(d.rule).with_severity(match d.severity {
            Severity::Error => miette::Severity::Error,
            Severity::Warning => miette::Severity::Warning,
        });
        if let Some(help) = &d.help {
            diagnostic = diagnostic.with_help(visible(help).into_owned());
        }
        // A frame of a line longer than a screen holds nothing to read: say where, in one line.
        let line_start = text[..located.span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[located.span.start..].find('\n').map_or(text.len(), |i| located.span.start + i);
        if line_end - line_start > MAX_FRAME_LINE {
            let place = format!("{name}:{}:{}", located.start.line, located.start.column);
            diagnostic.message = format!("{message} ({place}; the line is too long to show)");
            let report = miette::Report::new(diagnostic);
            let _ = handler.render_report(&mut out, report.as_ref());
            out.push('\n');
            continue;
        }
        let shown = visible(text);
        let span = |s: &std::ops::Range<usize>| visible_offset(text, s.start)..visible_offset(text, s.end);
        let mut labels = vec![LabeledSpan::new_primary_with_span(None, span(&located.span))];
        if let Some((related, label)) = &located.related {
            labels.push(LabeledSpan::new_with_span(Some(visible(label).into_owned()), span(related)));
        }
        let report = miette::Report::new(diagnostic.with_labels(labels))
            .with_source_code(NamedSource::new(&name, shown.into_owned()));
        if handler.render_report(&mut out, report.as_ref()).is_err() {
            // The frame could not be drawn (a span miette cannot place): say it on one line.
            out.push_str(&format!(
                "{}: {}:{}:{}: {message}\n",
                d.rule,
                visible(&located.source.display),
                located.start.line,
                located.start.column
            ));
        }
        out.push('\n');
    }
    if let Some(summary) = summary {
        out.push_str(&summary_line(summary));
    }
    out
}

/// `Checked 17 files in 12 ms: 1 error, 2 warnings.`
pub fn summary_line(summary: Summary) -> String {
    let mut files = plural(summary.files, "file");
    if let Some(elapsed) = summary.elapsed {
        let ms = elapsed.as_secs_f64() * 1000.0;
        files.push_str(&if ms < 1000.0 { format!(" in {ms:.0} ms") } else { format!(" in {:.2} s", ms / 1000.0) });
    }
    if summary.errors == 0 && summary.warnings == 0 {
        return format!("Checked {files}: no problems found.\n");
    }
    format!("Checked {files}: {}, {}.\n", plural(summary.errors, "error"), plural(summary.warnings, "warning"))
}

/// `1 file`, `2 files`.
pub fn plural(count: usize, word: &str) -> String {
    if count == 1 { format!("1 {word}") } else { format!("{count} {word}s") }
}
