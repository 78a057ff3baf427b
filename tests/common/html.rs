//! Reading the pages a build writes: a small HTML tokenizer for tests that look at their markup.

/// Decodes the character references of HTML text: `&lt;`, `&#39;`, `&#x27;`, ….
pub fn decode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(at) = rest.find('&') {
        out.push_str(&rest[..at]);
        rest = &rest[at..];
        let end = rest[1..].find(|c: char| !c.is_ascii_alphanumeric() && c != '#').map(|i| i + 1).unwrap_or(rest.len());
        let name = &rest[1..end];
        let decoded = match name {
            "lt" => Some('<'),
            "gt" => Some('>'),
            "amp" => Some('&'),
            "quot" => Some('"'),
            "apos" => Some('\''),
            "Tab" => Some('\t'),
            "NewLine" => Some('\n'),
            "colon" => Some(':'),
            _ if name.starts_with("#x") || name.starts_with("#X") => {
                u32::from_str_radix(&name[2..], 16).ok().and_then(char::from_u32)
            }
            _ if name.starts_with('#') => name[1..].parse().ok().and_then(char::from_u32),
            _ => None,
        };
        match decoded {
            Some(c) => {
                out.push(c);
                rest = &rest[end..];
                rest = rest.strip_prefix(';').unwrap_or(rest);
            }
            None => {
                out.push('&');
                rest = &rest[1..];
            }
        }
    }
    out.push_str(rest);
    out
}

/// A tag of a page: its name and attributes, values decoded.
#[derive(Debug)]
pub struct Tag {
    pub name: String,
    pub attributes: Vec<(String, String)>,
}

/// The start tags of an HTML page, and its text with tags, comments and references removed and
/// decoded. A small tokenizer after the HTML standard's: enough for pages whose every text from
/// YAML is escaped, so that only the templates' own markup is markup.
pub fn tokenize(html: &str) -> (Vec<Tag>, String) {
    let mut tags = Vec::new();
    let mut text = String::new();
    let mut rest = html;
    while let Some(start) = rest.find('<') {
        text.push_str(&decode(&rest[..start]));
        rest = &rest[start..];
        if let Some(comment) = rest.strip_prefix("<!--") {
            rest = comment.find("-->").map_or("", |end| &comment[end + 3..]);
            continue;
        }
        let after = &rest[1..];
        let closing = after.starts_with('/');
        let body = after.trim_start_matches('/');
        let name: String = body.chars().take_while(|c| !c.is_whitespace() && *c != '>' && *c != '/').collect();
        if name.is_empty() || !name.starts_with(|c: char| c.is_ascii_alphabetic() || c == '!') {
            // Not a tag: a `<` in text.
            text.push('<');
            rest = after;
            continue;
        }
        let mut cursor = &body[name.len()..];
        let mut attributes = Vec::new();
        loop {
            cursor = cursor.trim_start_matches(|c: char| c.is_whitespace() || c == '/');
            if cursor.is_empty() || cursor.starts_with('>') {
                break;
            }
            let attribute: String = cursor.chars().take_while(|c| !c.is_whitespace() && !"=>/".contains(*c)).collect();
            cursor = &cursor[attribute.len()..];
            let mut value = String::new();
            let trimmed = cursor.trim_start();
            if let Some(after_eq) = trimmed.strip_prefix('=') {
                let after_eq = after_eq.trim_start();
                match after_eq.chars().next() {
                    Some(q @ ('"' | '\'')) => {
                        let end = after_eq[1..].find(q).map_or(after_eq.len(), |i| i + 1);
                        value = after_eq[1..end].to_string();
                        cursor = &after_eq[(end + 1).min(after_eq.len())..];
                    }
                    _ => {
                        value = after_eq.chars().take_while(|c| !c.is_whitespace() && *c != '>').collect();
                        cursor = &after_eq[value.len()..];
                    }
                }
            } else if attribute.is_empty() {
                cursor = &cursor[cursor.chars().next().map_or(0, char::len_utf8)..];
            }
            if !attribute.is_empty() {
                attributes.push((attribute.to_ascii_lowercase(), decode(&value)));
            }
        }
        rest = cursor.strip_prefix('>').unwrap_or(cursor);
        if !closing {
            let lower = name.to_ascii_lowercase();
            // Raw text elements: their content is not markup.
            if lower == "script" || lower == "style" {
                let close = format!("</{lower}");
                let end = rest.to_ascii_lowercase().find(&close).unwrap_or(rest.len());
                rest = &rest[end..];
            }
            tags.push(Tag { name: lower, attributes });
        }
    }
    text.push_str(&decode(rest));
    (tags, text)
}
