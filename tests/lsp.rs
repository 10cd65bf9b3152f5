//! `heshu lsp` as an editor runs it: the real process, JSON-RPC over its stdio.

mod common;

use serde_json::{json, Value};
use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Child, ChildStdin, Stdio};
use std::sync::mpsc::{channel, Receiver};
use std::time::Duration;

const SEED: &str = include_str!("fixtures/seed.txt");

struct Client {
    child: Child,
    stdin: ChildStdin,
    incoming: Receiver<Value>,
    next_id: i64,
}

impl Client {
    fn start(position_encodings: &[&str], root: Option<&std::path::Path>) -> (Self, Value) {
        Self::start_with(position_encodings, root, None, &[])
    }

    /// A session whose editor speaks `locale`, the server started with `args` before `lsp`.
    fn start_with(
        position_encodings: &[&str],
        root: Option<&std::path::Path>,
        locale: Option<&str>,
        args: &[&str],
    ) -> (Self, Value) {
        let mut child = common::command()
            .args(args)
            .arg("lsp")
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .expect("heshu lsp starts");
        let stdin = child.stdin.take().unwrap();
        let stdout = child.stdout.take().unwrap();
        let (tx, incoming) = channel();
        std::thread::spawn(move || {
            let mut reader = BufReader::new(stdout);
            loop {
                let mut length = 0usize;
                loop {
                    let mut line = String::new();
                    if reader.read_line(&mut line).unwrap_or(0) == 0 {
                        return;
                    }
                    let line = line.trim_end();
                    if line.is_empty() {
                        break;
                    }
                    if let Some(n) = line.strip_prefix("Content-Length: ") {
                        length = n.parse().unwrap();
                    }
                }
                let mut body = vec![0; length];
                if reader.read_exact(&mut body).is_err() {
                    return;
                }
                if tx.send(serde_json::from_slice(&body).unwrap()).is_err() {
                    return;
                }
            }
        });
        let mut client = Client {
            child,
            stdin,
            incoming,
            next_id: 1,
        };
        let mut capabilities = json!({});
        if !position_encodings.is_empty() {
            capabilities = json!({"general": {"positionEncodings": position_encodings}});
        }
        let root_uri = root.map(|r| format!("file://{}", r.display()));
        let mut params =
            json!({"processId": null, "rootUri": root_uri, "capabilities": capabilities});
        if let Some(locale) = locale {
            params["locale"] = json!(locale);
        }
        let result = client.request("initialize", params);
        client.notify("initialized", json!({}));
        (client, result)
    }

    fn send(&mut self, message: Value) {
        let body = message.to_string();
        write!(self.stdin, "Content-Length: {}\r\n\r\n{body}", body.len()).unwrap();
        self.stdin.flush().unwrap();
    }

    fn notify(&mut self, method: &str, params: Value) {
        self.send(json!({"jsonrpc": "2.0", "method": method, "params": params}));
    }

    fn request(&mut self, method: &str, params: Value) -> Value {
        let id = self.next_id;
        self.next_id += 1;
        self.send(json!({"jsonrpc": "2.0", "id": id, "method": method, "params": params}));
        loop {
            let m = self.recv();
            if m.get("id") == Some(&json!(id)) {
                return m["result"].clone();
            }
        }
    }

    fn recv(&self) -> Value {
        self.incoming
            .recv_timeout(Duration::from_secs(20))
            .expect("the server answers within 20 s")
    }

    /// The next diagnostics published for `uri`.
    fn diagnostics(&self, uri: &str) -> Vec<Value> {
        loop {
            let m = self.recv();
            if m["method"] == "textDocument/publishDiagnostics" && m["params"]["uri"] == uri {
                return m["params"]["diagnostics"].as_array().unwrap().clone();
            }
        }
    }

    fn shutdown(mut self) {
        self.request("shutdown", Value::Null);
        self.notify("exit", Value::Null);
        let status = self.child.wait().unwrap();
        assert!(status.success());
    }
}

fn open(client: &mut Client, uri: &str, language: &str, text: &str) {
    client.notify(
        "textDocument/didOpen",
        json!({"textDocument": {"uri": uri, "languageId": language, "version": 1, "text": text}}),
    );
}

fn codes(diagnostics: &[Value]) -> Vec<String> {
    diagnostics
        .iter()
        .map(|d| d["code"].as_str().unwrap().to_owned())
        .collect()
}

/// Characters before byte `at` of `line`, counted in the session's encoding.
fn units(line: &str, at: usize, utf8: bool) -> usize {
    if utf8 {
        at
    } else {
        line[..at].encode_utf16().count()
    }
}

#[test]
fn seed_sessions_in_utf16_and_utf8() {
    for utf8 in [false, true] {
        let encodings: &[&str] = if utf8 { &["utf-8", "utf-16"] } else { &[] };
        let (mut client, init) = Client::start(encodings, None);
        let expected = if utf8 { "utf-8" } else { "utf-16" };
        assert_eq!(init["capabilities"]["positionEncoding"], expected);
        let uri = "file:///reports/seed.txt";
        open(&mut client, uri, "plaintext", SEED);
        let found = client.diagnostics(uri);
        assert_eq!(codes(&found), common::SEED_FINDINGS);
        // The first `**` of `消除风险**户**人`, on line 13 (0-based 12).
        let line13 = SEED.lines().nth(12).unwrap();
        let star = line13.find("**户").unwrap();
        let start = units(line13, star, utf8);
        assert_eq!(
            found[3]["range"]["start"],
            json!({"line": 12, "character": start}),
            "{expected}"
        );
        assert_eq!(
            found[3]["range"]["end"],
            json!({"line": 12, "character": start + 2})
        );
        assert_eq!(found[3]["severity"], 1);
        assert_eq!(found[3]["source"], "heshu");
        assert!(found[3]["codeDescription"]["href"]
            .as_str()
            .unwrap()
            .ends_with("placeholder"));

        // An edit that introduces `其余4个` (incremental: replace the 3 of `其余3个`).
        let line = SEED.lines().position(|l| l.contains("其余3个")).unwrap();
        let text = SEED.lines().nth(line).unwrap();
        let three = text.find("其余3个").unwrap() + "其余".len();
        let character = units(text, three, utf8);
        client.notify(
            "textDocument/didChange",
            json!({
                "textDocument": {"uri": uri, "version": 2},
                "contentChanges": [{
                    "range": {"start": {"line": line, "character": character}, "end": {"line": line, "character": character + 1}},
                    "text": "4"
                }]
            }),
        );
        let found = client.diagnostics(uri);
        let sum: Vec<&Value> = found
            .iter()
            .filter(|d| d["code"] == "sum-mismatch")
            .collect();
        assert_eq!(sum.len(), 1, "{found:?}");
        let d = sum[0];
        let message = d["message"].as_str().unwrap();
        assert!(
            message.contains("\n44个 + 4个 = 48个，但总数为 47个"),
            "{message}"
        );
        let related = d["relatedInformation"].as_array().unwrap();
        let messages: Vec<&str> = related
            .iter()
            .map(|r| r["message"].as_str().unwrap())
            .collect();
        assert_eq!(messages, ["总数 47个", "部分 44个", "其余 4个"]);
        assert_eq!(
            related[2]["location"]["range"]["start"],
            json!({"line": line, "character": character})
        );
        let total = units(text, text.find("47个").unwrap(), utf8);
        assert_eq!(
            d["range"]["start"],
            json!({"line": line, "character": total})
        );

        client.notify(
            "textDocument/didClose",
            json!({"textDocument": {"uri": uri}}),
        );
        assert!(
            client.diagnostics(uri).is_empty(),
            "closing clears the diagnostics"
        );
        client.shutdown();
    }
}

#[test]
fn utf8_and_utf16_positions_outside_the_bmp() {
    let text = "𠀋😀共有XX户。\n";
    for (encodings, expected) in [(&["utf-8", "utf-16"][..], 14), (&[][..], 6)] {
        let (mut client, init) = Client::start(encodings, None);
        let uri = "file:///r.txt";
        open(&mut client, uri, "plaintext", text);
        let found = client.diagnostics(uri);
        assert_eq!(codes(&found), ["placeholder"]);
        let kind = init["capabilities"]["positionEncoding"].clone();
        assert_eq!(found[0]["range"]["start"]["character"], expected, "{kind}");
        client.shutdown();
    }
}

#[test]
fn markdown_code_actions_and_other_files() {
    let (mut client, _) = Client::start(&["utf-8"], None);
    let uri = "file:///r.md";
    open(&mut client, uri, "markdown", "# 标题\n\n共有XX户。\n");
    let found = client.diagnostics(uri);
    assert_eq!(codes(&found), ["placeholder"]);
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": found[0]["range"], "context": {"diagnostics": found}}),
    );
    let suppress = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("屏蔽"))
        .expect("a suppression action");
    let edit = &suppress["edit"]["changes"][uri][0];
    assert_eq!(edit["newText"], "<!-- heshu-ignore placeholder -->\n");
    assert_eq!(edit["range"]["start"], json!({"line": 2, "character": 0}));
    // Files heshu does not read are not checked.
    open(&mut client, "file:///main.rs", "rust", "let x = \"XX\";");
    open(
        &mut client,
        "file:///ok.txt",
        "plaintext",
        "全年完成投资3.2亿元。",
    );
    assert!(client.diagnostics("file:///ok.txt").is_empty());
    client.shutdown();
}

#[test]
fn workspace_configuration_is_honoured_and_reread() {
    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("lsp-config");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(
        dir.join("heshu.toml"),
        "ignore = [\"placeholder\"]\nbaseline = \"base.json\"\n",
    )
    .unwrap();
    let (mut client, _) = Client::start(&[], Some(&dir));
    let uri = format!("file://{}/a.txt", dir.display());
    open(
        &mut client,
        &uri,
        "plaintext",
        "共有XX户。问题47个，已整改44个，其余4个。\n",
    );
    let found = client.diagnostics(&uri);
    assert_eq!(codes(&found), ["sum-mismatch"]);
    // "Ignore this finding" writes its fingerprint into the configured baseline.
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": uri}, "range": found[0]["range"], "context": {"diagnostics": found}}),
    );
    let ignore = actions
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["title"].as_str().unwrap().contains("在基线中忽略此问题"))
        .expect("an ignore action");
    let changes = ignore["edit"]["documentChanges"].as_array().unwrap();
    assert_eq!(changes[0]["kind"], "create");
    let text = changes[1]["edits"][0]["newText"].as_str().unwrap();
    let baseline: Value = serde_json::from_str(text).unwrap();
    assert_eq!(
        baseline["findings"][0]["fingerprint"],
        found[0]["data"]["fingerprint"]
    );
    // The client applies it; the configuration changes; the server re-reads both.
    std::fs::write(dir.join("base.json"), text).unwrap();
    std::fs::write(dir.join("heshu.toml"), "baseline = \"base.json\"\n").unwrap();
    client.notify("workspace/didChangeWatchedFiles", json!({"changes": []}));
    let found = client.diagnostics(&uri);
    assert_eq!(
        codes(&found),
        ["placeholder"],
        "placeholder back, sum-mismatch baselined"
    );
    client.shutdown();
}

#[test]
fn the_editor_language_is_spoken_after_the_flag() {
    let text = "反馈问题47个，已整改完成44个，其余4个。\n";
    // The editor's locale: English messages, labels and code actions.
    let (mut client, _) = Client::start_with(&["utf-8"], None, Some("en-US"), &[]);
    open(&mut client, "file:///a.md", "markdown", text);
    let found = client.diagnostics("file:///a.md");
    assert_eq!(codes(&found), ["sum-mismatch"]);
    let message = found[0]["message"].as_str().unwrap();
    assert!(
        message.starts_with(
            "the parts do not add up to the total 47个\n44个 + 4个 = 48个, but the total is 47个"
        ),
        "{message}"
    );
    assert_eq!(found[0]["relatedInformation"][0]["message"], "total 47个");
    let actions = client.request(
        "textDocument/codeAction",
        json!({"textDocument": {"uri": "file:///a.md"}, "range": found[0]["range"], "context": {"diagnostics": found}}),
    );
    let titles: Vec<&str> = actions
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["title"].as_str().unwrap())
        .collect();
    assert!(
        titles.contains(&"heshu: suppress sum-mismatch on this line"),
        "{titles:?}"
    );
    client.shutdown();
    // `--lang` before the editor's locale.
    let (mut client, _) = Client::start_with(&["utf-8"], None, Some("en-US"), &["--lang", "zh"]);
    open(&mut client, "file:///a.md", "markdown", text);
    let found = client.diagnostics("file:///a.md");
    assert!(found[0]["message"]
        .as_str()
        .unwrap()
        .starts_with("各部分之和与总数 47个 不符"));
    client.shutdown();
}
