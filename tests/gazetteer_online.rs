//! The online fallback against a small HTTP server the test starts on 127.0.0.1: the query,
//! the User-Agent, the rate limit, the disk cache, and failing soft with no server.
#![cfg(feature = "online")]

use std::io::{BufRead, BufReader, Write};
use std::net::TcpListener;
use std::sync::Arc;
use std::sync::mpsc::{Receiver, channel};
use std::time::{Duration, Instant};

use itinera::gazetteer::PlaceKind;
use itinera::gazetteer::online::{Fallback, Nominatim, RateLimiter, SharedFallback};
use itinera::{Document, Gazetteer, Options, analyze};

const ANSWER: &str = r#"[{"place_id":7,"osm_type":"node","osm_id":1234,"lat":"69.05","lon":"33.08",
"category":"place","type":"village","addresstype":"village","name":"Teriberka",
"importance":0.35,"address":{"country_code":"ru","state":"Murmansk Oblast"}}]"#;

/// One request as the server saw it: its request line, its User-Agent, when it came.
struct Seen {
    line: String,
    user_agent: String,
    at: Instant,
}

/// Starts a server answering every request with `ANSWER`; returns its base URL and the
/// requests it sees.
fn server() -> (String, Receiver<Seen>) {
    let listener = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
    let url = format!("http://{}", listener.local_addr().expect("local address"));
    let (tx, rx) = channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let at = Instant::now();
            let mut reader = BufReader::new(stream.try_clone().expect("clone the stream"));
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            let mut user_agent = String::new();
            loop {
                let mut header = String::new();
                if reader.read_line(&mut header).unwrap_or(0) == 0 || header.trim().is_empty() {
                    break;
                }
                if let Some((name, value)) = header.split_once(':')
                    && name.eq_ignore_ascii_case("user-agent")
                {
                    value.trim().clone_into(&mut user_agent);
                }
            }
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{ANSWER}",
                ANSWER.len()
            );
            let _ = stream.flush();
            if tx
                .send(Seen {
                    line: line.trim().to_owned(),
                    user_agent,
                    at,
                })
                .is_err()
            {
                return;
            }
        }
    });
    (url, rx)
}

fn client(url: &str, cache: &tempfile::TempDir) -> Nominatim {
    Nominatim::new(url)
        .with_cache_dir(Some(cache.path().to_path_buf()))
        .with_rate_limiter(Arc::new(RateLimiter::new(Duration::from_secs(1))))
}

#[test]
fn a_lookup_sends_the_query_and_an_honest_user_agent() {
    let (url, seen) = server();
    let cache = tempfile::tempdir().expect("temporary directory");
    let found = client(&url, &cache)
        .lookup("Teriberka village")
        .expect("an answer");
    assert_eq!(found.len(), 1);
    assert_eq!(found[0].name, "Teriberka");
    assert_eq!(found[0].kind, PlaceKind::PopulatedPlace);
    assert_eq!(found[0].country.as_deref(), Some("RU"));
    assert!(found[0].importance < 0.4);
    let request = seen
        .recv_timeout(Duration::from_secs(5))
        .expect("a request");
    assert!(
        request
            .line
            .starts_with("GET /search?q=Teriberka%20village&format=jsonv2"),
        "{}",
        request.line
    );
    assert!(
        request.user_agent.starts_with("itinera/"),
        "{}",
        request.user_agent
    );
    assert!(request.user_agent.contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn two_lookups_are_at_least_a_second_apart() {
    let (url, seen) = server();
    let cache = tempfile::tempdir().expect("temporary directory");
    let online = client(&url, &cache);
    online.lookup("Teriberka").expect("an answer");
    online.lookup("Lovozero").expect("an answer");
    let first = seen
        .recv_timeout(Duration::from_secs(5))
        .expect("a first request");
    let second = seen
        .recv_timeout(Duration::from_secs(5))
        .expect("a second request");
    let gap = second.at.duration_since(first.at);
    assert!(gap >= Duration::from_millis(950), "{gap:?}");
}

#[test]
fn a_name_asked_before_is_answered_from_the_disk_cache() {
    let (url, seen) = server();
    let cache = tempfile::tempdir().expect("temporary directory");
    let first = client(&url, &cache).lookup("Teriberka").expect("an answer");
    assert!(seen.recv_timeout(Duration::from_secs(5)).is_ok());
    // A second run: a new client over the same cache, with the name written differently.
    let again = client(&url, &cache)
        .lookup("  TERIBERKA ")
        .expect("a cached answer");
    assert_eq!(first, again);
    assert!(seen.recv_timeout(Duration::from_millis(300)).is_err());
    let files: Vec<_> = std::fs::read_dir(cache.path())
        .expect("cache dir")
        .collect();
    assert_eq!(files.len(), 1, "one cache file, no temporary left over");
}

#[test]
fn with_no_server_it_fails_soft_and_the_analysis_completes() {
    let port = {
        let l = TcpListener::bind("127.0.0.1:0").expect("bind a local port");
        l.local_addr().expect("local address").port()
    };
    let url = format!("http://127.0.0.1:{port}");
    let cache = tempfile::tempdir().expect("temporary directory");
    let online = client(&url, &cache);
    let err = online.lookup("Teriberka").expect_err("no server");
    let message = err.to_string();
    assert!(
        message.contains("could not be reached") && message.contains(&url),
        "{message}"
    );

    let options = Options {
        online: Some(SharedFallback::new(online)),
        ..Options::default()
    };
    let doc = Document::from_text("The convoy left Murmansk for Teriberka on Monday.");
    let analysis = analyze(&doc, Gazetteer::embedded(), &options);
    assert!(analysis.places.iter().any(|p| p.mention == "Murmansk"));
    assert!(
        analysis
            .diagnostics
            .iter()
            .all(|d| d.message.contains("could not be reached"))
    );
}
