//! `mcred preview`: the site as `mcred build` would render it, served on 127.0.0.1 from memory
//! (never written to `dist/`), rendered again whenever the catalog, the configuration or the
//! templates change, with open pages reloading themselves. While the catalog has errors every
//! page shows them instead of a stale site.

pub mod http;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::{Arc, Condvar, Mutex};
use std::time::Duration;

use notify::{RecursiveMode, Watcher};

use crate::config::Config;
use crate::render::{self, Package};
use crate::report::{self, Located};
use crate::{Env, Error, lint};

/// How to preview.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// The port on 127.0.0.1 (0: any free one).
    pub port: u16,
    /// The configuration file, as `--config` names it.
    pub config: Option<PathBuf>,
    /// A folder of templates that replace the shipped ones.
    pub templates: Option<PathBuf>,
}

/// What the preview serves: the rendered site, or the page that says why there is none.
enum Site {
    Built(Package),
    Broken(String),
}

/// The site and its version, shared by the watcher and every connection.
struct Shared {
    state: Mutex<(u64, Arc<Site>)>,
    changed: Condvar,
}

impl Shared {
    fn current(&self) -> (u64, Arc<Site>) {
        let state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        (state.0, state.1.clone())
    }

    fn replace(&self, site: Site) -> u64 {
        let mut state = self.state.lock().unwrap_or_else(|e| e.into_inner());
        state.0 += 1;
        state.1 = Arc::new(site);
        self.changed.notify_all();
        state.0
    }
}

/// The most connections served at once; past that, 503.
const MAX_CONNECTIONS: usize = 64;
/// How long changes settle before the site is rendered again.
const DEBOUNCE: Duration = Duration::from_millis(150);
/// The path of the reload events.
const EVENTS: &str = "/__mcred/events";

/// A running preview: where it listens. Serving goes on until the process ends.
pub struct Preview {
    pub url: String,
    listener: TcpListener,
    shared: Arc<Shared>,
}

/// Binds the port and renders the site once. `log` hears what the preview does.
pub fn start(options: Options, env: &Env, log: Arc<dyn Fn(&str) + Send + Sync>) -> Result<Preview, Error> {
    let listener = TcpListener::bind(("127.0.0.1", options.port)).map_err(|e| {
        Error::Usage(match e.kind() {
            std::io::ErrorKind::AddrInUse => format!("port {} is in use; choose another with `--port N`", options.port),
            _ => format!("cannot listen on 127.0.0.1:{}: {e}", options.port),
        })
    })?;
    let url = format!("http://{}", listener.local_addr().map_err(|e| Error::Usage(e.to_string()))?);
    let builder = Builder { options, env: env.clone() };
    let (site, watched) = builder.build();
    log(&site_line(&site));
    let shared = Arc::new(Shared { state: Mutex::new((1, Arc::new(site))), changed: Condvar::new() });
    watch(builder, watched, shared.clone(), log.clone())?;
    Ok(Preview { url, listener, shared })
}

impl Preview {
    /// Serves requests until the process ends.
    pub fn serve(self) {
        let connections = Arc::new(AtomicUsize::new(0));
        for stream in self.listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            if connections.fetch_add(1, Ordering::SeqCst) >= MAX_CONNECTIONS {
                connections.fetch_sub(1, Ordering::SeqCst);
                let _ = http::respond(
                    &mut stream,
                    "503 Service Unavailable",
                    "text/plain",
                    b"too many connections\n",
                    false,
                );
                continue;
            }
            let (shared, connections) = (self.shared.clone(), connections.clone());
            std::thread::spawn(move || {
                handle(&mut stream, &shared);
                connections.fetch_sub(1, Ordering::SeqCst);
            });
        }
    }
}

/// Renders the site the way `mcred build` does, and says which paths to watch.
struct Builder {
    options: Options,
    env: Env,
}

impl Builder {
    fn build(&self) -> (Site, Vec<PathBuf>) {
        let mut watched = Vec::new();
        if let Some(templates) = &self.options.templates {
            watched.push(self.env.cwd.join(templates));
        }
        let config = match crate::load_config(self.options.config.as_deref(), &self.env) {
            Ok(config) => config,
            Err(error) => {
                watched.push(self.env.cwd.clone());
                return (
                    Site::Broken(error_page("The configuration cannot be used", &[], &error.to_string())),
                    watched,
                );
            }
        };
        watched.push(config.file.clone().unwrap_or_else(|| self.env.cwd.clone()));
        watched.push(config.catalog.clone());
        (self.render(&config), watched)
    }

    fn render(&self, config: &Config) -> Site {
        let linted = match lint::typed(&config.catalog, config, &self.env.cwd) {
            Ok(linted) => linted,
            Err(e) => {
                return Site::Broken(error_page(
                    "The catalog cannot be read",
                    &[],
                    &format!("{}: {e}", config.catalog.display()),
                ));
            }
        };
        let located = report::locate(&linted.catalog, &linted.diagnostics);
        let errors: Vec<Located> =
            located.into_iter().filter(|d| d.diagnostic.severity == crate::diagnostic::Severity::Error).collect();
        if !errors.is_empty() {
            return Site::Broken(error_page("The catalog has errors", &errors, ""));
        }
        let options = render::Options {
            base_url: None,
            templates: self.options.templates.as_ref().map(|t| self.env.cwd.join(t)),
            zip: false,
        };
        match render::render(&linted.catalog, config, &options) {
            Ok(package) => Site::Built(package),
            Err(e) => Site::Broken(error_page("A template cannot be rendered", &[], &e.0)),
        }
    }
}

fn site_line(site: &Site) -> String {
    match site {
        Site::Built(package) => {
            format!("Rendered {} pages.", package.files.keys().filter(|p| p.ends_with(".html")).count())
        }
        Site::Broken(_) => "The catalog has errors: every page shows them until they are fixed.".into(),
    }
}

/// Watches what the site is made of; renders again when it changes, once changes settle.
fn watch(
    builder: Builder,
    watched: Vec<PathBuf>,
    shared: Arc<Shared>,
    log: Arc<dyn Fn(&str) + Send + Sync>,
) -> Result<(), Error> {
    let (events, changes) = std::sync::mpsc::channel();
    let mut watcher = notify::recommended_watcher(move |event: notify::Result<notify::Event>| {
        if let Ok(event) = event
            && !event.kind.is_access()
        {
            let _ = events.send(event.paths);
        }
    })
    .map_err(|e| Error::Usage(format!("cannot watch the catalog: {e}")))?;
    let mut watching = targets(&watched);
    for (path, mode) in &watching {
        let _ = watcher.watch(path, *mode);
    }
    std::thread::spawn(move || {
        while let Ok(first) = changes.recv() {
            let mut paths = first;
            // Let a burst of changes (an editor saving, a `git checkout`) settle first.
            while let Ok(more) = changes.recv_timeout(DEBOUNCE) {
                paths.extend(more);
            }
            // An editor's swap and backup files are not the catalog.
            let scratch = |p: &PathBuf| {
                let name = p.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
                name.starts_with('.') || name.ends_with('~') || name.ends_with(".swp")
            };
            if paths.iter().all(scratch) {
                continue;
            }
            let (site, now_watched) = builder.build();
            log(&site_line(&site));
            shared.replace(site);
            // The configuration may name another catalog or template folder.
            let now = targets(&now_watched);
            for (path, _) in watching.iter().filter(|t| !now.contains(t)) {
                let _ = watcher.unwatch(path);
            }
            for (path, mode) in now.iter().filter(|t| !watching.contains(t)) {
                let _ = watcher.watch(path, *mode);
            }
            watching = now;
        }
    });
    Ok(())
}

/// What to ask the operating system to watch: folders with all below them, and a file (the
/// configuration) through its folder, so that an editor replacing the file is seen too.
fn targets(paths: &[PathBuf]) -> Vec<(PathBuf, RecursiveMode)> {
    let mut targets: Vec<(PathBuf, RecursiveMode)> = Vec::new();
    for path in paths {
        let target = match path.is_dir() {
            true => (path.clone(), RecursiveMode::Recursive),
            false => {
                (path.parent().map(Path::to_path_buf).unwrap_or_else(|| path.clone()), RecursiveMode::NonRecursive)
            }
        };
        if !targets.contains(&target) {
            targets.push(target);
        }
    }
    targets
}

fn handle(stream: &mut TcpStream, shared: &Shared) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let request = match http::read_request(stream) {
        Ok(request) => request,
        Err(http::Refusal::TooLarge) => {
            let _ = http::respond(
                stream,
                "431 Request Header Fields Too Large",
                "text/plain",
                b"request too large\n",
                false,
            );
            return;
        }
        Err(http::Refusal::Malformed) => {
            let _ = http::respond(stream, "400 Bad Request", "text/plain", b"bad request\n", false);
            return;
        }
    };
    let head = request.method == "HEAD";
    if request.method != "GET" && !head {
        let _ = http::respond(
            stream,
            "405 Method Not Allowed",
            "text/plain",
            b"the preview only serves GET and HEAD\n",
            false,
        );
        return;
    }
    if request.path == EVENTS {
        events(stream, shared);
        return;
    }
    let not_found = |stream: &mut TcpStream| http::respond(stream, "404 Not Found", "text/plain", b"not found\n", head);
    let Some(path) = http::site_path(&request.path) else {
        let _ = not_found(stream);
        return;
    };
    let (version, site) = shared.current();
    let _ = match &*site {
        Site::Broken(page) if path.ends_with(".html") => {
            http::respond(stream, "200 OK", "text/html; charset=utf-8", with_reload(page, version).as_bytes(), head)
        }
        Site::Broken(_) => not_found(stream),
        Site::Built(package) => match package.files.get(&path) {
            Some(bytes) if path.ends_with(".html") => {
                let page = with_reload(&String::from_utf8_lossy(bytes), version);
                http::respond(stream, "200 OK", http::content_type(&path), page.as_bytes(), head)
            }
            Some(bytes) => http::respond(stream, "200 OK", http::content_type(&path), bytes, head),
            None => not_found(stream),
        },
    };
}

/// Server-sent events: the site's version now, then each new version as it is rendered.
fn events(stream: &mut TcpStream, shared: &Shared) {
    use std::io::Write;
    let headers = "HTTP/1.1 200 OK\r\nContent-Type: text/event-stream\r\nCache-Control: no-store\r\nConnection: keep-alive\r\n\r\n";
    let (mut seen, _) = shared.current();
    if stream.write_all(format!("{headers}data: {seen}\n\n").as_bytes()).is_err() {
        return;
    }
    loop {
        let state = shared.state.lock().unwrap_or_else(|e| e.into_inner());
        let (state, _) = shared
            .changed
            .wait_timeout_while(state, Duration::from_secs(15), |s| s.0 == seen)
            .unwrap_or_else(|e| e.into_inner());
        let version = state.0;
        drop(state);
        // A comment keeps the connection alive; a closed page ends the loop.
        let message = if version == seen { ": waiting\n\n".to_string() } else { format!("data: {version}\n\n") };
        seen = version;
        if stream.write_all(message.as_bytes()).and_then(|_| stream.flush()).is_err() {
            return;
        }
    }
}

/// A page with the preview's reload script: it reloads when the site's version is not the one
/// the page was rendered from.
fn with_reload(page: &str, version: u64) -> String {
    let script = format!(
        "<script>new EventSource(\"{EVENTS}\").onmessage = function (event) {{ if (event.data !== \"{version}\") location.reload(); }};</script>"
    );
    match page.rfind("</body>") {
        Some(end) => format!("{}{script}\n{}", &page[..end], &page[end..]),
        None => format!("{page}{script}\n"),
    }
}

/// The page every request gets while the site cannot be rendered.
fn error_page(title: &str, diagnostics: &[Located], detail: &str) -> String {
    let escape =
        |text: &str| text.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;").replace('"', "&quot;");
    let mut items = String::new();
    for d in diagnostics {
        let help =
            d.diagnostic.help.as_deref().map(|h| format!("<p class=\"help\">{}</p>", escape(h))).unwrap_or_default();
        items.push_str(&format!(
            "<li><p><code>{}:{}:{}</code> <span class=\"rule\">{}</span></p><p>{}</p>{help}</li>\n",
            escape(&d.source.display),
            d.start.line,
            d.start.column,
            escape(d.diagnostic.rule),
            escape(&d.diagnostic.message)
        ));
    }
    if !detail.is_empty() {
        items.push_str(&format!("<li><p>{}</p></li>\n", escape(detail)));
    }
    format!(
        "<!doctype html>
<html lang=\"en\">
<head>
<meta charset=\"utf-8\">
<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<title>{title} · mcred preview</title>
<style>body {{ font: 16px/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; color: #1a1a1a; }} li {{ margin-bottom: 1rem; border-left: 4px solid #b00020; padding-left: 1rem; list-style: none; }} code {{ font-weight: 600; }} .rule {{ color: #6b0011; }} .help {{ color: #333; }}</style>
</head>
<body>
<main>
<h1>{title}</h1>
<p>The preview shows the site again as soon as these are fixed.</p>
<ol>
{items}</ol>
</main>
</body>
</html>
"
    )
}
