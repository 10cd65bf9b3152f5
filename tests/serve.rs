//! `heshu serve` over real HTTP on loopback, with the real binary: the page and its assets, the
//! `Host` check against DNS rebinding, the upload token against cross-site posts, the size limit,
//! bad uploads that leave the server serving, the annotated copy, and a bounded load.

mod common;

use common::docx::{junk, seed_docx, zip_bomb, zip_without_document};
use common::http::{request, Server};
use common::SEED_FINDINGS;
use std::io::Write;
use std::time::{Duration, Instant};

fn rules_of(found: &serde_json::Value) -> Vec<String> {
    found["diagnostics"]
        .as_array()
        .expect("diagnostics")
        .iter()
        .map(|d| d["rule"].as_str().unwrap_or_default().to_owned())
        .collect()
}

#[test]
fn the_page_and_its_assets_come_from_heshu_and_send_no_cors_headers() {
    let server = Server::start(&[]);
    let page = request(&server.addr, &server.addr, "GET", "/", &[], b"").unwrap();
    assert_eq!(page.status, 200);
    assert_eq!(
        page.header("content-type"),
        Some("text/html; charset=utf-8")
    );
    let html = page.text();
    assert!(
        html.contains("文件大小上限 50 MB"),
        "the page states the limit"
    );
    assert!(
        !html.contains("http://") && !html.contains("https://"),
        "no CDN"
    );
    for (path, kind) in [("/app.js", "text/javascript"), ("/app.css", "text/css")] {
        let asset = request(&server.addr, &server.addr, "GET", path, &[], b"").unwrap();
        assert_eq!(asset.status, 200, "{path}");
        assert!(asset.header("content-type").unwrap().starts_with(kind));
        assert!(
            !asset.text().contains("https://"),
            "{path} loads nothing from elsewhere"
        );
    }
    // A preflight from another site gets no CORS headers, so the browser stops the request.
    let preflight = request(
        &server.addr,
        &server.addr,
        "OPTIONS",
        "/api/check",
        &[
            ("Origin", "https://evil.example"),
            ("Access-Control-Request-Method", "POST"),
            ("Access-Control-Request-Headers", "x-heshu-token"),
        ],
        b"",
    )
    .unwrap();
    for response in [&page, &preflight] {
        assert!(
            !response
                .headers
                .iter()
                .any(|(n, _)| n.to_ascii_lowercase().starts_with("access-control-")),
            "{:?}",
            response.headers
        );
    }
    assert_ne!(preflight.status, 200);
    assert!(page
        .header("content-security-policy")
        .is_some_and(|c| c.contains("default-src 'self'")));
}

#[test]
fn a_foreign_host_is_refused() {
    let server = Server::start(&[]);
    let port = server.addr.rsplit(':').next().unwrap().to_owned();
    for host in [
        "evil.example".to_owned(),
        format!("evil.example:{port}"),
        "127.0.0.1:1".to_owned(),
        format!("127.0.0.2:{port}"),
        String::new(),
    ] {
        let r = request(&server.addr, &host, "GET", "/", &[], b"").unwrap();
        assert_eq!(r.status, 421, "Host {host:?}");
        assert!(!r.text().contains(&server.token), "no token for {host:?}");
        let up = request(
            &server.addr,
            &host,
            "POST",
            "/api/check",
            &[("X-Heshu-Token", &server.token)],
            "共有XX户。".as_bytes(),
        )
        .unwrap();
        assert_eq!(up.status, 421, "upload with Host {host:?}");
    }
    let local = request(
        &server.addr,
        &format!("localhost:{port}"),
        "GET",
        "/",
        &[],
        b"",
    )
    .unwrap();
    assert_eq!(local.status, 200);
}

#[test]
fn an_upload_without_the_page_token_is_refused() {
    let server = Server::start(&[]);
    let seed = include_str!("fixtures/seed.txt").as_bytes();
    // What a form on another site can send: no custom header.
    let cross_site = request(
        &server.addr,
        &server.addr,
        "POST",
        "/api/check",
        &[
            ("Origin", "https://evil.example"),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        seed,
    )
    .unwrap();
    assert_eq!(cross_site.status, 403);
    assert!(cross_site.json()["error"]
        .as_str()
        .unwrap()
        .contains("凭据"));
    let wrong = request(
        &server.addr,
        &server.addr,
        "POST",
        "/api/annotate",
        &[("X-Heshu-Token", "00000000000000000000000000000000")],
        &seed_docx(),
    )
    .unwrap();
    assert_eq!(wrong.status, 403);
    assert_eq!(server.upload("/api/check", "seed.txt", seed).status, 200);
}

#[test]
fn the_seed_as_docx_draws_its_findings_with_lines_for_the_page() {
    let server = Server::start(&[]);
    let r = server.upload("/api/check", "县工作汇报.docx", &seed_docx());
    assert_eq!(r.status, 200, "{}", r.text());
    let found = r.json();
    assert_eq!(found["name"], "县工作汇报.docx");
    assert_eq!(found["format"], "docx");
    assert_eq!(rules_of(&found), SEED_FINDINGS);
    let lines = found["lines"].as_array().unwrap();
    assert_eq!(
        lines.len(),
        include_str!("fixtures/seed.txt").lines().count()
    );
    // Every label names a span of the lines: line and character columns as `check --format json`.
    let first = &found["diagnostics"][0]["labels"][0]["span"];
    let line = lines[first["line"].as_u64().unwrap() as usize - 1]
        .as_str()
        .unwrap();
    let chars: Vec<char> = line.chars().collect();
    let from = first["column"].as_u64().unwrap() as usize - 1;
    let to = first["end_column"].as_u64().unwrap() as usize - 1;
    assert_eq!(chars[from..to].iter().collect::<String>(), "*");
    assert_eq!(found["summary"]["errors"], 7);
    // Rules switched off on the page are left out.
    let quiet = request(
        &server.addr,
        &server.addr,
        "POST",
        "/api/check",
        &[
            ("X-Heshu-Token", &server.token),
            ("X-Heshu-Name", "seed.txt"),
            ("X-Heshu-Off", "placeholder, residue"),
        ],
        include_str!("fixtures/seed.txt").as_bytes(),
    )
    .unwrap();
    assert_eq!(rules_of(&quiet.json()), ["truncated"]);
    // Pasted text comes without a name.
    let pasted = request(
        &server.addr,
        &server.addr,
        "POST",
        "/api/check",
        &[("X-Heshu-Token", &server.token)],
        "反馈问题47个，已整改完成44个，其余4个。".as_bytes(),
    )
    .unwrap();
    assert_eq!(pasted.json()["name"], "粘贴的文本.txt");
    assert_eq!(rules_of(&pasted.json()), ["sum-mismatch"]);
}

#[test]
fn bad_uploads_get_a_clear_message_and_the_server_goes_on() {
    let server = Server::start(&[]);
    let good = seed_docx();
    let junk = junk(65536);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        (
            "报告.docx",
            include_bytes!("fixtures/seed.txt").to_vec(),
            "不是可以读取的 Word 文档",
        ),
        (
            "截断.docx",
            good[..good.len() / 2].to_vec(),
            "不是可以读取的 Word 文档",
        ),
        ("炸弹.docx", zip_bomb(), "压缩炸弹"),
        ("乱码.txt", junk.clone(), "不是文本文件"),
        ("乱码.docx", junk, "不是可以读取的 Word 文档"),
        ("旧版.doc", b"\xd0\xcf\x11\xe0".to_vec(), "另存为"),
        ("空.txt", Vec::new(), "空文件"),
        ("没有正文.docx", zip_without_document(), "没有 Word 正文"),
    ];
    for (name, body, says) in cases {
        let r = server.upload("/api/check", name, &body);
        assert_eq!(r.status, 422, "{name}: {}", r.text());
        let message = r.json()["error"].as_str().unwrap().to_owned();
        assert!(message.contains(says), "{name}: {message}");
        // … and the server still checks a good file.
        let ok = server.upload("/api/check", "好.docx", &good);
        assert_eq!(ok.status, 200, "after {name}");
    }
    let not_docx = server.upload("/api/annotate", "seed.txt", b"x");
    assert_eq!(not_docx.status, 422);
    assert!(not_docx.json()["error"].as_str().unwrap().contains(".docx"));
}

#[test]
fn uploads_over_the_limit_are_refused_with_the_limit_in_the_message() {
    let server = Server::start(&[]);
    // A 200 MB upload: refused on its declared length, before it is read.
    let mut stream = std::net::TcpStream::connect(&server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let head = format!(
        "POST /api/check HTTP/1.1\r\nHost: {}\r\nX-Heshu-Token: {}\r\nX-Heshu-Name: big.txt\r\nContent-Length: {}\r\nConnection: close\r\n\r\n",
        server.addr,
        server.token,
        200 * 1024 * 1024
    );
    stream.write_all(head.as_bytes()).unwrap();
    let _ = stream.write_all(&vec![b'x'; 1 << 20]);
    let r = common::http::read_response(stream).unwrap();
    assert_eq!(r.status, 413);
    assert!(r.json()["error"].as_str().unwrap().contains("50 MB"));
    // One that does not say its length: refused once 50 MB have come.
    let mut stream = std::net::TcpStream::connect(&server.addr).unwrap();
    stream
        .set_read_timeout(Some(Duration::from_secs(30)))
        .unwrap();
    let head = format!(
        "POST /api/check HTTP/1.1\r\nHost: {}\r\nX-Heshu-Token: {}\r\nTransfer-Encoding: chunked\r\nConnection: close\r\n\r\n",
        server.addr, server.token
    );
    stream.write_all(head.as_bytes()).unwrap();
    let chunk = vec![b'x'; 1 << 20];
    for _ in 0..60 {
        let sent = stream
            .write_all(format!("{:x}\r\n", chunk.len()).as_bytes())
            .and_then(|()| stream.write_all(&chunk))
            .and_then(|()| stream.write_all(b"\r\n"));
        if sent.is_err() {
            break; // the server answered and closed
        }
    }
    let _ = stream.write_all(b"0\r\n\r\n");
    let r = common::http::read_response(stream).unwrap();
    assert_eq!(r.status, 413);
    // The server goes on.
    assert_eq!(
        server
            .upload("/api/check", "seed.txt", "共有XX户。".as_bytes())
            .status,
        200
    );
}

#[test]
fn the_annotated_copy_carries_a_comment_on_each_finding() {
    let server = Server::start(&[]);
    let r = server.upload("/api/annotate", "县工作汇报.docx", &seed_docx());
    assert_eq!(r.status, 200, "{}", r.text());
    assert_eq!(
        r.header("content-type"),
        Some("application/vnd.openxmlformats-officedocument.wordprocessingml.document")
    );
    assert!(r
        .header("content-disposition")
        .unwrap()
        .contains("filename*=UTF-8''%E5%8E%BF%E5%B7%A5%E4%BD%9C%E6%B1%87%E6%8A%A5.heshu.docx"));
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(r.body)).unwrap();
    let mut comments = String::new();
    std::io::Read::read_to_string(
        &mut archive.by_name("word/comments.xml").unwrap(),
        &mut comments,
    )
    .unwrap();
    assert_eq!(
        comments.matches("w:author=\"heshu\"").count(),
        SEED_FINDINGS.len()
    );
    assert!(comments.contains("[truncated]"));
}

#[test]
fn twenty_clients_uploading_ten_times_each_all_get_their_findings() {
    let server = Server::start(&[]);
    let body = seed_docx();
    let started = Instant::now();
    let mut latencies: Vec<Duration> = std::thread::scope(|s| {
        let handles: Vec<_> = (0..20)
            .map(|_| {
                s.spawn(|| {
                    (0..10)
                        .map(|_| {
                            let t = Instant::now();
                            let r = server.upload("/api/check", "seed.docx", &body);
                            assert_eq!(r.status, 200);
                            assert_eq!(rules_of(&r.json()), SEED_FINDINGS);
                            t.elapsed()
                        })
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        handles
            .into_iter()
            .flat_map(|h| h.join().expect("a client thread"))
            .collect()
    });
    latencies.sort();
    let at = |q: f64| latencies[((latencies.len() as f64 * q) as usize).min(latencies.len() - 1)];
    eprintln!(
        "200 uploads of the seed .docx by 20 clients in {:.2?}: p50 {:.1?}, p99 {:.1?}, max {:.1?}",
        started.elapsed(),
        at(0.5),
        at(0.99),
        latencies[latencies.len() - 1]
    );
    assert_eq!(latencies.len(), 200);
}

/// Start `heshu serve` as `command` says, with its output piped, and read the first line it
/// prints (its address).
fn started(mut command: std::process::Command) -> (std::process::Child, String) {
    let mut child = command
        .stdout(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut line = String::new();
    std::io::BufRead::read_line(
        &mut std::io::BufReader::new(child.stdout.take().unwrap()),
        &mut line,
    )
    .unwrap();
    (child, line)
}

/// Send Ctrl-C to `child` and wait (ten seconds at most) for it to end.
#[cfg(unix)]
fn interrupted(child: &mut std::process::Child) -> std::process::ExitStatus {
    // SAFETY: sending a signal to our own child process.
    assert_eq!(
        unsafe { libc::kill(child.id() as libc::pid_t, libc::SIGINT) },
        0
    );
    let deadline = Instant::now() + Duration::from_secs(10);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            return status;
        }
        assert!(
            Instant::now() < deadline,
            "heshu serve did not stop on Ctrl-C"
        );
        std::thread::sleep(Duration::from_millis(5));
    }
}

#[cfg(unix)]
#[test]
fn ctrl_c_stops_the_server_cleanly() {
    let mut server = Server::start(&[]);
    let status = interrupted(&mut server.child);
    assert!(status.success(), "{status:?}");
    assert!(std::net::TcpStream::connect(&server.addr).is_err());
}

/// A Ctrl-C sent the moment the address is printed (before any request) still finds the
/// server's handler: the address is announced only once the handler is installed.
#[cfg(unix)]
#[test]
fn ctrl_c_as_soon_as_the_address_is_printed_stops_the_server_cleanly() {
    for _ in 0..10 {
        let mut command = common::command();
        command
            .args(["serve", "--port", "0", "--isolated"])
            .stdin(std::process::Stdio::null())
            .stderr(std::process::Stdio::null());
        let (mut child, line) = started(command);
        assert!(line.starts_with("heshu serve: http://"), "{line}");
        let status = interrupted(&mut child);
        assert!(status.success(), "{status:?}");
    }
}

#[test]
fn another_address_than_loopback_is_served_with_a_warning() {
    let mut command = common::command();
    command
        .args(["serve", "--port", "0", "--isolated", "--host", "0.0.0.0"])
        .stderr(std::process::Stdio::piped());
    let (mut out, line) = started(command);
    let _ = out.kill();
    let output = out.wait_with_output().unwrap();
    assert!(line.starts_with("heshu serve: http://0.0.0.0:"), "{line}");
    assert!(String::from_utf8_lossy(&output.stderr).contains("没有登录"));
}

#[test]
fn the_configuration_of_the_working_directory_is_honoured() {
    let dir = common::scratch("serve", "config");
    std::fs::write(dir.join("heshu.toml"), "ignore = [\"residue\"]\n").unwrap();
    let server = Server::start_in(&dir, &[]);
    let found = server
        .upload("/api/check", "seed.docx", &seed_docx())
        .json();
    let expected: Vec<&str> = SEED_FINDINGS
        .iter()
        .copied()
        .filter(|r| *r != "residue")
        .collect();
    assert_eq!(rules_of(&found), expected);
    let rules = request(&server.addr, &server.addr, "GET", "/api/rules", &[], b"")
        .unwrap()
        .json();
    let residue = rules
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == "residue")
        .unwrap();
    assert_eq!(residue["on"], false);
    // A configuration that does not parse is reported, and nothing is served.
    std::fs::write(dir.join("heshu.toml"), "ignore = [\"no-such-rule\"]\n").unwrap();
    let out = common::command()
        .args(["serve", "--port", "0"])
        .current_dir(&dir)
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no-such-rule"));
}

#[cfg(target_os = "linux")]
#[test]
fn open_hands_the_address_to_the_default_browser() {
    use std::os::unix::fs::PermissionsExt;
    let dir = common::scratch("serve", "open");
    let seen = dir.join("opened.txt");
    // A stand-in for xdg-open that writes down what it was asked to open.
    let opener = dir.join("xdg-open");
    std::fs::write(
        &opener,
        format!("#!/bin/sh\nprintf '%s' \"$1\" > '{}'\n", seen.display()),
    )
    .unwrap();
    std::fs::set_permissions(&opener, std::fs::Permissions::from_mode(0o755)).unwrap();
    let path = format!(
        "{}:{}",
        dir.display(),
        std::env::var("PATH").unwrap_or_default()
    );
    let mut command = common::command();
    command
        .args(["serve", "--port", "0", "--isolated", "--open"])
        .env("PATH", path)
        .stderr(std::process::Stdio::piped());
    let (mut child, line) = started(command);
    let url = line
        .trim()
        .strip_prefix("heshu serve: ")
        .unwrap()
        .to_owned();
    let deadline = Instant::now() + Duration::from_secs(10);
    while std::fs::read_to_string(&seen).unwrap_or_default() != url {
        assert!(
            Instant::now() < deadline,
            "the browser was not asked to open {url}"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    let _ = child.kill();
    let _ = child.wait();
}
