//! A fast path for the YAML catalogs are written in: block mappings and lists, one-line plain and
//! quoted scalars, `|` and `>` block scalars, one-line flow lists and mappings, comments.
//!
//! General YAML parsing (serde-saphyr) costs far more than the rest of linting a file, and
//! almost every catalog file uses only this small, regular part of YAML. This parser reads that
//! part and gives up on anything else (anchors, tags, multi-line plain scalars, tabs, escapes,
//! numbers in unusual spellings, repeated keys, …), so that the general parser reads every file
//! this one does not, and reports every syntax problem. Where it does read a file, it gives the
//! same value and the same spans as the general parser, as a test holds it to on every fixture
//! and on thousands of variations of them.

use serde_json::{Map, Number, Value};

use super::yaml::{Children, Span, SpanNode};

/// Reasons to give up are not reported: the general parser reads the file instead.
struct GiveUp;

type Result<T> = std::result::Result<T, GiveUp>;

/// Deeper than any catalog file nests; the general parser enforces the real limit.
const MAX_DEPTH: usize = 24;

/// The document's value and, when asked for, its spans; `None` when the text is outside the
/// subset this parser reads.
pub(super) fn parse(text: &str, with_spans: bool) -> Option<(Value, Option<SpanNode>)> {
    if !plain_text(text.as_bytes()) {
        return None;
    }
    let mut parser = Parser { text, lines: lines(text), at: 0, with_spans, depth: 0 };
    let first = parser.next_content()?;
    if first.indent != 0 {
        return None;
    }
    let (value, spans) = parser.mapping(0, None).ok()?;
    // Everything must have been read: a line the mapping stopped at is one it did not understand.
    if parser.next_content().is_some() {
        return None;
    }
    Some((value, spans))
}

/// No tab, carriage return or other control character, and none of the characters that YAML
/// treats specially (byte-order marks, C1 controls, Unicode line and paragraph separators).
fn plain_text(bytes: &[u8]) -> bool {
    // Printable ASCII and line feeds need no closer look; test them a block at a time, in a way
    // the compiler turns into vector instructions.
    const BLOCK: usize = 32;
    let mut start = 0;
    for block in bytes.chunks(BLOCK) {
        let unusual = block.iter().fold(false, |acc, &b| acc | ((b < 0x20 && b != b'\n') | (b >= 0x7F)));
        if unusual && !plain_block(bytes, start, start + block.len()) {
            return false;
        }
        start += block.len();
    }
    true
}

fn plain_block(bytes: &[u8], from: usize, to: usize) -> bool {
    for i in from..to {
        let b = bytes[i];
        if b < 0x20 && b != b'\n' || b == 0x7F {
            return false;
        }
        if b >= 0xC2 {
            let next = bytes.get(i + 1).copied().unwrap_or(0);
            let third = bytes.get(i + 2).copied().unwrap_or(0);
            let special = (b == 0xC2 && (0x80..=0x9F).contains(&next))
                || (b == 0xEF && next == 0xBB && third == 0xBF)
                || (b == 0xEF && next == 0xBF && (third == 0xBE || third == 0xBF))
                || (b == 0xE2 && next == 0x80 && (third == 0xA8 || third == 0xA9));
            if special {
                return false;
            }
        }
    }
    true
}

#[derive(Debug, Clone, Copy)]
struct Line {
    /// Byte offset of the line's first character.
    start: usize,
    /// Leading spaces.
    indent: usize,
    /// Byte offset of the line's end, before its `\n`.
    end: usize,
}

fn lines(text: &str) -> Vec<Line> {
    let bytes = text.as_bytes();
    let mut lines = Vec::with_capacity(bytes.len() / 40 + 1);
    let mut start = 0;
    for end in memchr::memchr_iter(b'\n', bytes).chain((bytes.last() != Some(&b'\n')).then_some(bytes.len())) {
        let indent = bytes[start..end].iter().take_while(|b| **b == b' ').count();
        lines.push(Line { start, indent, end });
        start = end + 1;
    }
    lines
}

struct Parser<'t> {
    text: &'t str,
    lines: Vec<Line>,
    /// The next line to read.
    at: usize,
    with_spans: bool,
    depth: usize,
}

/// A parsed node: its value and, when spans are wanted, where it stands.
type Node = (Value, Option<SpanNode>);

impl<'t> Parser<'t> {
    /// The text of a line after its indentation.
    fn content(&self, line: Line) -> &'t str {
        &self.text[line.start + line.indent..line.end]
    }

    /// The next line that holds something, skipping blank lines and comments.
    fn next_content(&mut self) -> Option<Line> {
        while let Some(&line) = self.lines.get(self.at) {
            let content = self.content(line);
            if !(content.is_empty() || content.starts_with('#')) {
                return Some(line);
            }
            self.at += 1;
        }
        None
    }

    /// How many entries a mapping (or list) starting at the next line has, roughly: the lines at
    /// column `indent` before one less indented. Only to size its storage.
    fn count_at(&self, indent: usize, items: bool) -> usize {
        let mut count = 0;
        for &line in &self.lines[self.at..] {
            let content = self.content(line);
            if content.is_empty() || content.starts_with('#') || line.indent > indent {
                continue;
            }
            if line.indent < indent || items && !is_item(content) {
                break;
            }
            count += 1;
        }
        count.max(1)
    }

    fn deeper(&mut self) -> Result<()> {
        self.depth += 1;
        if self.depth > MAX_DEPTH { Err(GiveUp) } else { Ok(()) }
    }

    /// A block mapping whose keys stand at column `indent`.
    fn mapping(&mut self, indent: usize, key: Option<Span>) -> Result<Node> {
        self.deeper()?;
        let entries = self.count_at(indent, false);
        let mut map = Map::with_capacity(entries);
        let mut spans: Vec<(Box<str>, SpanNode)> = Vec::with_capacity(if self.with_spans { entries } else { 0 });
        let mut first_key = None;
        while let Some(line) = self.next_content() {
            if line.indent < indent {
                break;
            }
            if line.indent > indent {
                return Err(GiveUp);
            }
            let content = self.content(line);
            let (name, rest) = split_key(content).ok_or(GiveUp)?;
            let key_start = line.start + line.indent;
            let key_span = key_start..key_start + name.len();
            first_key.get_or_insert(key_start);
            self.at += 1;
            let rest_start = key_start + name.len() + 1;
            let (value, node) = self.value_of_key(indent, rest_start, rest, key_span)?;
            if map.contains_key(name) {
                return Err(GiveUp);
            }
            map.insert(name.to_string(), value);
            if let Some(node) = node {
                spans.push((name.into(), node));
            }
        }
        self.depth -= 1;
        if map.is_empty() {
            return Err(GiveUp);
        }
        let spans = self.with_spans.then(|| {
            let start = first_key.unwrap_or(0);
            SpanNode::settle(key, start..start, Children::Map(spans), self.text)
        });
        Ok((Value::Object(map), spans))
    }

    /// The value after `key:` in a mapping at column `indent`; `rest` (from byte `rest_start`)
    /// is what follows the colon on its line.
    fn value_of_key(&mut self, indent: usize, rest_start: usize, rest: &'t str, key: Span) -> Result<Node> {
        let trimmed = rest.trim_start_matches(' ');
        let start = rest_start + (rest.len() - trimmed.len());
        if trimmed.is_empty() || trimmed.starts_with('#') {
            // The value is the block below, or a list at the key's own column.
            return match self.next_content() {
                Some(next) if next.indent > indent => {
                    if is_item(self.content(next)) {
                        self.sequence(next.indent, Some(key))
                    } else {
                        self.mapping(next.indent, Some(key))
                    }
                }
                Some(next) if next.indent == indent && is_item(self.content(next)) => self.sequence(indent, Some(key)),
                // An empty value: null, placed wherever the general parser places it.
                _ => Err(GiveUp),
            };
        }
        if trimmed.starts_with(['|', '>']) {
            return self.block_scalar(indent, trimmed, key);
        }
        let node = self.inline(start, trimmed, Some(key))?;
        self.no_continuation(indent)?;
        Ok(node)
    }

    /// A plain scalar may continue on the next lines, more indented; this parser does not read
    /// such scalars.
    fn no_continuation(&mut self, indent: usize) -> Result<()> {
        match self.next_content() {
            Some(next) if next.indent > indent => Err(GiveUp),
            _ => Ok(()),
        }
    }

    /// A block list whose `-` stand at column `indent`.
    fn sequence(&mut self, indent: usize, key: Option<Span>) -> Result<Node> {
        self.deeper()?;
        let items = self.count_at(indent, true);
        let mut values = Vec::with_capacity(items);
        let mut spans = Vec::with_capacity(if self.with_spans { items } else { 0 });
        let mut dash = None;
        while let Some(line) = self.next_content() {
            if line.indent < indent {
                break;
            }
            if line.indent > indent {
                return Err(GiveUp);
            }
            let content = self.content(line);
            if !is_item(content) {
                break;
            }
            let line_dash = line.start + line.indent;
            dash.get_or_insert(line_dash);
            let after = &content[1..];
            let item = after.trim_start_matches(' ');
            let column = line.indent + 1 + (after.len() - item.len());
            if item.is_empty() || item.starts_with(['#', '-', '|', '>', '?', ':']) {
                return Err(GiveUp);
            }
            let (value, node) = if split_key(item).is_some() {
                // `- key: value`: a mapping whose keys stand at the item's column. Read this line
                // again as the mapping's first line.
                self.lines[self.at].indent = column;
                self.mapping(column, None)?
            } else {
                self.at += 1;
                let node = self.inline(line.start + column, item, None)?;
                self.no_continuation(indent)?;
                node
            };
            values.push(value);
            if let Some(node) = node {
                spans.push(node);
            }
        }
        self.depth -= 1;
        let spans = self.with_spans.then(|| {
            let start = dash.unwrap_or(0);
            SpanNode::settle(key, start..start, Children::Seq(spans), self.text)
        });
        Ok((Value::Array(values), spans))
    }

    /// A value on one line: a quoted or plain scalar, or a flow list or mapping. `text` starts at
    /// byte `start` and runs to the end of its line.
    fn inline(&mut self, start: usize, text: &'t str, key: Option<Span>) -> Result<Node> {
        let (value, node, used) = match text.as_bytes()[0] {
            b'"' | b'\'' => {
                let (value, used) = quoted(text)?;
                let node = self.leaf(key, start..start + used);
                (Value::String(value), node, used)
            }
            b'[' => self.flow_sequence(start, text, key)?,
            b'{' => self.flow_mapping(start, text, key)?,
            _ => {
                let end = comment_start(text).unwrap_or(text.len());
                let plain = text[..end].trim_end_matches(' ');
                let value = plain_scalar(plain, false)?;
                (value, self.leaf(key, start..start + plain.len()), end)
            }
        };
        if !only_comment(&text[used..]) {
            return Err(GiveUp);
        }
        Ok((value, node))
    }

    fn leaf(&self, key: Option<Span>, value: Span) -> Option<SpanNode> {
        self.with_spans.then(|| SpanNode::settle(key, value, Children::Leaf, self.text))
    }

    /// `[a, b, "c"]` on one line; returns the value, its span node and the bytes it used.
    fn flow_sequence(
        &mut self,
        start: usize,
        text: &'t str,
        key: Option<Span>,
    ) -> Result<(Value, Option<SpanNode>, usize)> {
        let bytes = text.as_bytes();
        let mut at = 1;
        let mut values = Vec::new();
        let mut spans = Vec::new();
        loop {
            at += spaces(&bytes[at..]);
            match bytes.get(at) {
                Some(b']') if values.is_empty() => break,
                None => return Err(GiveUp),
                _ => {}
            }
            let (value, used, len) = self.flow_scalar(&text[at..], b']')?;
            if let Some(node) = self.leaf(None, start + at..start + at + len) {
                spans.push(node);
            }
            values.push(value);
            at += used;
            at += spaces(&bytes[at..]);
            match bytes.get(at) {
                Some(b',') => at += 1,
                Some(b']') => break,
                _ => return Err(GiveUp),
            }
        }
        let node = self.with_spans.then(|| SpanNode::settle(key, start..start + 1, Children::Seq(spans), self.text));
        Ok((Value::Array(values), node, at + 1))
    }

    /// `{ id: pass, label: Pass }` on one line.
    fn flow_mapping(
        &mut self,
        start: usize,
        text: &'t str,
        key: Option<Span>,
    ) -> Result<(Value, Option<SpanNode>, usize)> {
        let bytes = text.as_bytes();
        let mut at = 1;
        let mut map = Map::new();
        let mut spans: Vec<(Box<str>, SpanNode)> = Vec::new();
        loop {
            at += spaces(&bytes[at..]);
            match bytes.get(at) {
                Some(b'}') if map.is_empty() => break,
                None => return Err(GiveUp),
                _ => {}
            }
            let (name, _) = split_key(&text[at..]).ok_or(GiveUp)?;
            let key_span = start + at..start + at + name.len();
            at += name.len() + 1;
            if bytes.get(at) != Some(&b' ') {
                return Err(GiveUp);
            }
            at += spaces(&bytes[at..]);
            let (value, used, len) = self.flow_scalar(&text[at..], b'}')?;
            if map.contains_key(name) {
                return Err(GiveUp);
            }
            if let Some(node) = self.leaf(Some(key_span), start + at..start + at + len) {
                spans.push((name.into(), node));
            }
            map.insert(name.to_string(), value);
            at += used;
            at += spaces(&bytes[at..]);
            match bytes.get(at) {
                Some(b',') => at += 1,
                Some(b'}') => break,
                _ => return Err(GiveUp),
            }
        }
        let node = self.with_spans.then(|| SpanNode::settle(key, start..start + 1, Children::Map(spans), self.text));
        Ok((Value::Object(map), node, at + 1))
    }

    /// A scalar inside a flow collection closed by `close`: its value, the bytes it used and the
    /// length of its span.
    fn flow_scalar(&self, text: &str, close: u8) -> Result<(Value, usize, usize)> {
        match text.as_bytes().first() {
            Some(b'"' | b'\'') => {
                let (value, used) = quoted(text)?;
                Ok((Value::String(value), used, used))
            }
            _ => {
                let end = text.bytes().position(|b| b == b',' || b == close).ok_or(GiveUp)?;
                let plain = text[..end].trim_end_matches(' ');
                if plain.is_empty() || plain.contains(['[', ']', '{', '}', '#', ':']) {
                    return Err(GiveUp);
                }
                Ok((plain_scalar(plain, true)?, plain.len(), plain.len()))
            }
        }
    }

    /// `|`, `|-`, `>` or `>-` and the lines below it, more indented than the key's column.
    fn block_scalar(&mut self, indent: usize, header: &str, key: Span) -> Result<Node> {
        let folded = header.starts_with('>');
        let strip = header[1..].starts_with('-');
        if !only_comment(&header[1 + strip as usize..]) {
            // `|+`, an indentation indicator, or text after the header.
            return Err(GiveUp);
        }
        let first = *self.lines.get(self.at).ok_or(GiveUp)?;
        let column = first.indent;
        if first.indent == first.end - first.start || column <= indent {
            // Leading blank lines, or an empty scalar.
            return Err(GiveUp);
        }
        // The content lines, up to the first line less indented. Blank lines count only once a
        // line of text follows them: trailing ones are chomped.
        let mut value = String::new();
        let mut blanks = 0;
        let mut last = first;
        while let Some(&line) = self.lines.get(self.at) {
            if line.indent == line.end - line.start {
                if line.indent > column {
                    return Err(GiveUp);
                }
                blanks += 1;
                self.at += 1;
                continue;
            }
            if line.indent < column {
                break;
            }
            if folded && line.indent > column {
                return Err(GiveUp);
            }
            let content = &self.text[line.start + column..line.end];
            if content.ends_with(' ') {
                return Err(GiveUp);
            }
            if !value.is_empty() {
                if folded && blanks == 0 {
                    value.push(' ');
                }
                // A literal block keeps every line break; a folded one turns the break between
                // two lines into a space, and keeps those of blank lines.
                for _ in 0..blanks + usize::from(!folded) {
                    value.push('\n');
                }
            }
            blanks = 0;
            value.push_str(content);
            last = line;
            self.at += 1;
        }
        if !strip {
            value.push('\n');
        }
        let node = self.with_spans.then(|| {
            let from = first.start + column;
            // The span runs over the text of the lines; trailing blank lines are trimmed off.
            SpanNode::settle(Some(key), from..last.end.max(from), Children::Leaf, self.text)
        });
        Ok((Value::String(value), node))
    }
}

/// Where a comment starts in a plain scalar's line: at a `#` after a space.
fn comment_start(text: &str) -> Option<usize> {
    let bytes = text.as_bytes();
    memchr::memchr_iter(b'#', bytes).find(|&i| i > 0 && bytes[i - 1] == b' ').map(|i| i - 1)
}

/// Nothing, or a comment after at least one space.
fn only_comment(rest: &str) -> bool {
    let trimmed = rest.trim_start_matches(' ');
    trimmed.is_empty() || trimmed.starts_with('#') && trimmed.len() < rest.len()
}

fn spaces(bytes: &[u8]) -> usize {
    bytes.iter().take_while(|b| **b == b' ').count()
}

fn is_item(content: &str) -> bool {
    content == "-" || content.starts_with("- ")
}

/// `key: …` or `key:` at the start of `content`: the key and what follows the colon. Keys are
/// plain words (`kind`, `not-yet`, `word_limit`); anything else is left to the general parser.
fn split_key(content: &str) -> Option<(&str, &str)> {
    let bytes = content.as_bytes();
    if !bytes.first().is_some_and(|b| b.is_ascii_alphabetic() || *b == b'_') {
        return None;
    }
    let len = bytes.iter().take_while(|b| b.is_ascii_alphanumeric() || **b == b'_' || **b == b'-').count();
    if bytes.get(len) != Some(&b':') || !matches!(bytes.get(len + 1), None | Some(b' ')) {
        return None;
    }
    let key = &content[..len];
    if len <= 5 && matches!(key, "null" | "Null" | "NULL" | "true" | "True" | "TRUE" | "false" | "False" | "FALSE") {
        return None;
    }
    Some((key, &content[len + 1..]))
}

/// A quoted scalar at the start of `text`, closed on the same line: its value and the bytes it
/// used, quotes included. Only `\"` and `\\` escapes are read.
fn quoted(text: &str) -> Result<(String, usize)> {
    let bytes = text.as_bytes();
    let quote = bytes[0];
    let mut value = String::new();
    let mut run = 1;
    let mut i = 1;
    while i < bytes.len() {
        let b = bytes[i];
        if quote == b'"' && b == b'\\' {
            match bytes.get(i + 1) {
                Some(&e @ (b'"' | b'\\')) => {
                    value.push_str(&text[run..i]);
                    value.push(e as char);
                    i += 2;
                    run = i;
                    continue;
                }
                _ => return Err(GiveUp),
            }
        }
        if b == quote {
            if quote == b'\'' && bytes.get(i + 1) == Some(&b'\'') {
                value.push_str(&text[run..=i]);
                i += 2;
                run = i;
                continue;
            }
            value.push_str(&text[run..i]);
            return Ok((value, i + 1));
        }
        i += 1;
    }
    Err(GiveUp)
}

/// A plain scalar's value under the YAML 1.2 core schema (with `yes`, `no`, `on` kept as text),
/// for the spellings whose reading is beyond doubt; any other number-like spelling gives up.
fn plain_scalar(text: &str, flow: bool) -> Result<Value> {
    let bytes = text.as_bytes();
    let Some(&first) = bytes.first() else { return Err(GiveUp) };
    // Indicators that may not start a plain scalar, or that start something else.
    if matches!(
        first,
        b'-' | b'?'
            | b':'
            | b','
            | b'['
            | b']'
            | b'{'
            | b'}'
            | b'#'
            | b'&'
            | b'*'
            | b'!'
            | b'|'
            | b'>'
            | b'\''
            | b'"'
            | b'%'
            | b'@'
            | b'`'
    ) {
        return Err(GiveUp);
    }
    if text.ends_with(':')
        || memchr::memchr_iter(b':', bytes).any(|i| bytes.get(i + 1) == Some(&b' '))
        || (flow && text.contains([',', '[', ']', '{', '}']))
    {
        return Err(GiveUp);
    }
    match text {
        "~" | "null" | "Null" | "NULL" => return Ok(Value::Null),
        "true" | "True" | "TRUE" => return Ok(Value::Bool(true)),
        "false" | "False" | "FALSE" => return Ok(Value::Bool(false)),
        _ => {}
    }
    if !(first.is_ascii_digit() || first == b'+' || first == b'.') {
        return Ok(Value::String(text.to_string()));
    }
    if first != b'.' && first != b'+' {
        let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
        let no_leading_zero = |s: &str| s == "0" || !s.starts_with('0');
        if digits(text) && no_leading_zero(text) && text.len() <= 18 {
            return text.parse::<u64>().map(|n| Value::Number(n.into())).map_err(|_| GiveUp);
        }
        let parts: Vec<&str> = text.split('.').collect();
        if parts.iter().all(|p| digits(p)) && no_leading_zero(parts[0]) {
            if parts.len() == 2 && text.len() <= 15 {
                let float = text.parse::<f64>().map_err(|_| GiveUp)?;
                return Number::from_f64(float).map(Value::Number).ok_or(GiveUp);
            }
            if parts.len() >= 3 {
                // `1.0.0`: no number has two dots.
                return Ok(Value::String(text.to_string()));
            }
        }
    }
    Err(GiveUp)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::load::yaml;

    /// Every YAML file the repository holds as a fixture or as the reference catalog.
    fn corpus() -> Vec<(String, String)> {
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let mut out = Vec::new();
        for dir in ["credentials", "tests/fixtures"] {
            for entry in walk(&root.join(dir)) {
                if matches!(entry.extension().and_then(|e| e.to_str()), Some("yaml" | "yml"))
                    && let Ok(text) = std::fs::read_to_string(&entry)
                {
                    out.push((entry.display().to_string(), text));
                }
            }
        }
        out.sort();
        out
    }

    fn walk(dir: &std::path::Path) -> Vec<std::path::PathBuf> {
        let mut out = Vec::new();
        let Ok(entries) = std::fs::read_dir(dir) else { return out };
        for entry in entries.flatten() {
            let path = entry.path();
            match entry.file_type() {
                Ok(t) if t.is_dir() => out.extend(walk(&path)),
                Ok(t) if t.is_file() => out.push(path),
                _ => {}
            }
        }
        out
    }

    /// Whenever the fast path reads a text, the general parser reads it the same way.
    fn agrees(name: &str, text: &str) -> bool {
        let Some((value, spans)) = parse(text, true) else { return false };
        let Some((unspanned, none)) = parse(text, false) else { panic!("{name}: read only with spans") };
        assert!(none.is_none());
        assert_eq!(unspanned, value, "{name}");
        let general = match yaml::parse(text) {
            Ok(parsed) => parsed,
            Err(e) => panic!("{name}: the fast path read a text the general parser refuses ({e:?}):\n{text}"),
        };
        assert!(general.problems.is_empty(), "{name}: {:?}", general.problems);
        assert_eq!(value, general.value, "{name}: values differ:\n{text}");
        assert_eq!(spans.as_ref(), Some(&general.spans), "{name}: spans differ:\n{text}");
        true
    }

    #[test]
    fn reads_the_reference_catalog() {
        let reference = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("credentials");
        let reference = reference.display().to_string();
        for (name, text) in corpus().iter().filter(|(n, _)| n.starts_with(&reference)) {
            assert!(agrees(name, text), "{name}: the fast path gave up");
        }
    }

    #[test]
    fn agrees_with_the_general_parser_on_every_fixture_and_its_variations() {
        let mut read = 0;
        let mut tried = 0;
        for (name, text) in corpus() {
            let lines: Vec<&str> = text.split_inclusive('\n').collect();
            let mut variants = vec![text.clone()];
            // Each prefix, and the text without each line: lists cut short, values moved, blocks
            // that end early, keys that lose their values.
            for i in 0..lines.len() {
                variants.push(lines[..i].concat());
                variants.push([&lines[..i], &lines[i + 1..]].concat().concat());
            }
            for (i, variant) in variants.iter().enumerate() {
                tried += 1;
                if agrees(&format!("{name} (variant {i})"), variant) {
                    read += 1;
                }
            }
        }
        assert!(read > tried / 4, "the fast path read only {read} of {tried} texts");
    }

    #[test]
    fn scalars_read_as_yaml_reads_them() {
        let cases = [
            "a: 1\nb: 1.5\nc: 1.0.0\nd: true\ne: ~\nf: yes\ng: no\nh: on\ni: 0\nj: text with:colon\n",
            "a: 'it''s'\nb: \"say \\\"hi\\\"\"\nc: [1, two, 'three', \"four\"]\nd: {x: 1, y: z}\ne: []\nf: {}\n",
            "a: |\n  one\n\n  two\nb: >-\n  folded\n  line\n\n  next\nc: |-\n  kept\n",
            "list:\n- a\n- b: 1\n  c: 2\nnext: x # comment\nurl: https://example.org/a#b\n",
            "a:\n  - { id: pass, label: Pass }\n  - { id: not-yet, label: Not yet }\n",
            "a: 0x10\n",
            "a: 010\n",
            "a: 1e3\n",
            "a: .inf\n",
            "a: -1\n",
            "a: *x\n",
            "a: &x 1\n",
            "a: !!str 1\n",
            "a:\n",
            "a: b\n  c\n",
            "a: b\na: c\n",
            "a: text with: colon\n",
        ];
        for (i, case) in cases.iter().enumerate() {
            agrees(&format!("case {i}"), case);
        }
        assert!(agrees("plain", cases[0]) && agrees("quoted", cases[1]) && agrees("blocks", cases[2]));
        assert!(agrees("lists", cases[3]) && agrees("flow", cases[4]));
        for case in &cases[5..] {
            assert!(parse(case, false).is_none(), "{case:?} is left to the general parser");
        }
    }
}
