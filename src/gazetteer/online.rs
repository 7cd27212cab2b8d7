//! The online fallback: places the embedded gazetteer lacks, asked of a Nominatim-compatible
//! search API. Off unless the user turns it on (`--online` on the command line).
//!
//! [`Fallback`] is what the pipeline calls; [`Nominatim`] (cargo feature `online`) is the one
//! implementation: an honest User-Agent, at most one request per second across the process,
//! connect and read timeouts, and a disk cache so a name is asked for once.

use std::sync::Arc;

use super::Candidate;

/// Why an online lookup gave nothing.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FallbackError {
    /// The service could not be reached or did not answer in time.
    #[error("the place search service at {url} could not be reached: {reason}")]
    Unreachable {
        /// The base URL asked.
        url: String,
        /// What went wrong, in the HTTP client's words.
        reason: String,
    },
    /// The service answered with an error status or with something that is not search results.
    #[error("the place search service at {url} gave an unusable answer: {reason}")]
    BadAnswer {
        /// The base URL asked.
        url: String,
        /// What was wrong with the answer.
        reason: String,
    },
}

/// A source of places for names the embedded gazetteer does not know.
pub trait Fallback: Send + Sync {
    /// Candidates for a name as written in text, best first (empty when the source knows
    /// none), or why the source could not be asked.
    fn lookup(&self, name: &str) -> Result<Vec<Candidate>, FallbackError>;
}

/// A shared handle on a [`Fallback`], as [`crate::analysis::Options`] holds it. Two handles
/// are equal when they share the same fallback.
#[derive(Clone)]
pub struct SharedFallback(pub Arc<dyn Fallback>);

impl SharedFallback {
    /// A handle on `fallback`.
    pub fn new(fallback: impl Fallback + 'static) -> Self {
        SharedFallback(Arc::new(fallback))
    }
}

impl std::fmt::Debug for SharedFallback {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("SharedFallback(..)")
    }
}

impl PartialEq for SharedFallback {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

impl Eq for SharedFallback {}

/// The public Nominatim service, the default base URL.
pub const DEFAULT_URL: &str = "https://nominatim.openstreetmap.org";

/// The User-Agent every request carries: who we are, and where to find us once the package
/// names its repository (`itinera/0.1.0 (+https://…)`).
#[must_use]
pub fn user_agent() -> String {
    let version = env!("CARGO_PKG_VERSION");
    match env!("CARGO_PKG_REPOSITORY") {
        "" => format!("itinera/{version} (news article geoparser; online place search fallback)"),
        repo => format!("itinera/{version} (+{repo})"),
    }
}

/// The cache directory used by default: `<user cache dir>/itinera/nominatim/`.
#[must_use]
pub fn default_cache_dir() -> Option<std::path::PathBuf> {
    dirs::cache_dir().map(|d| d.join("itinera").join("nominatim"))
}

#[cfg(feature = "online")]
pub use client::{Nominatim, RateLimiter};

#[cfg(feature = "online")]
mod client {
    use std::path::{Path, PathBuf};
    use std::sync::atomic::{AtomicU64, Ordering};
    use std::sync::{Arc, Mutex, OnceLock, PoisonError};
    use std::time::{Duration, Instant};

    use serde::{Deserialize, Serialize};
    use serde_json::Value;

    use super::{Fallback, FallbackError, user_agent};
    use crate::gazetteer::{Candidate, PlaceKind, normalize};
    use crate::geo::LatLon;

    /// Spaces requests out: at most one per interval, across every client sharing it.
    #[derive(Debug)]
    pub struct RateLimiter {
        interval: Duration,
        last: Mutex<Option<Instant>>,
    }

    impl RateLimiter {
        /// A limiter letting one request through per `interval`.
        #[must_use]
        pub fn new(interval: Duration) -> Self {
            RateLimiter {
                interval,
                last: Mutex::new(None),
            }
        }

        /// The limiter every [`Nominatim`] shares unless given another: one request a second,
        /// as the public service's usage policy asks.
        #[must_use]
        pub fn shared() -> Arc<RateLimiter> {
            static SHARED: OnceLock<Arc<RateLimiter>> = OnceLock::new();
            Arc::clone(SHARED.get_or_init(|| Arc::new(RateLimiter::new(Duration::from_secs(1)))))
        }

        /// Waits until a request may go, and counts it as gone.
        pub fn wait(&self) {
            let mut last = self.last.lock().unwrap_or_else(PoisonError::into_inner);
            if let Some(at) = *last {
                let due = at + self.interval;
                let now = Instant::now();
                if due > now {
                    std::thread::sleep(due - now);
                }
            }
            *last = Some(Instant::now());
        }
    }

    /// What the cache keeps for one query.
    #[derive(Serialize, Deserialize)]
    struct CacheEntry {
        url: String,
        query: String,
        candidates: Vec<Candidate>,
    }

    /// A client of a Nominatim-compatible search API (`GET {base}/search?q=…&format=jsonv2`).
    /// It does nothing until asked: the HTTP client is made on the first lookup.
    pub struct Nominatim {
        base_url: String,
        cache_dir: Option<PathBuf>,
        limiter: Arc<RateLimiter>,
        connect_timeout: Duration,
        timeout: Duration,
        client: OnceLock<Result<reqwest::blocking::Client, String>>,
    }

    impl std::fmt::Debug for Nominatim {
        fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
            f.debug_struct("Nominatim")
                .field("base_url", &self.base_url)
                .field("cache_dir", &self.cache_dir)
                .finish_non_exhaustive()
        }
    }

    impl Nominatim {
        /// A client of the API at `base_url` (such as [`super::DEFAULT_URL`]), caching answers
        /// in [`super::default_cache_dir`], sharing the process-wide one-per-second limiter,
        /// with a 5 s connect timeout and a 15 s overall one.
        #[must_use]
        pub fn new(base_url: &str) -> Self {
            Nominatim {
                base_url: base_url.trim_end_matches('/').to_owned(),
                cache_dir: super::default_cache_dir(),
                limiter: RateLimiter::shared(),
                connect_timeout: Duration::from_secs(5),
                timeout: Duration::from_secs(15),
                client: OnceLock::new(),
            }
        }

        /// Keeps the cache in `dir` instead (`None`: no cache).
        #[must_use]
        pub fn with_cache_dir(mut self, dir: Option<PathBuf>) -> Self {
            self.cache_dir = dir;
            self
        }

        /// Spaces requests with `limiter` instead of the process-wide one.
        #[must_use]
        pub fn with_rate_limiter(mut self, limiter: Arc<RateLimiter>) -> Self {
            self.limiter = limiter;
            self
        }

        /// Sets the connect timeout and the whole-request timeout.
        #[must_use]
        pub fn with_timeouts(mut self, connect: Duration, total: Duration) -> Self {
            self.connect_timeout = connect;
            self.timeout = total;
            self
        }

        /// The base URL asked.
        #[must_use]
        pub fn base_url(&self) -> &str {
            &self.base_url
        }

        fn client(&self) -> Result<&reqwest::blocking::Client, FallbackError> {
            self.client
                .get_or_init(|| {
                    reqwest::blocking::Client::builder()
                        .user_agent(user_agent())
                        .connect_timeout(self.connect_timeout)
                        .timeout(self.timeout)
                        .build()
                        .map_err(|e| e.to_string())
                })
                .as_ref()
                .map_err(|reason| FallbackError::Unreachable {
                    url: self.base_url.clone(),
                    reason: reason.clone(),
                })
        }

        fn cache_path(&self, key: &str) -> Option<PathBuf> {
            let dir = self.cache_dir.as_ref()?;
            let hash = fnv1a(self.base_url.as_bytes(), fnv1a(key.as_bytes(), FNV_OFFSET));
            Some(dir.join(format!("{hash:016x}.json")))
        }

        fn cached(&self, key: &str) -> Option<Vec<Candidate>> {
            let text = std::fs::read_to_string(self.cache_path(key)?).ok()?;
            let entry: CacheEntry = serde_json::from_str(&text).ok()?;
            (entry.query == key && entry.url == self.base_url).then_some(entry.candidates)
        }

        fn store(&self, key: &str, candidates: &[Candidate]) {
            let Some(path) = self.cache_path(key) else {
                return;
            };
            let entry = CacheEntry {
                url: self.base_url.clone(),
                query: key.to_owned(),
                candidates: candidates.to_vec(),
            };
            // A cache that cannot be written only costs a request next time.
            let _ = serde_json::to_vec(&entry).map(|bytes| write_atomically(&path, &bytes));
        }

        fn fetch(&self, name: &str) -> Result<Vec<Candidate>, FallbackError> {
            let client = self.client()?;
            let url = format!(
                "{}/search?q={}&format=jsonv2&addressdetails=1&limit=5",
                self.base_url,
                percent_encode(name)
            );
            self.limiter.wait();
            let unreachable = |e: reqwest::Error| FallbackError::Unreachable {
                url: self.base_url.clone(),
                reason: e.to_string(),
            };
            let response = client
                .get(&url)
                .header("Accept-Language", "en")
                .send()
                .map_err(unreachable)?;
            let status = response.status();
            if !status.is_success() {
                return Err(FallbackError::BadAnswer {
                    url: self.base_url.clone(),
                    reason: format!("HTTP status {status}"),
                });
            }
            let body = response.text().map_err(unreachable)?;
            parse_results(&body).ok_or_else(|| FallbackError::BadAnswer {
                url: self.base_url.clone(),
                reason: "not a JSON array of search results".into(),
            })
        }
    }

    impl Fallback for Nominatim {
        fn lookup(&self, name: &str) -> Result<Vec<Candidate>, FallbackError> {
            let key = normalize(name);
            if key.is_empty() {
                return Ok(Vec::new());
            }
            if let Some(hit) = self.cached(&key) {
                return Ok(hit);
            }
            let candidates = self.fetch(name.trim())?;
            self.store(&key, &candidates);
            Ok(candidates)
        }
    }

    const FNV_OFFSET: u64 = 0xcbf2_9ce4_8422_2325;

    /// 64-bit FNV-1a: a stable file name for a cache key.
    fn fnv1a(bytes: &[u8], seed: u64) -> u64 {
        bytes.iter().fold(seed, |h, &b| {
            (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3)
        })
    }

    /// Writes `bytes` to a temporary file beside `path`, then renames it over `path`, so a
    /// reader never sees half a file.
    fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
        static SEQ: AtomicU64 = AtomicU64::new(0);
        let dir = path.parent().unwrap_or_else(|| Path::new("."));
        std::fs::create_dir_all(dir)?;
        let tmp = dir.join(format!(
            ".tmp-{}-{}",
            std::process::id(),
            SEQ.fetch_add(1, Ordering::Relaxed)
        ));
        std::fs::write(&tmp, bytes)?;
        std::fs::rename(&tmp, path).inspect_err(|_| {
            let _ = std::fs::remove_file(&tmp);
        })
    }

    /// Percent-encodes a query parameter value (RFC 3986 unreserved characters kept).
    fn percent_encode(s: &str) -> String {
        let mut out = String::with_capacity(s.len() * 3);
        for b in s.bytes() {
            if b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.' | b'~') {
                out.push(char::from(b));
            } else {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(char::from(HEX[usize::from(b >> 4)]));
                out.push(char::from(HEX[usize::from(b & 15)]));
            }
        }
        out
    }

    /// Online hits rank below embedded ones: their importance is scaled into `0..=0.4`.
    const ONLINE_IMPORTANCE: f64 = 0.4;

    /// Candidates from a `format=jsonv2` (or `json`) search answer; `None` when it is not an
    /// array. Results without a usable point are skipped.
    pub(crate) fn parse_results(body: &str) -> Option<Vec<Candidate>> {
        let Value::Array(results) = serde_json::from_str::<Value>(body).ok()? else {
            return None;
        };
        Some(results.iter().filter_map(candidate_of).collect())
    }

    fn text<'a>(v: &'a Value, field: &str) -> Option<&'a str> {
        v.get(field)
            .and_then(Value::as_str)
            .filter(|s| !s.is_empty())
    }

    fn number(v: &Value, field: &str) -> Option<f64> {
        let f = v.get(field)?;
        f.as_f64().or_else(|| f.as_str()?.trim().parse().ok())
    }

    fn candidate_of(r: &Value) -> Option<Candidate> {
        let latlon = LatLon::new(number(r, "lat")?, number(r, "lon")?);
        if !latlon.is_valid() {
            return None;
        }
        let class = text(r, "category")
            .or_else(|| text(r, "class"))
            .unwrap_or("");
        let kind_word = text(r, "type").unwrap_or("");
        let address_type = text(r, "addresstype").unwrap_or(kind_word);
        let display = text(r, "display_name").unwrap_or("");
        let name = text(r, "name")
            .or_else(|| display.split(',').next().map(str::trim))
            .filter(|n| !n.is_empty())?;
        let id = match (text(r, "osm_type"), r.get("osm_id").and_then(Value::as_u64)) {
            (Some(t), Some(n)) => format!("osm:{t}/{n}"),
            _ => format!("nominatim:{}", r.get("place_id").and_then(Value::as_u64)?),
        };
        let address = r.get("address");
        let field = |f: &str| address.and_then(|a| text(a, f));
        let importance = number(r, "importance").unwrap_or(0.1).clamp(0.0, 1.0);
        Some(Candidate {
            id,
            name: name.to_owned(),
            latlon,
            kind: kind_of(class, kind_word, address_type),
            feature_code: kind_word.to_owned(),
            country: field("country_code").map(str::to_ascii_uppercase),
            admin1: ["state", "province", "region"]
                .iter()
                .find_map(|f| field(f))
                .map(str::to_owned),
            population: 0,
            importance: (importance * ONLINE_IMPORTANCE) as f32,
        })
    }

    /// The kind of an OpenStreetMap result, from its class, type and address type.
    fn kind_of(class: &str, kind: &str, address_type: &str) -> PlaceKind {
        let admin = |t: &str| match t {
            "continent" => Some(PlaceKind::Continent),
            "country" => Some(PlaceKind::Country),
            "state" | "province" | "region" | "territory" => Some(PlaceKind::Region),
            "county" | "district" | "municipality" | "state_district" => Some(PlaceKind::District),
            "city" | "town" | "village" | "hamlet" | "suburb" | "neighbourhood" | "quarter"
            | "locality" | "isolated_dwelling" | "borough" => Some(PlaceKind::PopulatedPlace),
            _ => None,
        };
        match class {
            "place" | "boundary" => admin(kind)
                .or_else(|| admin(address_type))
                .unwrap_or(PlaceKind::InformalRegion),
            "natural" | "water" | "waterway" | "mountain_pass" | "geological" => {
                PlaceKind::Physical
            }
            "aeroway" | "railway" | "amenity" | "building" | "tourism" | "man_made"
            | "military" | "historic" | "leisure" | "highway" | "landuse" | "office" => {
                PlaceKind::Landmark
            }
            _ => admin(address_type).unwrap_or(PlaceKind::Landmark),
        }
    }

    #[cfg(test)]
    mod tests {
        use super::*;

        #[test]
        fn query_values_are_percent_encoded() {
            for (input, want) in [
                ("Khasan", "Khasan"),
                ("Sea of Japan", "Sea%20of%20Japan"),
                ("Rzeszów", "Rzesz%C3%B3w"),
                ("a&b=c", "a%26b%3Dc"),
            ] {
                assert_eq!(percent_encode(input), want, "{input}");
            }
        }

        #[test]
        fn osm_classes_map_to_place_kinds() {
            for (class, kind, address_type, want) in [
                ("boundary", "administrative", "country", PlaceKind::Country),
                ("boundary", "administrative", "state", PlaceKind::Region),
                ("place", "village", "village", PlaceKind::PopulatedPlace),
                ("waterway", "river", "river", PlaceKind::Physical),
                ("aeroway", "aerodrome", "aeroway", PlaceKind::Landmark),
                ("place", "region", "region", PlaceKind::Region),
                (
                    "place",
                    "archipelago",
                    "archipelago",
                    PlaceKind::InformalRegion,
                ),
            ] {
                assert_eq!(kind_of(class, kind, address_type), want, "{class}/{kind}");
            }
        }

        #[test]
        fn a_search_answer_becomes_candidates_ranked_below_embedded_hits() {
            let body = r#"[{"place_id":1,"osm_type":"relation","osm_id":42,"lat":"43.1","lon":"131.9",
                "category":"boundary","type":"administrative","addresstype":"city","name":"Vladivostok",
                "importance":0.9,"address":{"country_code":"ru","state":"Primorsky Krai"}},
                {"place_id":2,"lat":"nonsense","lon":"1"}]"#;
            let c = parse_results(body).unwrap_or_default();
            assert_eq!(c.len(), 1);
            assert_eq!(c[0].id, "osm:relation/42");
            assert_eq!(c[0].kind, PlaceKind::PopulatedPlace);
            assert_eq!(c[0].country.as_deref(), Some("RU"));
            assert_eq!(c[0].admin1.as_deref(), Some("Primorsky Krai"));
            assert!(c[0].importance <= 0.4);
            assert!(parse_results("{\"error\":1}").is_none());
        }
    }
}
