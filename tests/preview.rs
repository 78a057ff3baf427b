//! `mcred preview` as an author uses it: it serves the site, sees an edit, shows errors while the
//! catalog is broken and recovers when it is fixed, refuses anything outside the site, and stops
//! cleanly. It never writes `dist/`.

mod common;

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use common::{CREDENTIAL, STACK, catalog};

struct Preview {
    child: Child,
    address: String,
}

impl Preview {
    fn start(dir: &Path) -> Preview {
        let mut child = Command::new(env!("CARGO_BIN_EXE_mcred"))
            .args(["preview", "--port", "0"])
            .current_dir(dir)
            .stdout(Stdio::piped())
            .stderr(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let address = loop {
            let line = lines.next().expect("the preview prints its address").unwrap();
            if let Some(rest) = line.split("http://").nth(1) {
                break rest.split_whitespace().next().unwrap().to_string();
            }
        };
        // Keep reading what it says, so it never blocks on a full pipe.
        std::thread::spawn(move || lines.for_each(drop));
        Preview { child, address }
    }

    /// The status line and body of a raw request.
    fn send(&self, request: &str) -> (String, String) {
        let mut stream = TcpStream::connect(&self.address).unwrap();
        stream.set_read_timeout(Some(Duration::from_secs(10))).unwrap();
        stream.write_all(request.as_bytes()).unwrap();
        let mut response = Vec::new();
        let _ = stream.read_to_end(&mut response);
        let response = String::from_utf8_lossy(&response).into_owned();
        let (head, body) = response.split_once("\r\n\r\n").unwrap_or((&response, ""));
        (head.lines().next().unwrap_or_default().to_string(), body.to_string())
    }

    fn get(&self, path: &str) -> (String, String) {
        self.send(&format!("GET {path} HTTP/1.1\r\nHost: {}\r\n\r\n", self.address))
    }

    /// Waits until the page at `path` satisfies `test`.
    fn until(&self, path: &str, test: impl Fn(&str) -> bool) -> String {
        let started = Instant::now();
        loop {
            let (_, body) = self.get(path);
            if test(&body) {
                return body;
            }
            assert!(started.elapsed() < Duration::from_secs(15), "timed out waiting on {path}; last:\n{body}");
            std::thread::sleep(Duration::from_millis(100));
        }
    }
}

impl Drop for Preview {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn fixture() -> tempfile::TempDir {
    catalog(&[
        ("mcred.toml", b"catalog = \"catalog\"\n"),
        ("catalog/working-memory.yaml", STACK.as_bytes()),
        ("catalog/understand.yaml", CREDENTIAL.as_bytes()),
    ])
}

#[test]
fn the_preview_follows_edits_errors_and_fixes() {
    let dir = fixture();
    let preview = Preview::start(dir.path());
    let (status, index) = preview.get("/");
    assert_eq!(status, "HTTP/1.1 200 OK");
    assert!(index.contains("EventSource"), "the page reloads itself");
    let page = preview.until("/credentials/understand.html", |b| b.contains("Demonstrate Understanding"));
    assert!(page.contains("Working Memory"));

    // An edit shows up.
    let file = dir.path().join("catalog/understand.yaml");
    std::fs::write(&file, CREDENTIAL.replace("Demonstrate Understanding", "Understand the Basics")).unwrap();
    preview.until("/credentials/understand.html", |b| b.contains("Understand the Basics"));

    // A broken file: every page shows the error, with its place and rule.
    std::fs::write(&file, CREDENTIAL.replace("status: published", "status: publishd")).unwrap();
    let broken = preview.until("/", |b| b.contains("The catalog has errors"));
    assert!(
        broken.contains("catalog/understand.yaml:5:9") && broken.contains("schema") && broken.contains("publishd"),
        "{broken}"
    );
    let (_, other) = preview.get("/stacks/working-memory.html");
    assert!(other.contains("The catalog has errors"));

    // Fixed: the site is back.
    std::fs::write(&file, CREDENTIAL).unwrap();
    preview.until("/credentials/understand.html", |b| {
        b.contains("Demonstrate Understanding") && !b.contains("The catalog has errors")
    });
    assert!(!dir.path().join("dist").exists(), "the preview never writes dist/");
}

#[test]
fn reload_events_announce_each_new_version() {
    let dir = fixture();
    let preview = Preview::start(dir.path());
    let mut stream = TcpStream::connect(&preview.address).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(15))).unwrap();
    stream.write_all(format!("GET /__mcred/events HTTP/1.1\r\nHost: {}\r\n\r\n", preview.address).as_bytes()).unwrap();
    let mut reader = BufReader::new(stream);
    let mut data = Vec::new();
    let mut line = String::new();
    while data.is_empty() {
        line.clear();
        reader.read_line(&mut line).unwrap();
        if let Some(version) = line.strip_prefix("data: ") {
            data.push(version.trim().to_string());
        }
    }
    assert_eq!(data, ["1"]);
    std::fs::write(
        dir.path().join("catalog/understand.yaml"),
        CREDENTIAL.replace("Demonstrate Understanding", "Edited"),
    )
    .unwrap();
    loop {
        line.clear();
        assert!(reader.read_line(&mut line).unwrap() > 0, "the stream closed");
        if let Some(version) = line.strip_prefix("data: ") {
            assert_eq!(version.trim(), "2");
            break;
        }
    }
}

#[test]
fn nothing_outside_the_site_is_served() {
    let dir = fixture();
    let preview = Preview::start(dir.path());
    for path in [
        "/../mcred.toml",
        "/%2e%2e/mcred.toml",
        "/credentials/..%2f..%2fmcred.toml",
        "/..%5cmcred.toml",
        "/catalog/understand.yaml",
        "/%00",
        "/nope.html",
    ] {
        assert_eq!(preview.get(path).0, "HTTP/1.1 404 Not Found", "{path}");
    }
    for method in ["POST", "PUT", "DELETE", "OPTIONS"] {
        let (status, _) = preview.send(&format!("{method} / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\n"));
        assert_eq!(status, "HTTP/1.1 405 Method Not Allowed", "{method}");
    }
    let huge = format!("GET / HTTP/1.1\r\nHost: x\r\nX-Padding: {}\r\n\r\n", "a".repeat(64 * 1024));
    assert_eq!(preview.send(&huge).0, "HTTP/1.1 431 Request Header Fields Too Large");
    assert_eq!(preview.send("nonsense\r\n\r\n").0, "HTTP/1.1 400 Bad Request");
    let (status, _) = preview.send("HEAD / HTTP/1.1\r\nHost: x\r\n\r\n");
    assert_eq!(status, "HTTP/1.1 200 OK");
}

#[test]
fn a_busy_port_is_a_clear_error() {
    let dir = fixture();
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let port = taken.local_addr().unwrap().port().to_string();
    let output = Command::new(env!("CARGO_BIN_EXE_mcred"))
        .args(["preview", "--port", &port])
        .current_dir(dir.path())
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(stderr.contains(&format!("port {port} is in use")), "{stderr}");
}

#[test]
fn ctrl_c_stops_it_cleanly() {
    let dir = fixture();
    let mut preview = Preview::start(dir.path());
    assert_eq!(preview.get("/").0, "HTTP/1.1 200 OK");
    let status = Command::new("kill").args(["-INT", &preview.child.id().to_string()]).status().unwrap();
    assert!(status.success());
    let started = Instant::now();
    let exit = loop {
        if let Some(exit) = preview.child.try_wait().unwrap() {
            break exit;
        }
        assert!(started.elapsed() < Duration::from_secs(10), "still running after Ctrl-C");
        std::thread::sleep(Duration::from_millis(50));
    };
    assert_eq!(exit.code(), Some(0));
}
