//! Articles from web addresses, against a small HTTP server on 127.0.0.1 (no other network).
#![cfg(feature = "online")]

use std::io::{BufRead, BufReader, Write};
use std::net::{TcpListener, TcpStream};
use std::process::Command;
use std::time::Duration;

use itinera::ingest::web::{FetchError, Fetcher};

const ARTICLE: &str = "<!doctype html><html><head><title>Envoy reaches Belgrade</title>\
<meta property=\"article:published_time\" content=\"2024-05-02T09:00:00Z\"></head>\
<body><nav>Home | World | Sport</nav><article><h1>Envoy reaches Belgrade</h1>\
<p>The envoy flew from Vienna to Budapest on Tuesday, then travelled on to Belgrade, \
where she met the foreign minister on Wednesday.</p>\
<p>She is expected in Sarajevo on Friday, officials said.</p></article>\
<script>var tracking = 'Paris';</script></body></html>";

/// Serves each connection by the request's path, until the test ends:
/// `/article` a page, `/missing` a 404, `/image` a PNG, `/loop` a redirect to itself,
/// `/hop/N` redirects down to `/article`, `/huge` more bytes than the limit, `/slow` nothing.
fn serve() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").expect("a port on loopback");
    let base = format!("http://{}", listener.local_addr().expect("its address"));
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            std::thread::spawn(move || answer(stream));
        }
    });
    base
}

fn answer(mut stream: TcpStream) {
    let mut reader = BufReader::new(stream.try_clone().expect("a second handle"));
    let mut request = String::new();
    if reader.read_line(&mut request).is_err() {
        return;
    }
    // the rest of the head
    let mut line = String::new();
    while reader.read_line(&mut line).is_ok_and(|n| n > 2) {
        line.clear();
    }
    let path = request.split_whitespace().nth(1).unwrap_or("/").to_owned();
    let reply = |status: &str, headers: &str, body: &[u8]| {
        let head = format!(
            "HTTP/1.1 {status}\r\n{headers}Content-Length: {}\r\nConnection: close\r\n\r\n",
            body.len()
        );
        let mut out = head.into_bytes();
        out.extend_from_slice(body);
        out
    };
    let response = match path.as_str() {
        "/article" => reply(
            "200 OK",
            "Content-Type: text/html; charset=utf-8\r\n",
            ARTICLE.as_bytes(),
        ),
        "/plain" => reply(
            "200 OK",
            "Content-Type: text/plain\r\n",
            b"The ferry sailed from Helsinki to Tallinn on Monday.",
        ),
        "/missing" => reply(
            "404 Not Found",
            "Content-Type: text/html\r\n",
            b"<h1>no</h1>",
        ),
        "/image" => reply(
            "200 OK",
            "Content-Type: image/png\r\n",
            b"\x89PNG\r\n\x1a\n",
        ),
        "/empty" => reply("200 OK", "Content-Type: text/html\r\n", b""),
        "/loop" => reply("302 Found", "Location: /loop\r\n", b""),
        p if p.starts_with("/hop/") => {
            let n: u32 = p[5..].parse().unwrap_or(0);
            let to = if n == 0 {
                "/article".to_owned()
            } else {
                format!("/hop/{}", n - 1)
            };
            reply("302 Found", &format!("Location: {to}\r\n"), b"")
        }
        "/huge" => {
            // announced honestly: refused before it is read
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 30000000\r\nConnection: close\r\n\r\n";
            let _ = stream.write_all(head.as_bytes());
            let chunk = vec![b'a'; 1 << 16];
            for _ in 0..460 {
                if stream.write_all(&chunk).is_err() {
                    return;
                }
            }
            return;
        }
        "/unannounced" => {
            // no length given: the limit is counted while reading
            let head = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\nConnection: close\r\n\r\n";
            let _ = stream.write_all(head.as_bytes());
            let chunk = vec![b'a'; 1 << 16];
            for _ in 0..40 {
                if stream.write_all(&chunk).is_err() {
                    return;
                }
            }
            return;
        }
        "/slow" => {
            std::thread::sleep(Duration::from_secs(5));
            return;
        }
        _ => reply("404 Not Found", "", b""),
    };
    let _ = stream.write_all(&response);
}

fn fetcher() -> Fetcher {
    Fetcher::new().with_timeouts(Duration::from_secs(2), Duration::from_secs(2))
}

#[test]
fn a_page_is_fetched_and_read_as_an_article() {
    let base = serve();
    let page = fetcher().fetch(&format!("{base}/article")).unwrap();
    assert_eq!(
        page.document.title.as_deref(),
        Some("Envoy reaches Belgrade")
    );
    assert_eq!(
        page.document.published,
        chrono::NaiveDate::from_ymd_opt(2024, 5, 2)
    );
    assert!(page.document.text.contains("flew from Vienna to Budapest"));
    // navigation and scripts are not the article
    assert!(!page.document.text.contains("tracking"));
    assert_eq!(page.address, format!("{base}/article"));
}

#[test]
fn redirects_are_followed_up_to_five_and_the_final_address_kept() {
    let base = serve();
    let page = fetcher().fetch(&format!("{base}/hop/4")).unwrap();
    assert_eq!(page.address, format!("{base}/article"));
    let err = fetcher().fetch(&format!("{base}/loop")).unwrap_err();
    assert!(err.to_string().contains("more than 5 redirects"), "{err}");
}

#[test]
fn server_errors_and_other_types_are_clear_messages() {
    let base = serve();
    let err = fetcher().fetch(&format!("{base}/missing")).unwrap_err();
    assert!(matches!(err, FetchError::Status { .. }), "{err}");
    assert!(err.to_string().ends_with("answered 404 Not Found"), "{err}");
    let err = fetcher().fetch(&format!("{base}/image")).unwrap_err();
    assert!(
        err.to_string()
            .contains("is not a web page or a text (it is image/png)"),
        "{err}"
    );
    let err = fetcher().fetch(&format!("{base}/empty")).unwrap_err();
    assert!(err.to_string().contains("the text is empty"), "{err}");
}

#[test]
fn more_than_the_limit_is_refused_whether_announced_or_not() {
    let base = serve();
    let err = fetcher().fetch(&format!("{base}/huge")).unwrap_err();
    assert!(matches!(err, FetchError::TooLarge { .. }), "{err}");
    let small = fetcher().with_limit(1 << 20);
    let err = small.fetch(&format!("{base}/unannounced")).unwrap_err();
    assert!(matches!(err, FetchError::TooLarge { .. }), "{err}");
    assert!(small.fetch(&format!("{base}/plain")).is_ok());
}

#[test]
fn an_unreachable_or_silent_address_is_a_message_not_a_hang() {
    // a port just freed: nothing listens there
    let port = TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let err = fetcher()
        .fetch(&format!("http://127.0.0.1:{port}/article"))
        .unwrap_err();
    assert!(matches!(err, FetchError::Unreachable { .. }), "{err}");
    let base = serve();
    let started = std::time::Instant::now();
    let err = fetcher().fetch(&format!("{base}/slow")).unwrap_err();
    assert!(err.to_string().contains("no answer within 2 s"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(4));
}

#[test]
fn the_command_line_analyses_a_web_address() {
    let base = serve();
    let output = Command::new(env!("CARGO_BIN_EXE_itinera"))
        .args(["extract", &format!("{base}/article")])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(result["document"]["title"], "Envoy reaches Belgrade");
    let stops: Vec<&str> = result["actors"][0]["stops"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["place"]["name"].as_str().unwrap())
        .collect();
    assert!(stops.contains(&"Belgrade"), "{stops:?}");
    let missing = Command::new(env!("CARGO_BIN_EXE_itinera"))
        .args(["extract", &format!("{base}/missing")])
        .output()
        .unwrap();
    assert!(!missing.status.success());
    let err = String::from_utf8_lossy(&missing.stderr);
    assert_eq!(err.trim_end().lines().count(), 1, "{err}");
    assert!(err.contains("404 Not Found"), "{err}");
}

#[test]
fn the_command_line_follows_a_link_file_to_its_page() {
    let base = serve();
    let dir = tempfile::tempdir().unwrap();
    let link = dir.path().join("Envoy.webloc");
    std::fs::write(
        &link,
        format!(
            "<?xml version=\"1.0\"?><plist version=\"1.0\"><dict><key>URL</key>\
             <string>{base}/article</string></dict></plist>"
        ),
    )
    .unwrap();
    let output = Command::new(env!("CARGO_BIN_EXE_itinera"))
        .args(["extract".as_ref(), link.as_os_str()])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    let result: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(result["document"]["title"], "Envoy reaches Belgrade");
}
