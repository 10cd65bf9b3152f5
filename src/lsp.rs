//! `heshu lsp`: a language server over stdio (lsp-server), publishing the same diagnostics as
//! `heshu check` while a report is typed.
//!
//! - Text synchronisation, full and incremental; diagnostics on open and save at once, on change
//!   after a pause (~150 ms), cleared on close. Only documents heshu reads are checked
//!   (`plaintext`, `markdown`, or files ending in .txt/.md).
//! - Positions in UTF-8 when the client offers it, otherwise UTF-16 (characters outside the BMP
//!   count two).
//! - Each diagnostic carries its rule id as `code`, a `codeDescription`, its labels as
//!   `relatedInformation`, and the computation on the message's second line.
//! - Code actions: "ignore this finding" (adds its fingerprint to the configured baseline) and, in
//!   Markdown, "suppress on this line".
//! - The workspace's heshu.toml is honoured and re-read when it changes; a panic inside a rule is
//!   caught and logged, and the document's other rules still report.

use crate::config::Settings;
use crate::model::diagnostic::{Diagnostic, Severity};
use crate::model::span::LineIndex;
use crate::model::Document;
use crate::model::Lang;
use crate::report::baseline::{Baseline, Entry};
use crate::report::fingerprint;
use gen_lsp_types::{
    DidChangeTextDocumentParams, DidCloseTextDocumentParams, DidOpenTextDocumentParams,
    DidSaveTextDocumentParams, TextDocumentContentChangeEvent,
};
use lsp_server::{Connection, Message, Notification, Request, RequestId, Response};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant, SystemTime};

/// How long the text must rest after a change before it is checked.
pub const DEBOUNCE: Duration = Duration::from_millis(150);

/// Where `codeDescription` links point: the rule's explanation (`heshu explain <id>`).
pub const RULE_DOCS: &str = "heshu://rules/";

/// How positions count characters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Bytes of UTF-8.
    Utf8,
    /// Code units of UTF-16 (the LSP default).
    Utf16,
}

impl Encoding {
    fn name(self) -> &'static str {
        match self {
            Encoding::Utf8 => "utf-8",
            Encoding::Utf16 => "utf-16",
        }
    }
}

/// Convert between byte offsets and LSP positions in one text.
pub struct Positions<'a> {
    text: &'a str,
    lines: LineIndex,
    encoding: Encoding,
}

impl<'a> Positions<'a> {
    /// Index a text.
    pub fn new(text: &'a str, encoding: Encoding) -> Self {
        Self {
            text,
            lines: LineIndex::new(text),
            encoding,
        }
    }

    /// The LSP position of a byte offset.
    pub fn position(&self, offset: usize) -> Value {
        let offset = crate::model::span::floor_char_boundary(self.text, offset);
        let (line, _) = self.lines.line_col(self.text, offset);
        let start = self.lines.line_start(line - 1).unwrap_or(0);
        let prefix = self.text.get(start..offset).unwrap_or_default();
        let character = match self.encoding {
            Encoding::Utf8 => prefix.len(),
            Encoding::Utf16 => prefix.encode_utf16().count(),
        };
        json!({"line": line - 1, "character": character})
    }

    /// The LSP range of a byte span.
    pub fn range(&self, start: usize, end: usize) -> Value {
        json!({"start": self.position(start), "end": self.position(end)})
    }

    /// The byte offset of an LSP position (clamped to the line and the text).
    pub fn offset(&self, line: u32, character: u32) -> usize {
        let Some(start) = self.lines.line_start(line as usize) else {
            return self.text.len();
        };
        let line_end = self
            .lines
            .line_start(line as usize + 1)
            .unwrap_or(self.text.len());
        let mut units = 0usize;
        for (i, c) in self
            .text
            .get(start..line_end)
            .unwrap_or_default()
            .char_indices()
        {
            if units >= character as usize || c == '\n' || c == '\r' {
                return start + i;
            }
            units += match self.encoding {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
        }
        line_end
    }
}

/// An open document.
struct OpenDocument {
    text: String,
    version: i32,
    markdown: bool,
    /// When it changed and waits for a check.
    due: Option<Instant>,
}

fn is_checked(uri: &str, language: &str) -> bool {
    let lower = uri.to_ascii_lowercase();
    matches!(language, "plaintext" | "markdown" | "text")
        || lower.ends_with(".txt")
        || lower.ends_with(".md")
        || lower.ends_with(".markdown")
}

fn is_markdown(uri: &str, language: &str) -> bool {
    let lower = uri.to_ascii_lowercase();
    language == "markdown" || lower.ends_with(".md") || lower.ends_with(".markdown")
}

/// A file URI's path.
fn uri_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    let mut bytes = Vec::with_capacity(rest.len());
    let raw = rest.as_bytes();
    let mut i = 0;
    while let Some(&byte) = raw.get(i) {
        if byte == b'%' && i + 2 < raw.len() {
            if let Ok(b) = u8::from_str_radix(rest.get(i + 1..i + 3).unwrap_or_default(), 16) {
                bytes.push(b);
                i += 3;
                continue;
            }
        }
        bytes.push(byte);
        i += 1;
    }
    String::from_utf8(bytes).ok().map(PathBuf::from)
}

fn file_uri(path: &Path) -> String {
    format!(
        "file://{}",
        crate::report::sarif::uri(&path.display().to_string())
    )
}

/// The workspace's settings, re-read when its heshu.toml changes.
struct Workspace {
    root: Option<PathBuf>,
    config: Option<(PathBuf, Option<SystemTime>)>,
    settings: Settings,
    /// The configured baseline as last read, with the modification time it was read at.
    baseline: Option<(Option<SystemTime>, Baseline)>,
    /// The language asked for with `heshu --lang … lsp`.
    lang_flag: Option<Lang>,
    /// The language of the editor (`initialize`'s `locale`), after the configuration's.
    client_lang: Option<Lang>,
}

impl Workspace {
    fn new(
        root: Option<PathBuf>,
        lang_flag: Option<Lang>,
        client_lang: Option<Lang>,
    ) -> (Self, Option<String>) {
        let mut ws = Self {
            root,
            config: None,
            settings: Settings::default(),
            baseline: None,
            lang_flag,
            client_lang,
        };
        let error = ws.reload();
        (ws, error)
    }

    fn modified(path: &Path) -> Option<SystemTime> {
        std::fs::metadata(path).and_then(|m| m.modified()).ok()
    }

    /// Load (or drop) the configuration; an error message when it is invalid.
    fn reload(&mut self) -> Option<String> {
        let found = self.root.as_deref().and_then(Settings::discover);
        self.config = found.as_ref().map(|p| (p.clone(), Self::modified(p)));
        let error = match found {
            None => {
                self.settings = Settings::default();
                None
            }
            Some(path) => match Settings::load(&path) {
                Ok(s) => {
                    self.settings = s;
                    None
                }
                Err(e) => {
                    // The configuration's `lang` is not known: the flag, the editor, the locale.
                    let lang = crate::locale::resolve(self.lang_flag, self.client_lang);
                    Some(e.localized(crate::locale::catalog(lang)))
                }
            },
        };
        // The flag, HESHU_LANG, the configuration, the editor's language, the locale.
        let lang = crate::locale::resolve(
            self.lang_flag,
            self.settings.config_lang.or(self.client_lang),
        );
        self.settings.set_lang(lang);
        error
    }

    /// Re-read the configuration if it appeared, changed or went away.
    fn refresh(&mut self) -> Option<String> {
        let found = self.root.as_deref().and_then(Settings::discover);
        let now = found.as_ref().map(|p| (p.clone(), Self::modified(p)));
        if now != self.config {
            return self.reload().or(Some(String::new()));
        }
        None
    }
}

/// The server's state.
pub struct Server {
    encoding: Encoding,
    documents: HashMap<String, OpenDocument>,
    workspace: Workspace,
    outbox: Vec<Message>,
}

impl Server {
    /// A server for a client that sent these `initialize` parameters.
    pub fn new(params: &Value) -> Self {
        Self::with_lang(params, None)
    }

    /// A server for a client that sent these `initialize` parameters, asked to speak `lang`
    /// (`heshu --lang en lsp`; else as [`crate::locale`] resolves it, the editor's `locale`
    /// after the configuration's `lang`).
    pub fn with_lang(params: &Value, lang: Option<Lang>) -> Self {
        let offers_utf8 = params
            .pointer("/capabilities/general/positionEncodings")
            .and_then(Value::as_array)
            .is_some_and(|a| a.iter().any(|e| e == "utf-8"));
        let root = params
            .pointer("/workspaceFolders/0/uri")
            .or_else(|| params.get("rootUri"))
            .and_then(Value::as_str)
            .and_then(uri_path)
            .or_else(|| {
                params
                    .get("rootPath")
                    .and_then(Value::as_str)
                    .map(PathBuf::from)
            });
        let client_lang = params
            .get("locale")
            .and_then(Value::as_str)
            .and_then(Lang::from_tag);
        let (workspace, error) = Workspace::new(root, lang, client_lang);
        let mut server = Self {
            encoding: if offers_utf8 {
                Encoding::Utf8
            } else {
                Encoding::Utf16
            },
            documents: HashMap::new(),
            workspace,
            outbox: Vec::new(),
        };
        if let Some(e) = error {
            server.log(1, &format!("heshu.toml: {e}"));
        }
        server
    }

    /// The `initialize` result.
    pub fn capabilities(&self) -> Value {
        json!({
            "capabilities": {
                "positionEncoding": self.encoding.name(),
                "textDocumentSync": {
                    "openClose": true,
                    "change": 2,
                    "save": {"includeText": false}
                },
                "codeActionProvider": {"codeActionKinds": ["quickfix"]}
            },
            "serverInfo": {"name": "heshu", "version": env!("CARGO_PKG_VERSION")}
        })
    }

    /// The catalog of the workspace's language.
    fn tr(&self) -> &'static crate::locale::Catalog {
        crate::locale::catalog(self.workspace.settings.lang())
    }

    fn log(&mut self, kind: u8, message: &str) {
        self.outbox.push(Message::Notification(Notification::new(
            "window/logMessage".into(),
            json!({"type": kind, "message": message}),
        )));
    }

    /// Messages to send.
    pub fn take_outbox(&mut self) -> Vec<Message> {
        std::mem::take(&mut self.outbox)
    }

    /// When the next pending check is due.
    pub fn next_due(&self) -> Option<Instant> {
        self.documents.values().filter_map(|d| d.due).min()
    }

    /// Check the documents whose pause is over.
    pub fn run_due(&mut self, now: Instant) {
        let due: Vec<String> = self
            .documents
            .iter()
            .filter(|(_, d)| d.due.is_some_and(|t| t <= now))
            .map(|(u, _)| u.clone())
            .collect();
        for uri in due {
            self.check(&uri);
        }
    }

    /// Handle a notification.
    pub fn notification(&mut self, n: Notification) {
        match n.method.as_str() {
            "textDocument/didOpen" => {
                let Ok(p) = serde_json::from_value::<DidOpenTextDocumentParams>(n.params) else {
                    return;
                };
                let item = p.text_document;
                let uri = item.uri.0.clone();
                let language = serde_json::to_value(&item.language_id)
                    .ok()
                    .and_then(|v| v.as_str().map(str::to_owned))
                    .unwrap_or_default();
                if !is_checked(&uri, &language) {
                    return;
                }
                self.documents.insert(
                    uri.clone(),
                    OpenDocument {
                        markdown: is_markdown(&uri, &language),
                        text: item.text,
                        version: item.version,
                        due: None,
                    },
                );
                self.check(&uri);
            }
            "textDocument/didChange" => {
                let Ok(p) = serde_json::from_value::<DidChangeTextDocumentParams>(n.params) else {
                    return;
                };
                let uri = p.text_document.text_document_identifier.uri.0.clone();
                let encoding = self.encoding;
                let Some(doc) = self.documents.get_mut(&uri) else {
                    return;
                };
                for change in p.content_changes {
                    apply_change(&mut doc.text, change, encoding);
                }
                doc.version = p.text_document.version;
                doc.due = Some(Instant::now() + DEBOUNCE);
            }
            "textDocument/didSave" => {
                if let Ok(p) = serde_json::from_value::<DidSaveTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri.0;
                    if uri.ends_with("heshu.toml") {
                        self.recheck_all();
                    } else if self.documents.contains_key(&uri) {
                        self.check(&uri);
                    }
                }
            }
            "textDocument/didClose" => {
                if let Ok(p) = serde_json::from_value::<DidCloseTextDocumentParams>(n.params) {
                    let uri = p.text_document.uri.0;
                    if self.documents.remove(&uri).is_some() {
                        self.publish(&uri, None, Vec::new());
                    }
                }
            }
            "workspace/didChangeWatchedFiles" | "workspace/didChangeConfiguration" => {
                self.recheck_all();
            }
            _ => {}
        }
    }

    fn recheck_all(&mut self) {
        let _ = self.workspace.reload();
        let uris: Vec<String> = self.documents.keys().cloned().collect();
        for uri in uris {
            self.check(&uri);
        }
    }

    /// Answer a request (an error response for methods this server does not handle).
    pub fn request(&mut self, r: &Request) -> Response {
        match r.method.as_str() {
            "textDocument/codeAction" => {
                Response::new_ok(r.id.clone(), self.code_actions(&r.params))
            }
            _ => Response::new_err(
                r.id.clone(),
                -32601,
                crate::tr!(self.tr(), "lsp-unhandled", method = r.method.as_str()),
            ),
        }
    }

    /// Check one document now and publish its diagnostics.
    pub fn check(&mut self, uri: &str) {
        if let Some(e) = self.workspace.refresh() {
            if !e.is_empty() {
                self.log(1, &format!("heshu.toml: {e}"));
            }
        }
        let Some(doc) = self.documents.get_mut(uri) else {
            return;
        };
        doc.due = None;
        let version = doc.version;
        let settings = &self.workspace.settings;
        let path = uri_path(uri).unwrap_or_else(|| PathBuf::from(uri));
        // One copy of the text for the document: Markdown masked, plain text as it is.
        // A defect met in the grammar is this document's error, logged; the session goes on.
        let parsed = crate::guard::catch(|| {
            if doc.markdown {
                settings
                    .grammar
                    .parse_owned(crate::source::markdown::mask(&doc.text))
            } else {
                settings.grammar.parse(&doc.text)
            }
        });
        let parsed = match parsed {
            Ok(parsed) => parsed,
            Err(e) => {
                let message = crate::tr!(
                    self.tr(),
                    "lsp-no-diagnostics",
                    uri = uri,
                    error = e.message.as_str()
                );
                self.log(1, &format!("heshu: {message}"));
                return;
            }
        };
        let ignored = settings.ignored_for(&path);
        let mut panics = Vec::new();
        let diagnostics = settings.linter.check_resilient(
            &parsed,
            &|id| ignored.contains(&id),
            &mut |rule, message| {
                panics.push(format!(
                    "heshu: {}",
                    crate::tr!(
                        crate::locale::catalog(settings.lang()),
                        "lsp-rule-panicked",
                        rule = rule,
                        message = message
                    )
                ))
            },
        );
        for p in panics {
            self.log(1, &p);
        }
        let baseline = self.baseline().map(|b| b.filter());
        let path_text = path.display().to_string();
        let lsp: Vec<Value> = diagnostics
            .iter()
            .filter(|d| {
                baseline.as_ref().is_none_or(|b| {
                    let fp = fingerprint::of(&path_text, &parsed, d);
                    !b.holds(&fp)
                })
            })
            .map(|d| self.to_lsp(uri, &parsed, &path_text, d))
            .collect();
        self.publish(uri, Some(version), lsp);
    }

    fn publish(&mut self, uri: &str, version: Option<i32>, diagnostics: Vec<Value>) {
        let mut params = json!({"uri": uri, "diagnostics": diagnostics});
        if let (Some(v), Some(fields)) = (version, params.as_object_mut()) {
            fields.insert("version".into(), json!(v));
        }
        self.outbox.push(Message::Notification(Notification::new(
            "textDocument/publishDiagnostics".into(),
            params,
        )));
    }

    fn to_lsp(&self, uri: &str, doc: &Document, path: &str, d: &Diagnostic) -> Value {
        let positions = Positions::new(&doc.text, self.encoding);
        let mut message = d.message.clone();
        if let Some(help) = &d.help {
            message.push('\n');
            message.push_str(help);
        }
        let related: Vec<Value> = d
            .labels
            .iter()
            .map(|l| {
                json!({
                    "location": {"uri": uri, "range": positions.range(l.span.start, l.span.end)},
                    "message": l.message,
                })
            })
            .collect();
        json!({
            "range": positions.range(d.span.start, d.span.end),
            "severity": match d.severity {
                Severity::Error => 1,
                Severity::Warning => 2,
                Severity::Info => 3,
            },
            "code": d.rule,
            "codeDescription": {"href": format!("{RULE_DOCS}{}", d.rule)},
            "source": "heshu",
            "message": message,
            "relatedInformation": related,
            "data": {"rule": d.rule, "fingerprint": fingerprint::of(path, doc, d), "path": path},
        })
    }

    /// The baseline file the configuration names, read.
    fn baseline_path(&self) -> Option<PathBuf> {
        self.workspace.settings.baseline.clone()
    }

    /// The configured baseline, read again only when the file changed (checks run on every pause
    /// in typing: a stat, not a read and a parse, each time).
    fn baseline(&mut self) -> Option<Baseline> {
        let path = self.baseline_path()?;
        let modified = Workspace::modified(&path);
        match &self.workspace.baseline {
            Some((at, b)) if *at == modified && modified.is_some() => Some(b.clone()),
            _ => {
                let text = std::fs::read_to_string(&path).ok()?;
                let b: Baseline = serde_json::from_str(&text).ok()?;
                self.workspace.baseline = Some((modified, b.clone()));
                Some(b)
            }
        }
    }

    fn code_actions(&mut self, params: &Value) -> Value {
        let recorded = self.baseline();
        let uri = params
            .pointer("/textDocument/uri")
            .and_then(Value::as_str)
            .unwrap_or_default();
        let Some(doc) = self.documents.get(uri) else {
            return json!([]);
        };
        let positions = Positions::new(&doc.text, self.encoding);
        let mut actions = Vec::new();
        let diagnostics = params
            .pointer("/context/diagnostics")
            .and_then(Value::as_array)
            .cloned()
            .unwrap_or_default();
        for d in diagnostics {
            let Some(data) = d.get("data") else { continue };
            let rule = data.get("rule").and_then(Value::as_str).unwrap_or_default();
            let fp = data
                .get("fingerprint")
                .and_then(Value::as_str)
                .unwrap_or_default();
            let path = data.get("path").and_then(Value::as_str).unwrap_or_default();
            if let Some(baseline_path) = self.baseline_path() {
                let mut baseline = recorded.clone().unwrap_or(Baseline {
                    version: crate::report::baseline::BASELINE_VERSION,
                    findings: Vec::new(),
                });
                baseline.findings.push(Entry {
                    path: fingerprint::normal_path(path),
                    rule: rule.to_owned(),
                    fingerprint: fp.to_owned(),
                    message: d
                        .get("message")
                        .and_then(Value::as_str)
                        .unwrap_or_default()
                        .lines()
                        .next()
                        .unwrap_or_default()
                        .to_owned(),
                });
                if let Ok(json) = serde_json::to_string_pretty(&baseline) {
                    let target = file_uri(&baseline_path);
                    let exists = baseline_path.exists();
                    let edit = if exists {
                        json!({"documentChanges": [{
                            "textDocument": {"uri": target, "version": null},
                            "edits": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": u32::MAX, "character": 0}}, "newText": json + "\n"}]
                        }]})
                    } else {
                        json!({"documentChanges": [
                            {"kind": "create", "uri": target},
                            {"textDocument": {"uri": target, "version": null},
                             "edits": [{"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "newText": json + "\n"}]}
                        ]})
                    };
                    actions.push(json!({
                        "title": format!("heshu: {}", crate::tr!(self.tr(), "lsp-action-ignore", rule = rule)),
                        "kind": "quickfix",
                        "diagnostics": [d.clone()],
                        "edit": edit,
                    }));
                }
            }
            if doc.markdown {
                let line = d
                    .pointer("/range/start/line")
                    .and_then(Value::as_u64)
                    .unwrap_or(0);
                let start = positions.position(positions.offset(line as u32, 0));
                actions.push(json!({
                    "title": format!("heshu: {}", crate::tr!(self.tr(), "lsp-action-suppress", rule = rule)),
                    "kind": "quickfix",
                    "diagnostics": [d.clone()],
                    "edit": {"changes": {uri: [{
                        "range": {"start": start, "end": start},
                        "newText": format!("<!-- heshu-ignore {rule} -->\n"),
                    }]}},
                }));
            }
        }
        Value::Array(actions)
    }
}

/// Apply one content change (incremental, or the whole document).
fn apply_change(text: &mut String, change: TextDocumentContentChangeEvent, encoding: Encoding) {
    match change {
        TextDocumentContentChangeEvent::TextDocumentContentChangeWholeDocument(w) => {
            *text = w.text;
        }
        TextDocumentContentChangeEvent::TextDocumentContentChangePartial(p) => {
            let positions = Positions::new(text, encoding);
            let start = positions.offset(p.range.start.line, p.range.start.character);
            let end = positions.offset(p.range.end.line, p.range.end.character);
            let (start, end) = (start.min(end), start.max(end));
            text.replace_range(start..end, &p.text);
        }
    }
}

/// Serve LSP over standard input and output until the client shuts down.
pub fn serve(lang: Option<Lang>) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    let (connection, io) = Connection::stdio();
    let (id, params): (RequestId, Value) = connection.initialize_start()?;
    let mut server = Server::with_lang(&params, lang);
    connection.initialize_finish(id, server.capabilities())?;
    run(&connection, &mut server)?;
    drop(connection);
    io.join()?;
    Ok(())
}

fn run(
    connection: &Connection,
    server: &mut Server,
) -> Result<(), Box<dyn std::error::Error + Send + Sync>> {
    loop {
        let message = match server.next_due() {
            Some(due) => {
                let wait = due.saturating_duration_since(Instant::now());
                match connection.receiver.recv_timeout(wait) {
                    Ok(m) => Some(m),
                    Err(crossbeam_channel::RecvTimeoutError::Timeout) => None,
                    Err(crossbeam_channel::RecvTimeoutError::Disconnected) => return Ok(()),
                }
            }
            None => match connection.receiver.recv() {
                Ok(m) => Some(m),
                Err(_) => return Ok(()),
            },
        };
        match message {
            Some(Message::Request(r)) => {
                if connection.handle_shutdown(&r)? {
                    return Ok(());
                }
                let response = server.request(&r);
                connection.sender.send(Message::Response(response))?;
            }
            Some(Message::Notification(n)) => {
                if n.method == "exit" {
                    return Ok(());
                }
                server.notification(n);
            }
            Some(Message::Response(_)) => {}
            None => server.run_due(Instant::now()),
        }
        for m in server.take_outbox() {
            connection.sender.send(m)?;
        }
    }
}
