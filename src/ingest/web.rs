//! Articles fetched from a web address, only when the user asks for one.
//!
//! One GET with a User-Agent naming itinera and its version, a connect and a total timeout,
//! at most five redirects and at most [`MAX_INPUT_BYTES`]; the page then goes through the same
//! ingest as a file (HTML article extraction, title and publication date from its metadata).
//! Every failure is a [`FetchError`] worded for the person who gave the address.

use std::io::Read;
use std::time::Duration;

use super::{Document, IngestError, InputFormat, MAX_INPUT_BYTES};

/// At most this many redirects are followed.
pub const MAX_REDIRECTS: usize = 5;

/// A page fetched and read.
#[derive(Clone, Debug)]
pub struct WebPage {
    /// The article, as [`Document::from_bytes_as`] reads the page.
    pub document: Document,
    /// The address the page came from, after redirects.
    pub address: String,
    /// When it was fetched.
    pub fetched: chrono::DateTime<chrono::Utc>,
}

/// Why an address gave no article.
#[derive(Debug, thiserror::Error)]
pub enum FetchError {
    /// Not an `http://` or `https://` address.
    #[error("{0} is not a web address (it should start with http:// or https://)")]
    NotAnAddress(String),
    /// No answer: no such host, no connection, no answer in time, too many redirects.
    #[error("could not fetch {address}: {reason}")]
    Unreachable {
        /// The address asked for.
        address: String,
        /// What went wrong, in plain words.
        reason: String,
    },
    /// The server answered with an error status.
    #[error("{address} answered {status}")]
    Status {
        /// The address asked for.
        address: String,
        /// The status, code and reason ("404 Not Found").
        status: String,
    },
    /// The answer is not a page or a text ("image/png", "application/pdf").
    #[error("{address} is not a web page or a text (it is {content_type})")]
    NotAPage {
        /// The address asked for.
        address: String,
        /// The type the server gave.
        content_type: String,
    },
    /// More than [`MAX_INPUT_BYTES`].
    #[error("the page at {address} is too large (over {limit_mb} MB)")]
    TooLarge {
        /// The address asked for.
        address: String,
        /// The limit in megabytes.
        limit_mb: usize,
    },
    /// The page came but holds nothing to read (empty, binary).
    #[error("{address}: {source}")]
    Unreadable {
        /// The address asked for.
        address: String,
        /// Why ingest refused it.
        source: IngestError,
    },
}

/// Fetches pages: the settings of one client.
#[derive(Clone, Debug)]
pub struct Fetcher {
    connect_timeout: Duration,
    timeout: Duration,
    max_bytes: usize,
}

impl Default for Fetcher {
    fn default() -> Self {
        Fetcher {
            connect_timeout: Duration::from_secs(10),
            timeout: Duration::from_secs(30),
            max_bytes: MAX_INPUT_BYTES,
        }
    }
}

impl Fetcher {
    /// A 10 s connect timeout, 30 s for the whole page, [`MAX_INPUT_BYTES`] at most.
    #[must_use]
    pub fn new() -> Self {
        Self::default()
    }

    /// Sets the connect timeout and the whole-request timeout.
    #[must_use]
    pub fn with_timeouts(mut self, connect: Duration, total: Duration) -> Self {
        self.connect_timeout = connect;
        self.timeout = total;
        self
    }

    /// Accepts at most `bytes` of page (never more than [`MAX_INPUT_BYTES`]).
    #[must_use]
    pub fn with_limit(mut self, bytes: usize) -> Self {
        self.max_bytes = bytes.min(MAX_INPUT_BYTES);
        self
    }

    /// Fetches `address` and reads the article in it.
    ///
    /// # Errors
    /// A [`FetchError`] saying what went wrong; nothing is retried.
    pub fn fetch(&self, address: &str) -> Result<WebPage, FetchError> {
        let address = address.trim();
        let url = reqwest::Url::parse(address)
            .ok()
            .filter(|u| matches!(u.scheme(), "http" | "https"))
            .ok_or_else(|| FetchError::NotAnAddress(address.to_owned()))?;
        let unreachable = |reason: String| FetchError::Unreachable {
            address: address.to_owned(),
            reason,
        };
        let client = reqwest::blocking::Client::builder()
            .user_agent(crate::gazetteer::online::user_agent())
            .connect_timeout(self.connect_timeout)
            .timeout(self.timeout)
            .redirect(reqwest::redirect::Policy::limited(MAX_REDIRECTS))
            .build()
            .map_err(|e| unreachable(e.to_string()))?;
        let response = client
            .get(url)
            .header(
                reqwest::header::ACCEPT,
                "text/html,application/xhtml+xml,text/plain;q=0.9,text/*;q=0.8",
            )
            .send()
            .map_err(|e| unreachable(self.reason(&e)))?;
        let status = response.status();
        if !status.is_success() {
            return Err(FetchError::Status {
                address: address.to_owned(),
                status: status.to_string(),
            });
        }
        let final_address = response.url().to_string();
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned);
        let format = match content_type.as_deref().map(media_type) {
            None => None,
            Some(t) if t == "text/html" || t == "application/xhtml+xml" => Some(InputFormat::Html),
            Some(t) if t == "text/markdown" || t == "text/x-markdown" => {
                Some(InputFormat::Markdown)
            }
            Some(t) if t == "text/plain" => Some(InputFormat::Text),
            // another text type ("text/xml"): read as the content suggests
            Some(t) if t.starts_with("text/") => None,
            Some(_) => {
                return Err(FetchError::NotAPage {
                    address: address.to_owned(),
                    content_type: content_type.unwrap_or_default(),
                });
            }
        };
        let too_large = || FetchError::TooLarge {
            address: address.to_owned(),
            limit_mb: self.max_bytes.div_ceil(1024 * 1024),
        };
        if response
            .content_length()
            .is_some_and(|n| n > self.max_bytes as u64)
        {
            return Err(too_large());
        }
        // the length announced may be missing or wrong: never read more than the limit
        let mut bytes = Vec::new();
        response
            .take(self.max_bytes as u64 + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| unreachable(format!("the page stopped coming ({e})")))?;
        if bytes.len() > self.max_bytes {
            return Err(too_large());
        }
        let document =
            Document::from_bytes_as(&bytes, format).map_err(|source| FetchError::Unreadable {
                address: address.to_owned(),
                source,
            })?;
        Ok(WebPage {
            document,
            address: final_address,
            fetched: chrono::Utc::now(),
        })
    }

    /// Why a request failed, in plain words.
    fn reason(&self, e: &reqwest::Error) -> String {
        if e.is_redirect() {
            format!("more than {MAX_REDIRECTS} redirects")
        } else if e.is_timeout() {
            format!("no answer within {} s", self.timeout.as_secs())
        } else if e.is_connect() {
            "no connection to the server (is the address right, and the network there?)".into()
        } else {
            // the innermost cause says the most ("dns error: failed to lookup address")
            let mut source: &dyn std::error::Error = e;
            while let Some(inner) = source.source() {
                source = inner;
            }
            source.to_string()
        }
    }
}

/// The media type of a Content-Type value, lower case, without parameters.
fn media_type(content_type: &str) -> String {
    content_type
        .split(';')
        .next()
        .unwrap_or("")
        .trim()
        .to_ascii_lowercase()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn media_types_drop_their_parameters() {
        assert_eq!(media_type("Text/HTML; charset=utf-8"), "text/html");
        assert_eq!(media_type(""), "");
    }

    #[test]
    fn an_address_that_is_no_web_address_is_refused_before_any_request() {
        let err = Fetcher::new().fetch("file:///etc/passwd").unwrap_err();
        assert!(matches!(err, FetchError::NotAnAddress(_)), "{err}");
        assert!(err.to_string().contains("http://"));
    }
}
