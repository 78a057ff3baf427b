//! Just enough HTTP/1.1 for a local preview: read one request with bounded size, decide which
//! file of the rendered site it asks for (never one outside it), and write a response.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;

/// The most bytes a request's line and headers may take.
pub const MAX_REQUEST: usize = 16 * 1024;

/// A request, as far as the preview cares.
#[derive(Debug, PartialEq, Eq)]
pub struct Request {
    pub method: String,
    /// The decoded path, without its query.
    pub path: String,
}

/// Why a request was not read.
#[derive(Debug, PartialEq, Eq)]
pub enum Refusal {
    /// 400: not an HTTP request.
    Malformed,
    /// 431: the line and headers are longer than [`MAX_REQUEST`].
    TooLarge,
}

/// Reads the request line and headers; a body is never read (only GET and HEAD are served).
pub fn read_request(stream: &mut TcpStream) -> Result<Request, Refusal> {
    let mut reader = BufReader::new(stream.take(MAX_REQUEST as u64 + 1));
    let mut line = String::new();
    let mut total = reader.read_line(&mut line).map_err(|_| Refusal::Malformed)?;
    let mut parts = line.split_whitespace();
    let (Some(method), Some(target), Some(version)) = (parts.next(), parts.next(), parts.next()) else {
        return Err(Refusal::Malformed);
    };
    if !version.starts_with("HTTP/1.") {
        return Err(Refusal::Malformed);
    }
    let request =
        Request { method: method.to_string(), path: target.split(['?', '#']).next().unwrap_or("/").to_string() };
    loop {
        let mut header = String::new();
        let read = reader.read_line(&mut header).map_err(|_| Refusal::Malformed)?;
        total += read;
        if total > MAX_REQUEST {
            return Err(Refusal::TooLarge);
        }
        if read == 0 || header == "\r\n" || header == "\n" {
            break;
        }
    }
    Ok(request)
}

/// The site file a path names: `/` and folders are their `index.html`. `None` for anything that
/// could leave the site: `..` (written or percent-encoded), backslashes, NUL, a bad escape.
pub fn site_path(path: &str) -> Option<String> {
    let decoded = percent_decode(path)?;
    if !decoded.starts_with('/') || decoded.contains(['\\', '\0']) {
        return None;
    }
    let mut parts = Vec::new();
    for segment in decoded.split('/') {
        match segment {
            "" | "." => {}
            ".." => return None,
            other => parts.push(other),
        }
    }
    let mut path = parts.join("/");
    if path.is_empty() || decoded.ends_with('/') {
        if !path.is_empty() {
            path.push('/');
        }
        path.push_str("index.html");
    }
    Some(path)
}

fn percent_decode(text: &str) -> Option<String> {
    let bytes = text.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'%' {
            let hex = std::str::from_utf8(bytes.get(i + 1..i + 3)?).ok()?;
            out.push(u8::from_str_radix(hex, 16).ok()?);
            i += 3;
        } else {
            out.push(bytes[i]);
            i += 1;
        }
    }
    String::from_utf8(out).ok()
}

/// The content type of a site file, by its extension.
pub fn content_type(path: &str) -> &'static str {
    match path.rsplit('.').next().unwrap_or_default() {
        "html" => "text/html; charset=utf-8",
        "css" => "text/css; charset=utf-8",
        "json" => "application/json",
        "png" => "image/png",
        "jpg" | "jpeg" => "image/jpeg",
        "gif" => "image/gif",
        "svg" => "image/svg+xml",
        "webp" => "image/webp",
        "zip" => "application/zip",
        _ => "application/octet-stream",
    }
}

/// Writes a whole response (`HEAD` gets the headers only).
pub fn respond(
    stream: &mut TcpStream,
    status: &str,
    content_type: &str,
    body: &[u8],
    head: bool,
) -> std::io::Result<()> {
    let headers = format!(
        "HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {}\r\nCache-Control: no-store\r\nX-Content-Type-Options: nosniff\r\nConnection: close\r\n\r\n",
        body.len()
    );
    stream.write_all(headers.as_bytes())?;
    if !head {
        stream.write_all(body)?;
    }
    stream.flush()
}

#[cfg(test)]
mod tests {
    use super::site_path;

    #[test]
    fn paths_stay_inside_the_site() {
        assert_eq!(site_path("/").as_deref(), Some("index.html"));
        assert_eq!(site_path("/stacks/").as_deref(), Some("stacks/index.html"));
        assert_eq!(site_path("/credentials/a%20b.html").as_deref(), Some("credentials/a b.html"));
        assert_eq!(site_path("/./credentials//a.html").as_deref(), Some("credentials/a.html"));
        for bad in [
            "/../Cargo.toml",
            "/%2e%2e/Cargo.toml",
            "/credentials/..%2f..%2fmcred.toml",
            "/a\\..\\b",
            "/%00",
            "/%zz",
            "relative",
            "/%c0%ae%c0%ae/",
        ] {
            assert_eq!(site_path(bad), None, "{bad}");
        }
    }
}
