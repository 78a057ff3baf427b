//! YAML text → JSON value plus a span tree, with every key and value located in the source.

use std::fmt;
use std::ops::Range;

use serde::de::{self, Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};
use serde_saphyr::{DuplicateKeyPolicy, Spanned};

/// A byte range in the (BOM-stripped) source text.
pub type Span = Range<usize>;

/// Where each node of a document stands in its source: the shape of the value, with spans.
#[derive(Debug, Clone, PartialEq)]
pub struct SpanNode {
    /// The key that introduced this node, when it is a mapping value.
    pub key: Option<Span>,
    /// The value itself.
    pub value: Span,
    children: Children,
}

#[derive(Debug, Clone, PartialEq)]
pub(super) enum Children {
    Leaf,
    Seq(Vec<SpanNode>),
    Map(Vec<(Box<str>, SpanNode)>),
}

impl SpanNode {
    /// The node at a JSON pointer (`/submission/2/prompts/0`), or the deepest existing ancestor
    /// and whether the walk reached the end.
    pub fn locate(&self, pointer: &str) -> (&SpanNode, bool) {
        let mut node = self;
        for token in pointer.split('/').skip(1) {
            let token = unescape(token);
            let next = match &node.children {
                Children::Seq(items) => token.parse::<usize>().ok().and_then(|i| items.get(i)),
                // The first of repeated keys is the one kept in the value.
                Children::Map(entries) => entries.iter().find(|(k, _)| **k == *token).map(|(_, n)| n),
                Children::Leaf => None,
            };
            match next {
                Some(n) => node = n,
                None => return (node, false),
            }
        }
        (node, true)
    }

    /// The keys of a mapping node with their spans, in source order.
    pub fn keys(&self) -> impl Iterator<Item = (&str, &SpanNode)> {
        let entries: &[(Box<str>, SpanNode)] = match &self.children {
            Children::Map(entries) => entries,
            _ => &[],
        };
        entries.iter().map(|(k, n)| (&**k, n))
    }
}

fn unescape(token: &str) -> std::borrow::Cow<'_, str> {
    if token.contains('~') { token.replace("~1", "/").replace("~0", "~").into() } else { token.into() }
}

/// What went wrong while reading the YAML text of one document.
#[derive(Debug, Clone, PartialEq)]
pub enum SyntaxError {
    /// Not YAML (or not a YAML we accept: two documents, an alias bomb, nesting too deep).
    Invalid { message: String, span: Span, help: Option<String> },
    /// A mapping repeats a key; `first` is where it first appeared.
    DuplicateKey { key: String, span: Span, first: Span },
}

/// A parsed document: its JSON value and where each part of it stands.
#[derive(Debug, Clone)]
pub struct Parsed {
    pub value: Value,
    pub spans: SpanNode,
    /// Problems that left the document readable: a repeated key (the first is kept), a key that
    /// is not text (the entry is skipped).
    pub problems: Vec<SyntaxError>,
}

impl Parsed {
    /// A document let go of: no value, no spans (see `lint::check`).
    pub fn empty() -> Parsed {
        Parsed {
            value: Value::Null,
            spans: SpanNode { key: None, value: 0..0, children: Children::Leaf },
            problems: Vec::new(),
        }
    }
}

/// Parses one YAML 1.2 document (strict booleans: `no`, `on`, `yes` stay strings).
pub fn parse(text: &str) -> Result<Parsed, SyntaxError> {
    let options = serde_saphyr::options! {
        strict_booleans: true,
        duplicate_keys: DuplicateKeyPolicy::PassThrough,
        with_snippet: false,
    };
    if only_comments(text) {
        let message = if text.trim().is_empty() { "the file is empty" } else { "the file holds only comments" };
        return Err(SyntaxError::Invalid {
            message: format!("{message}: a document needs at least `kind` and `id`"),
            span: 0..0,
            help: None,
        });
    }
    let node: Spanned<Node> = serde_saphyr::from_str_with_options(text, options).map_err(|e| {
        let offset = e.location().map(|l| offset_of(text, l)).unwrap_or(0);
        pinpoint(text, offset, explain(&e.to_string()))
    })?;
    let mut problems = Vec::new();
    let (value, spans) = convert(node, None, text, &mut problems);
    Ok(Parsed { value, spans, problems })
}

/// The byte offset of a location, from its byte span or else its line and column.
fn offset_of(text: &str, location: serde_saphyr::Location) -> usize {
    if let Some(offset) = location.span().byte_offset()
        && (offset > 0 || location.line() <= 1)
    {
        return (offset as usize).min(text.len());
    }
    let (line, column) = (location.line() as usize, location.column() as usize);
    if line == 0 {
        return 0;
    }
    let start = text.split_inclusive('\n').take(line - 1).map(str::len).sum::<usize>().min(text.len());
    let rest = &text[start..];
    let within = rest.char_indices().nth(column.saturating_sub(1)).map(|(i, _)| i).unwrap_or(rest.len());
    let line_end = rest.find('\n').unwrap_or(rest.len());
    start + within.min(line_end)
}

/// Where the parser stopped is not always where the author went wrong: a quote or a bracket left
/// open on an earlier line is only noticed later. Point at the cause, and say how to fix it.
fn pinpoint(text: &str, offset: usize, message: String) -> SyntaxError {
    let line_start = text[..offset].rfind('\n').map_or(0, |i| i + 1);
    let line_end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let line = &text[line_start..line_end];
    let at = |start: usize, len: usize, message: String, help: Option<String>| SyntaxError::Invalid {
        message,
        span: start..(start + len).min(text.len()),
        help,
    };
    if message.contains("one document") {
        // The parser stops after the separator; point at the `---` itself.
        let separator = text[..(offset + 3).min(text.len())].rfind("---").unwrap_or(offset);
        return at(separator, 3, message, None);
    }
    if message.contains("nests deeper")
        && let Some(bracket) = past_the_limit(text, line_start, line)
    {
        return at(bracket, 1, message, None);
    }
    if message.contains("tab")
        && let Some(tab) = line.find('\t')
    {
        return at(line_start + tab, 1, message, None);
    }
    if message.contains("quoted scalar")
        && let Some(open) = opening_quote(text, offset)
        && open < line_start
        && text[open..line_start].contains('\n')
    {
        let quote = &text[open..open + 1];
        let runs_to = text[..offset].matches('\n').count() + 1;
        return at(
            open,
            1,
            format!("the text quoted here is not closed on its line, so it runs on to line {runs_to}"),
            Some(format!("end the value with `{quote}`, or escape a `{quote}` inside it")),
        );
    }
    if let Some(open) = unclosed_bracket(text, line_start) {
        let bracket = &text[open..open + 1];
        return at(
            open,
            1,
            format!("this `{bracket}` is never closed"),
            Some(match bracket {
                "[" => "close the list with `]` at its end".to_string(),
                _ => "close the mapping with `}` at its end".to_string(),
            }),
        );
    }
    if message.contains("mapping values are not allowed") {
        let help = match line.split_once(": ") {
            Some((key, value)) if !value.trim_start().starts_with(['"', '\'']) => {
                format!(
                    "a `: ` inside a value starts a mapping: put the value in quotes, `{key}: \"{}\"`",
                    value.trim().replace('"', "\\\"")
                )
            }
            _ => "a `: ` inside a value starts a mapping: put the value in quotes".to_string(),
        };
        return at(offset, 1, message, Some(help));
    }
    at(offset, 0, message, None)
}

/// The bracket of `line` that takes the document past 64 levels, counting the block mappings and
/// lists above the line (each line of smaller indentation is one), and the brackets before it.
fn past_the_limit(text: &str, line_start: usize, line: &str) -> Option<usize> {
    let indent = |l: &str| l.len() - l.trim_start_matches(' ').len();
    let mut levels = 1;
    let mut want = indent(line);
    for above in text[..line_start].lines().rev() {
        if above.trim().is_empty() || above.trim_start().starts_with('#') {
            continue;
        }
        if indent(above) < want {
            levels += 1;
            want = indent(above);
        }
    }
    let mut depth = levels;
    for (i, b) in line.bytes().enumerate() {
        if b == b'[' || b == b'{' {
            depth += 1;
            if depth > 64 {
                return Some(line_start + i);
            }
        }
    }
    None
}

/// The quote that opened the quoted scalar the parser just closed before `offset`.
fn opening_quote(text: &str, offset: usize) -> Option<usize> {
    let before = &text[..offset];
    let close = before.rfind(['"', '\''])?;
    let quote = before.as_bytes()[close];
    let mut i = close;
    while i > 0 {
        i -= 1;
        let b = text.as_bytes()[i];
        if b == quote && !(quote == b'"' && i > 0 && text.as_bytes()[i - 1] == b'\\') {
            return Some(i);
        }
    }
    None
}

/// The last `[` or `{` left open on a line before `line_start`, looking back a few lines.
fn unclosed_bracket(text: &str, line_start: usize) -> Option<usize> {
    let mut end = line_start;
    for _ in 0..20 {
        if end == 0 {
            return None;
        }
        let start = text[..end - 1].rfind('\n').map_or(0, |i| i + 1);
        let mut open: Vec<usize> = Vec::new();
        let mut quote: Option<u8> = None;
        for (i, b) in text[start..end - 1].bytes().enumerate() {
            match (quote, b) {
                (Some(q), b) if b == q => quote = None,
                (Some(_), _) => {}
                (None, b'"' | b'\'') => quote = Some(b),
                (None, b'#') => break,
                (None, b'[' | b'{') => open.push(start + i),
                (None, b']' | b'}') => {
                    open.pop();
                }
                _ => {}
            }
        }
        if let Some(&last) = open.last() {
            return Some(last);
        }
        end = start;
    }
    None
}

/// serde-saphyr's messages, reworded for authors and without the position (the report shows it).
fn explain(message: &str) -> String {
    let first = message.lines().next().unwrap_or(message).trim();
    let first = match first.rfind(" at line ") {
        Some(i) => &first[..i],
        None => first,
    };
    if first.contains("multiple YAML documents") {
        "a file holds one document; this `---` starts a second one: move it to a file of its own".into()
    } else if first.contains("recursion limit") || first.contains("depth") {
        "the document nests deeper than mcred reads (64 levels); flatten it".into()
    } else if first.contains("alias") || first.contains("budget") {
        // The budget's own words name its counters; the author needs to know what to change.
        "the document expands too far through aliases (`*name`): mcred reads at most 250,000 values a file, counting each repetition".into()
    } else if first.contains("tabs") || first.contains("tab ") {
        format!("{first}: YAML indents with spaces, never tabs")
    } else {
        first.to_string()
    }
}

fn only_comments(text: &str) -> bool {
    text.lines().all(|l| {
        let l = l.trim();
        l.is_empty() || l.starts_with('#') || l == "---" || l == "..."
    })
}

fn span_of<T>(s: &Spanned<T>, text: &str) -> Span {
    let span = s.referenced.span();
    match (span.byte_offset(), span.byte_len()) {
        (Some(o), Some(l)) => {
            let start = (o as usize).min(text.len());
            start..(start + l as usize).min(text.len())
        }
        _ => 0..0,
    }
}

fn convert(node: Spanned<Node>, key: Option<Span>, text: &str, errors: &mut Vec<SyntaxError>) -> (Value, SpanNode) {
    with_room(|| convert_node(node, key, text, errors))
}

fn convert_node(
    node: Spanned<Node>,
    key: Option<Span>,
    text: &str,
    errors: &mut Vec<SyntaxError>,
) -> (Value, SpanNode) {
    let value_span = span_of(&node, text);
    let (value, children) = match node.value {
        Node::Null => (Value::Null, Children::Leaf),
        Node::Bool(b) => (Value::Bool(b), Children::Leaf),
        Node::Int(i) => (Value::Number(i.into()), Children::Leaf),
        Node::UInt(u) => (Value::Number(u.into()), Children::Leaf),
        // Non-finite floats have no JSON form; keep them as their text so the schema rejects them.
        Node::Float(f) => (
            Number::from_f64(f)
                .map(Value::Number)
                .unwrap_or_else(|| Value::String(text[value_span.clone()].to_string())),
            Children::Leaf,
        ),
        Node::Str(s) => (Value::String(s), Children::Leaf),
        Node::Seq(items) => {
            let mut values = Vec::with_capacity(items.len());
            let mut spans = Vec::with_capacity(items.len());
            for item in items {
                let (v, s) = convert(item, None, text, errors);
                values.push(v);
                spans.push(s);
            }
            (Value::Array(values), Children::Seq(spans))
        }
        Node::Map(entries) => {
            let mut object = Map::new();
            let mut spans: Vec<(Box<str>, SpanNode)> = Vec::with_capacity(entries.len());
            for (k, v) in entries {
                let key_span = span_of(&k, text);
                let Some(name) = k.value.key_text() else {
                    errors.push(SyntaxError::Invalid {
                        message: "a mapping key must be a plain text, not a list or a mapping".into(),
                        span: key_span,
                        help: None,
                    });
                    continue;
                };
                let (value, node) = convert(v, Some(key_span.clone()), text, errors);
                if let Some((_, first)) = spans.iter().find(|(k, _)| **k == *name) {
                    errors.push(SyntaxError::DuplicateKey {
                        key: name,
                        span: key_span,
                        first: first.key.clone().unwrap_or(0..0),
                    });
                    continue;
                }
                object.insert(name.clone(), value);
                spans.push((name.into_boxed_str(), node));
            }
            (Value::Object(object), Children::Map(spans))
        }
    };
    (value, SpanNode::settle(key, value_span, children, text))
}

impl SpanNode {
    /// A node whose value starts at `value_span` as the parser placed it. The parser places a
    /// collection at its first token only; stretch it over its entries so a diagnostic about a
    /// whole list underlines the list.
    pub(super) fn settle(key: Option<Span>, mut value_span: Span, children: Children, text: &str) -> SpanNode {
        let last_end = match &children {
            Children::Seq(items) => items.last().map(|n| n.value.end),
            Children::Map(entries) => entries.last().map(|(_, n)| n.value.end),
            Children::Leaf => None,
        };
        let first_start = match &children {
            Children::Seq(items) => items.first().map(|n| n.value.start),
            Children::Map(entries) => entries.first().and_then(|(_, n)| n.key.as_ref().map(|k| k.start)),
            Children::Leaf => None,
        };
        let flow = matches!(text.as_bytes().get(value_span.start), Some(b'[' | b'{'));
        if let (Some(first), Some(end)) = (first_start, last_end) {
            if flow {
                let close = text[end..].find([']', '}']).map(|i| end + i + 1).unwrap_or(end);
                value_span = value_span.start..close;
            } else {
                // A block list starts at its first `-`.
                let dash = text[..first].trim_end_matches(' ').strip_suffix('-').map(str::len);
                let start = match (&children, dash) {
                    (Children::Seq(_), Some(dash)) => dash,
                    _ => first,
                };
                value_span = start..end.max(start);
            }
        } else if flow {
            let close =
                text[value_span.start..].find([']', '}']).map(|i| value_span.start + i + 1).unwrap_or(value_span.end);
            value_span = value_span.start..close;
        }
        // Block scalars (`|`, `>-`) end with their line break; underline the text only.
        let trimmed = text[value_span.clone()].trim_end().len();
        value_span.end = value_span.start + trimmed;
        SpanNode { key, value: value_span, children }
    }
}

/// The YAML node tree as serde-saphyr hands it over, before it becomes JSON.
enum Node {
    Null,
    Bool(bool),
    Int(i64),
    UInt(u64),
    Float(f64),
    Str(String),
    Seq(Vec<Spanned<Node>>),
    Map(Vec<(Spanned<Node>, Spanned<Node>)>),
}

impl Node {
    fn key_text(&self) -> Option<String> {
        match self {
            Node::Null => Some("null".into()),
            Node::Bool(b) => Some(b.to_string()),
            Node::Int(i) => Some(i.to_string()),
            Node::UInt(u) => Some(u.to_string()),
            Node::Float(f) => Some(f.to_string()),
            Node::Str(s) => Some(s.clone()),
            Node::Seq(_) | Node::Map(_) => None,
        }
    }
}

/// Runs `f` with at least 128 KiB of stack, growing onto the heap when the thread has less.
fn with_room<T>(f: impl FnOnce() -> T) -> T {
    stacker::maybe_grow(128 * 1024, 1024 * 1024, f)
}

impl<'de> Deserialize<'de> for Node {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(NodeVisitor)
    }
}

struct NodeVisitor;

impl<'de> Visitor<'de> for NodeVisitor {
    type Value = Node;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_none<E>(self) -> Result<Node, E> {
        Ok(Node::Null)
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Node, D::Error> {
        Node::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Node, E> {
        Ok(Node::Bool(v))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Node, E> {
        Ok(Node::Int(v))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Node, E> {
        Ok(Node::UInt(v))
    }
    fn visit_i128<E: de::Error>(self, v: i128) -> Result<Node, E> {
        Ok(Node::Float(v as f64))
    }
    fn visit_u128<E: de::Error>(self, v: u128) -> Result<Node, E> {
        Ok(Node::Float(v as f64))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Node, E> {
        Ok(Node::Float(v))
    }
    fn visit_str<E>(self, v: &str) -> Result<Node, E> {
        Ok(Node::Str(v.to_string()))
    }
    fn visit_string<E>(self, v: String) -> Result<Node, E> {
        Ok(Node::Str(v))
    }
    fn visit_bytes<E>(self, v: &[u8]) -> Result<Node, E> {
        Ok(Node::Str(String::from_utf8_lossy(v).into_owned()))
    }
    // Each level of nesting costs serde several stack frames. The parser stops at its depth
    // limit, but a thread with a small stack (a test thread, a worker pool) could still overflow
    // before it, so each level makes sure there is room first.
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Node, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = with_room(|| seq.next_element::<Spanned<Node>>())? {
            items.push(item);
        }
        Ok(Node::Seq(items))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Node, A::Error> {
        let mut entries = Vec::new();
        while let Some(key) = with_room(|| map.next_key::<Spanned<Node>>())? {
            let value = with_room(|| map.next_value::<Spanned<Node>>())?;
            entries.push((key, value));
        }
        Ok(Node::Map(entries))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn parsed(text: &str) -> Parsed {
        parse(text).unwrap_or_else(|e| panic!("{e:?}"))
    }

    fn at<'a>(text: &'a str, p: &Parsed, pointer: &str) -> (&'a str, &'a str) {
        let (node, exact) = p.spans.locate(pointer);
        assert!(exact, "{pointer} not found");
        (node.key.clone().map(|k| &text[k]).unwrap_or(""), &text[node.value.clone()])
    }

    #[test]
    fn keys_and_values_are_located() {
        let text = "kind: credential\nsummary: >-\n  a\n  b\nlist:\n  - a\n  - {b: 1, c: [1, 2]}\nq: ~\n";
        let p = parsed(text);
        assert_eq!(at(text, &p, "/kind"), ("kind", "credential"));
        assert_eq!(at(text, &p, "/summary"), ("summary", "a\n  b"));
        assert_eq!(at(text, &p, "/list"), ("list", "- a\n  - {b: 1, c: [1, 2]}"));
        assert_eq!(at(text, &p, "/list/1"), ("", "{b: 1, c: [1, 2]}"));
        assert_eq!(at(text, &p, "/list/1/c"), ("c", "[1, 2]"));
        assert_eq!(at(text, &p, "/list/1/c/1"), ("", "2"));
        assert_eq!(p.value["q"], Value::Null);
    }

    #[test]
    fn yaml_1_1_booleans_stay_strings() {
        let p = parsed("a: no\nb: on\nc: yes\nd: true\n");
        assert_eq!(p.value, serde_json::json!({"a": "no", "b": "on", "c": "yes", "d": true}));
    }

    #[test]
    fn a_repeated_key_keeps_the_first_and_says_where_it_was() {
        let p = parsed("a: 1\nb: 2\na: 3\n");
        assert_eq!(p.value, serde_json::json!({"a": 1, "b": 2}));
        assert_eq!(p.problems, vec![SyntaxError::DuplicateKey { key: "a".into(), span: 10..11, first: 0..1 }]);
    }

    #[test]
    fn hostile_shapes_are_errors_with_positions() {
        let Err(SyntaxError::Invalid { message, span, .. }) = parse("a: 1\n---\nb: 2\n") else { panic!() };
        assert!(message.contains("one document"), "{message}");
        assert_eq!(span.start, 5);
        let Err(SyntaxError::Invalid { message, span, .. }) = parse("a:\n\t- b\n") else { panic!() };
        assert!(message.contains("tabs"), "{message}");
        assert_eq!(span, 3..4);
        let deep = "[".repeat(100_000);
        let Err(SyntaxError::Invalid { message, .. }) = parse(&deep) else { panic!() };
        assert!(message.contains("nests deeper"), "{message}");
        assert!(parse("").is_err());
        assert!(parse("# only a comment\n").is_err());
        // Text after a closed quote on the same line: the quote opened on this line, not before.
        let Err(SyntaxError::Invalid { span, .. }) = parse("a: 1\ntitle: \"\"Memory: Understanding\"\nb: 2\n") else {
            panic!()
        };
        assert!(span.start >= 5, "{span:?}");
    }

    #[test]
    fn aliases_expand_within_budget() {
        let p = parsed("a: &x [1]\nb: *x\n");
        assert_eq!(p.value, serde_json::json!({"a": [1], "b": [1]}));
        let mut bomb = String::from("a: &a [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 0..12 {
            let prev = (b'a' + i) as char;
            let next = (b'a' + i + 1) as char;
            bomb.push_str(&format!("{next}: &{next} [*{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}, *{prev}]\n"));
        }
        assert!(parse(&bomb).is_err());
    }
}
