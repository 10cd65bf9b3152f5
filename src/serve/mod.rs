//! `heshu serve`: the web page for drafters who never open a terminal, served by heshu on their
//! own machine so that the document never leaves it.
//!
//! The page and its script are inside the binary ([`page`]); it works offline. The server listens
//! on the loopback address unless told otherwise, answers only requests whose `Host` is the
//! address it printed (a page of another site that rebinds its name to 127.0.0.1 is refused),
//! sends no CORS headers, and takes uploads only with the token written into the page it served
//! (a form posted from another site has none). No endpoint names a path on the machine: uploads
//! are read from the request, checked in memory and answered; nothing is written to disk. Checks
//! run on the runtime's blocking threads, so several tabs do not wait for each other's I/O.

mod api;
mod page;

pub use api::Refused;

use crate::config::Settings;
use axum::body::Body;
use axum::extract::{Request, State};
use axum::http::{header, HeaderMap, HeaderName, HeaderValue, StatusCode};
use axum::middleware::{self, Next};
use axum::response::{IntoResponse, Response};
use axum::routing::{get, post};
use axum::Router;
use std::net::{IpAddr, SocketAddr};
use std::sync::Arc;

/// The largest upload the page takes, in bytes (the page states it).
pub const UPLOAD_LIMIT: usize = 50 * 1024 * 1024;

/// The header that carries the page's token.
const TOKEN_HEADER: &str = "x-heshu-token";
/// The header that carries the uploaded file's name, percent-encoded.
const NAME_HEADER: &str = "x-heshu-name";
/// The header that lists the rules switched off on the page, comma-separated.
const OFF_HEADER: &str = "x-heshu-off";

/// Where to listen and what to do once listening.
#[derive(Debug, Clone)]
pub struct Options {
    /// The address to listen on (the loopback address unless the user said otherwise).
    pub host: IpAddr,
    /// The port (0: any free one).
    pub port: u16,
    /// Open the page in the default browser.
    pub open: bool,
}

/// Why the server could not run.
#[derive(Debug, thiserror::Error)]
pub enum ServeError {
    /// The runtime could not start.
    #[error("cannot start the server: {0}")]
    Runtime(std::io::Error),
    /// The address is taken or not ours.
    #[error("cannot listen on {addr}: {source}")]
    Bind {
        /// The address asked for.
        addr: SocketAddr,
        /// The cause.
        source: std::io::Error,
    },
    /// The server stopped with an error.
    #[error("the server stopped: {0}")]
    Serve(std::io::Error),
}

impl ServeError {
    /// What went wrong, in the catalog's language (the system's words after it).
    pub fn localized(&self, t: &crate::locale::Catalog) -> String {
        use crate::tr;
        match self {
            ServeError::Runtime(e) => tr!(t, "serve-error-runtime", error = e.to_string()),
            ServeError::Bind { addr, source } => tr!(
                t,
                "serve-error-bind",
                address = addr.to_string(),
                error = source.to_string()
            ),
            ServeError::Serve(e) => tr!(t, "serve-error-stopped", error = e.to_string()),
        }
    }
}

impl App {
    /// The catalog of the server's language.
    fn tr(&self) -> &'static crate::locale::Catalog {
        crate::locale::catalog(self.settings.lang())
    }
}

struct App {
    settings: Settings,
    token: String,
    /// The `Host` values this server answers to.
    hosts: Vec<String>,
    /// `GET /api/rules`, rendered once.
    rules: String,
    /// `GET /`, rendered once (token, limit and words written in).
    page: String,
}

/// Serve the page until Ctrl-C (or SIGTERM). `announce` is given the page's address once the
/// server listens (the CLI prints it).
pub fn serve(
    options: &Options,
    settings: Settings,
    announce: impl FnOnce(&str),
) -> Result<(), ServeError> {
    let workers = crate::threads::threads().max(2);
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        // Checks are CPU work: as many at once as there are cores, twice over, the rest queue.
        .max_blocking_threads(workers * 2)
        .thread_name("heshu-serve")
        .enable_all()
        .build()
        .map_err(ServeError::Runtime)?;
    runtime.block_on(async move {
        let addr = SocketAddr::new(options.host, options.port);
        let listener = tokio::net::TcpListener::bind(addr)
            .await
            .map_err(|source| ServeError::Bind { addr, source })?;
        let bound = listener
            .local_addr()
            .map_err(|source| ServeError::Bind { addr, source })?;
        let url = format!("http://{}/", host_port(bound));
        let token = new_token();
        let app = Arc::new(App {
            hosts: allowed_hosts(bound),
            page: page::index(
                &token,
                UPLOAD_LIMIT,
                crate::locale::catalog(settings.lang()),
            ),
            token,
            rules: page::rules_json(&settings),
            settings,
        });
        // Listen for Ctrl-C before the address is announced: a signal sent as soon as it is
        // printed must stop the server cleanly, not find no handler and kill the process.
        let shutdown = shutdown();
        announce(&url);
        if options.open {
            open_browser(&url, app.tr());
        }
        axum::serve(listener, router(app))
            .with_graceful_shutdown(shutdown)
            .await
            .map_err(ServeError::Serve)
    })
}

/// The routes, behind the `Host` check.
fn router(app: Arc<App>) -> Router {
    let not_found = app.tr().text("serve-no-page");
    Router::new()
        .route("/", get(index))
        .route(
            "/app.js",
            get(|| async { asset("text/javascript; charset=utf-8", page::SCRIPT) }),
        )
        .route(
            "/app.css",
            get(|| async { asset("text/css; charset=utf-8", page::STYLE) }),
        )
        .route("/api/rules", get(rules))
        .route("/api/check", post(check))
        .route("/api/annotate", post(annotate))
        .fallback(|| async move { refuse(StatusCode::NOT_FOUND, &not_found) })
        .layer(middleware::from_fn_with_state(app.clone(), guard))
        .with_state(app)
}

/// `address:port` as a URL and a `Host` header write it (`[::1]:8080`).
fn host_port(addr: SocketAddr) -> String {
    match addr.ip() {
        IpAddr::V6(ip) => format!("[{ip}]:{}", addr.port()),
        IpAddr::V4(ip) => format!("{ip}:{}", addr.port()),
    }
}

/// The `Host` values a request may carry: the address printed, and `localhost` on loopback.
fn allowed_hosts(bound: SocketAddr) -> Vec<String> {
    let mut hosts = vec![host_port(bound)];
    if bound.ip().is_loopback() {
        hosts.push(format!("localhost:{}", bound.port()));
    }
    hosts
}

/// A token no other site can guess: 128 bits from the standard library's randomly keyed hasher
/// (seeded by the operating system), mixed with the time and the process.
fn new_token() -> String {
    use std::hash::{BuildHasher, Hasher};
    let part = |salt: u64| {
        let mut h = std::collections::hash_map::RandomState::new().build_hasher();
        h.write_u64(salt);
        h.write_u32(std::process::id());
        if let Ok(t) = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH) {
            h.write_u128(t.as_nanos());
        }
        h.finish()
    };
    format!("{:016x}{:016x}", part(1), part(2))
}

/// Ends the server on Ctrl-C, or on SIGTERM where there is one. On Unix the handlers are
/// installed when this is called, not when the future is first polled.
#[cfg(unix)]
fn shutdown() -> impl std::future::Future<Output = ()> {
    use tokio::signal::unix::{signal, SignalKind};
    let interrupt = signal(SignalKind::interrupt()).ok();
    let terminate = signal(SignalKind::terminate()).ok();
    async move {
        let on_interrupt = async {
            match interrupt {
                Some(mut interrupt) => {
                    interrupt.recv().await;
                }
                None => {
                    let _ = tokio::signal::ctrl_c().await;
                }
            }
        };
        let on_terminate = async {
            match terminate {
                Some(mut terminate) => {
                    terminate.recv().await;
                }
                None => std::future::pending::<()>().await,
            }
        };
        tokio::select! {
            () = on_interrupt => {},
            () = on_terminate => {},
        }
    }
}

/// Ends the server on Ctrl-C.
#[cfg(not(unix))]
fn shutdown() -> impl std::future::Future<Output = ()> {
    async {
        let _ = tokio::signal::ctrl_c().await;
    }
}

/// Open `url` in the default browser; a failure is reported and the server goes on.
fn open_browser(url: &str, t: &crate::locale::Catalog) {
    let mut command = if cfg!(target_os = "macos") {
        std::process::Command::new("open")
    } else if cfg!(windows) {
        let mut c = std::process::Command::new("cmd");
        c.args(["/C", "start", ""]);
        c
    } else {
        std::process::Command::new("xdg-open")
    };
    command
        .arg(url)
        .stdin(std::process::Stdio::null())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null());
    if let Err(e) = command.spawn() {
        let message = crate::tr!(t, "serve-no-browser", error = e.to_string(), url = url);
        eprintln!("heshu serve: {message}");
    }
}

/// Refuses requests for another host (DNS rebinding) and adds the headers every answer carries.
async fn guard(State(app): State<Arc<App>>, request: Request, next: Next) -> Response {
    let host = request
        .headers()
        .get(header::HOST)
        .and_then(|h| h.to_str().ok())
        .unwrap_or_default();
    let mut response = if app.hosts.iter().any(|h| h.eq_ignore_ascii_case(host)) {
        next.run(request).await
    } else {
        refuse(
            StatusCode::MISDIRECTED_REQUEST,
            &app.tr().text("serve-wrong-host"),
        )
    };
    let headers = response.headers_mut();
    for (name, value) in [
        ("cache-control", "no-store"),
        ("x-content-type-options", "nosniff"),
        ("referrer-policy", "no-referrer"),
        ("x-frame-options", "DENY"),
        ("cross-origin-resource-policy", "same-origin"),
        (
            "content-security-policy",
            "default-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; \
             form-action 'none'; frame-ancestors 'none'",
        ),
    ] {
        headers.insert(
            HeaderName::from_static(name),
            HeaderValue::from_static(value),
        );
    }
    response
}

/// An answer of JSON `{"error": message}` with a status.
fn refuse(status: StatusCode, message: &str) -> Response {
    let body = serde_json::json!({ "error": message }).to_string();
    (
        status,
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        body,
    )
        .into_response()
}

fn asset(content_type: &'static str, body: &'static str) -> Response {
    ([(header::CONTENT_TYPE, content_type)], body).into_response()
}

async fn index(State(app): State<Arc<App>>) -> Response {
    (
        [(header::CONTENT_TYPE, "text/html; charset=utf-8")],
        app.page.clone(),
    )
        .into_response()
}

async fn rules(State(app): State<Arc<App>>) -> Response {
    (
        [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
        app.rules.clone(),
    )
        .into_response()
}

/// What an upload request carries: its name, the rules switched off, its bytes.
struct Upload {
    name: String,
    off: Vec<String>,
    bytes: Vec<u8>,
}

/// Read an upload: the token first, then the size, then the body.
async fn upload(app: &App, headers: &HeaderMap, body: Body) -> Result<Upload, Response> {
    let token = headers
        .get(TOKEN_HEADER)
        .and_then(|t| t.to_str().ok())
        .unwrap_or_default();
    if !same(token.as_bytes(), app.token.as_bytes()) {
        return Err(refuse(
            StatusCode::FORBIDDEN,
            &app.tr().text("serve-no-token"),
        ));
    }
    let too_large = || {
        refuse(
            StatusCode::PAYLOAD_TOO_LARGE,
            &crate::tr!(
                app.tr(),
                "serve-too-large",
                limit = (UPLOAD_LIMIT / (1024 * 1024)).to_string()
            ),
        )
    };
    let declared = headers
        .get(header::CONTENT_LENGTH)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.parse::<u64>().ok());
    if declared.is_some_and(|n| n > UPLOAD_LIMIT as u64) {
        return Err(too_large());
    }
    let bytes = axum::body::to_bytes(body, UPLOAD_LIMIT)
        .await
        .map_err(|_| too_large())?;
    let name = headers
        .get(NAME_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(percent_decode)
        .filter(|n| !n.trim().is_empty())
        .unwrap_or_else(|| app.tr().text("js-pasted-name"));
    // Only the file's own name: a path sent by a client names nothing here.
    let name = name
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or_default()
        .to_owned();
    let off = headers
        .get(OFF_HEADER)
        .and_then(|v| v.to_str().ok())
        .map(|v| {
            v.split(',')
                .map(str::trim)
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
                .collect()
        })
        .unwrap_or_default();
    Ok(Upload {
        name,
        off,
        bytes: bytes.to_vec(),
    })
}

/// Equal bytes, compared in time that does not depend on where they differ.
fn same(a: &[u8], b: &[u8]) -> bool {
    a.len() == b.len() && a.iter().zip(b).fold(0u8, |acc, (x, y)| acc | (x ^ y)) == 0
}

/// `%E6%8A%A5` → the bytes, read as UTF-8 (lossily); anything else as written.
fn percent_decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while let Some(&b) = bytes.get(i) {
        let hex = |at: usize| {
            bytes
                .get(at)
                .and_then(|c| char::from(*c).to_digit(16))
                .and_then(|d| u8::try_from(d).ok())
        };
        match (b, hex(i + 1), hex(i + 2)) {
            (b'%', Some(hi), Some(lo)) => {
                out.push(hi * 16 + lo);
                i += 3;
            }
            _ => {
                out.push(b);
                i += 1;
            }
        }
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// The RFC 5987 form of a file name for `Content-Disposition`.
fn percent_encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len() * 3);
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~".contains(&b) {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

async fn check(State(app): State<Arc<App>>, headers: HeaderMap, body: Body) -> Response {
    let upload = match upload(&app, &headers, body).await {
        Ok(u) => u,
        Err(refusal) => return refusal,
    };
    let worker = app.clone();
    let done = tokio::task::spawn_blocking(move || {
        api::check(&worker.settings, &upload.name, upload.bytes, &upload.off)
    })
    .await;
    match done {
        Ok(Ok(json)) => (
            [(header::CONTENT_TYPE, "application/json; charset=utf-8")],
            json,
        )
            .into_response(),
        Ok(Err(Refused(message))) => refuse(StatusCode::UNPROCESSABLE_ENTITY, &message),
        Err(e) => {
            eprintln!("heshu serve: {}: {e}", app.tr().text("serve-check-failed"));
            refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                &app.tr().text("serve-check-failed"),
            )
        }
    }
}

async fn annotate(State(app): State<Arc<App>>, headers: HeaderMap, body: Body) -> Response {
    let upload = match upload(&app, &headers, body).await {
        Ok(u) => u,
        Err(refusal) => return refusal,
    };
    let worker = app.clone();
    let name = upload.name.clone();
    let done = tokio::task::spawn_blocking(move || {
        api::annotate(&worker.settings, &upload.name, upload.bytes, &upload.off)
    })
    .await;
    match done {
        Ok(Ok(copy)) => {
            let stem = name.strip_suffix(".docx").unwrap_or(&name);
            let file = format!("{stem}.heshu.docx");
            let disposition = format!(
                "attachment; filename=\"annotated.docx\"; filename*=UTF-8''{}",
                percent_encode(&file)
            );
            let mut response = (
                [(
                    header::CONTENT_TYPE,
                    "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                )],
                copy,
            )
                .into_response();
            if let Ok(value) = HeaderValue::from_str(&disposition) {
                response
                    .headers_mut()
                    .insert(header::CONTENT_DISPOSITION, value);
            }
            response
        }
        Ok(Err(Refused(message))) => refuse(StatusCode::UNPROCESSABLE_ENTITY, &message),
        Err(e) => {
            eprintln!(
                "heshu serve: {}: {e}",
                app.tr().text("serve-annotate-failed")
            );
            refuse(
                StatusCode::INTERNAL_SERVER_ERROR,
                &app.tr().text("serve-annotate-failed"),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_travel_percent_encoded() {
        let name = "2024年 工作总结(终稿).docx";
        assert_eq!(percent_decode(&percent_encode(name)), name);
        assert_eq!(percent_decode("%E6%8A%A5.txt"), "报.txt");
        assert_eq!(percent_decode("100%"), "100%");
    }

    #[test]
    fn loopback_answers_to_localhost_too() {
        let hosts = allowed_hosts(SocketAddr::from(([127, 0, 0, 1], 8080)));
        assert_eq!(hosts, ["127.0.0.1:8080", "localhost:8080"]);
        let v6 = allowed_hosts(SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, 80)));
        assert_eq!(v6, ["[::1]:80", "localhost:80"]);
    }

    #[test]
    fn tokens_differ() {
        assert_ne!(new_token(), new_token());
        assert_eq!(new_token().len(), 32);
    }
}
