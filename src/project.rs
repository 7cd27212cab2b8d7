//! The `.itinera` project file: the articles a user works on and where they came from, their
//! reference dates, the user's corrections, the selected stop and the map view, as versioned
//! JSON.
//!
//! A project keeps the text itself, not only its path: reopening analyses the stored text
//! again (with whatever pipeline this version has), so a project opens the same on another
//! machine and after the source file moved. Files are written atomically
//! ([`write_atomically`]): a crash or a full disk leaves the previous file as it was.
//!
//! ```
//! use itinera::project::{Article, Project};
//! let mut project = Project::default();
//! project.articles.push(Article::from_text("Pasted text", "The envoy reached Vienna."));
//! let json = project.to_json();
//! assert_eq!(Project::from_json(json.as_bytes()), Ok(project));
//! ```

use std::hash::Hasher as _;
use std::io::{self, Write};
use std::path::{Path, PathBuf};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::span::Span;

/// The value of the `format` field: what sort of file this is.
pub const FORMAT: &str = "itinera-project";
/// The newest project file version this build reads and the one it writes.
pub const VERSION: u32 = 1;
/// The file name extension of project files, without the dot.
pub const EXTENSION: &str = "itinera";

/// Everything a project file holds.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Project {
    /// Always [`FORMAT`].
    pub format: String,
    /// The file version, [`VERSION`] when written by this build.
    pub version: u32,
    /// The articles, in the order they were added. The window shows the first.
    pub articles: Vec<Article>,
    /// The user's corrections, oldest first, including those that no longer apply.
    #[serde(default)]
    pub corrections: Vec<Correction>,
    /// The selected stop, if any.
    #[serde(default)]
    pub selected: Option<Selection>,
    /// Where the map was looking.
    #[serde(default)]
    pub view: Option<MapView>,
}

impl Default for Project {
    fn default() -> Self {
        Self {
            format: FORMAT.into(),
            version: VERSION,
            articles: Vec::new(),
            corrections: Vec::new(),
            selected: None,
            view: None,
        }
    }
}

/// One article of a project: its text as analysed and where it came from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Article {
    /// What the window calls it ("report.html", "Pasted text").
    pub name: String,
    /// The file it was read from, if any (kept for the record; the text below is what is
    /// analysed).
    #[serde(default)]
    pub source: Option<PathBuf>,
    /// The title the source gave.
    #[serde(default)]
    pub title: Option<String>,
    /// The publication date the source gave.
    #[serde(default)]
    pub published: Option<NaiveDate>,
    /// The date relative times were resolved against.
    #[serde(default)]
    pub reference_date: Option<NaiveDate>,
    /// The plain text, as the pipeline read it: every span of a correction is a byte range
    /// into it.
    pub text: String,
}

impl Article {
    /// An article of plain text with no source file, title or dates.
    #[must_use]
    pub fn from_text(name: &str, text: &str) -> Self {
        Self {
            name: name.into(),
            source: None,
            title: None,
            published: None,
            reference_date: None,
            text: text.into(),
        }
    }

    /// The [`text_hash`] of this article's text.
    #[must_use]
    pub fn hash(&self) -> String {
        text_hash(&self.text)
    }
}

/// What a correction says.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CorrectionKind {
    /// The stop this mention makes is no stop: remove it from every route.
    NotAStop,
}

/// A user's correction, tied to a mention in an article's text rather than to the
/// pipeline's output, so it outlives a re-analysis by another version.
#[derive(Clone, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Correction {
    /// What it says.
    pub kind: CorrectionKind,
    /// Index of the article in [`Project::articles`].
    #[serde(default)]
    pub article: usize,
    /// The mention it concerns: a byte range into the article's text.
    pub span: Span,
    /// The mention's text when the correction was made.
    pub mention: String,
    /// The [`text_hash`] of the article's text when the correction was made.
    pub text_hash: String,
}

impl Correction {
    /// True when the correction still points at its mention in `text`: its span covers
    /// the same words as when it was made.
    #[must_use]
    pub fn matches(&self, text: &str) -> bool {
        text.get(self.span.start..self.span.end) == Some(self.mention.as_str())
    }
}

/// Applies the corrections of article `article` to its analysis, in order; returns, for
/// each correction, whether it applied. A correction of another article is skipped (and
/// reported as applied: it is not this analysis's to judge). One whose mention is no longer
/// where it was in the text (the text changed) is not applied and reported as such; it
/// stays in the project. A "not a stop" correction removes every stop one of whose
/// mentions overlaps its span, so it still holds when a newer pipeline draws the mention's
/// bounds a little differently; when no stop has the mention, there is nothing to remove
/// and it has still applied.
pub fn apply_corrections(
    analysis: &mut crate::analysis::Analysis,
    article: usize,
    corrections: &[Correction],
) -> Vec<bool> {
    corrections
        .iter()
        .map(|c| {
            if c.article != article {
                return true;
            }
            if !c.matches(&analysis.text) {
                return false;
            }
            match c.kind {
                CorrectionKind::NotAStop => {
                    let overlaps = |m: &Span| m.start < c.span.end && c.span.start < m.end;
                    for actor in &mut analysis.actors {
                        actor.stops.retain(|s| !s.mentions.iter().any(overlaps));
                    }
                }
            }
            true
        })
        .collect()
}

/// The selected stop: the actor and stop indices at the time of saving, and the stop's
/// first mention, which finds it again when a re-analysis numbers stops differently.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Selection {
    /// Index of the actor.
    pub actor: usize,
    /// Index of the stop in the actor's route.
    pub stop: usize,
    /// The stop's first mention.
    #[serde(default)]
    pub mention: Option<Span>,
}

/// The map's centre and zoom.
#[derive(Clone, Copy, Debug, PartialEq, Serialize, Deserialize)]
pub struct MapView {
    /// Latitude of the centre, degrees.
    pub lat: f64,
    /// Longitude of the centre, degrees.
    pub lon: f64,
    /// The web-map zoom level (0 shows the world in one tile).
    pub zoom: f64,
}

/// Why a project could not be read or written.
#[derive(Debug, thiserror::Error)]
pub enum ProjectError {
    /// The file could not be read.
    #[error("could not read the project: {source} ({path})")]
    Read {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
    /// The file is not an itinera project, or it is damaged.
    #[error("{reason} ({path})")]
    Invalid {
        /// The file.
        path: PathBuf,
        /// What is wrong, in plain words.
        reason: ParseError,
    },
    /// The file could not be written; the previous file, if any, is unchanged.
    #[error("could not save: {source}; the previous file is unchanged ({path})")]
    Write {
        /// The file.
        path: PathBuf,
        /// What the system said.
        source: io::Error,
    },
}

/// What is wrong with the bytes of a project file.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
pub enum ParseError {
    /// Not JSON, or JSON without the `format` field of a project.
    #[error("this is not an itinera project file")]
    NotAProject,
    /// A newer itinera wrote it; this build leaves it alone rather than guess.
    #[error(
        "this project was saved by a newer itinera (file version {found}; this version reads up to {VERSION}). Open it with a newer itinera; the file was not changed"
    )]
    Newer {
        /// The version the file says.
        found: u64,
    },
    /// A project file whose content is broken (cut short, edited by hand…).
    #[error("the project file is damaged ({detail}); it was not changed")]
    Damaged {
        /// The parser's words.
        detail: String,
    },
}

/// Just the fields that say what a file is, read before the rest.
#[derive(Deserialize)]
struct Header {
    format: Option<serde_json::Value>,
    version: Option<serde_json::Value>,
}

impl Project {
    /// A project of one article.
    #[must_use]
    pub fn with_article(article: Article) -> Self {
        Self {
            articles: vec![article],
            ..Self::default()
        }
    }

    /// The project as the JSON text of a file (pretty-printed, so it diffs and reads).
    #[must_use]
    pub fn to_json(&self) -> String {
        // A struct of strings, numbers and options always serialises.
        let mut json = serde_json::to_string_pretty(self).unwrap_or_default();
        json.push('\n');
        json
    }

    /// Reads a project from the bytes of a file. A file of another format, of a newer
    /// version, or damaged is refused with the reason.
    pub fn from_json(bytes: &[u8]) -> Result<Self, ParseError> {
        let damaged = |e: serde_json::Error| ParseError::Damaged {
            detail: e.to_string(),
        };
        let header: Header = match serde_json::from_slice(bytes) {
            Ok(header) => header,
            // Not even an object: a project cut short, or another kind of file.
            Err(e) if e.is_eof() && looks_like_a_project(bytes) => return Err(damaged(e)),
            Err(_) => return Err(ParseError::NotAProject),
        };
        if header.format.as_ref().and_then(|f| f.as_str()) != Some(FORMAT) {
            return Err(ParseError::NotAProject);
        }
        let Some(version) = header.version.as_ref().and_then(serde_json::Value::as_u64) else {
            return Err(ParseError::Damaged {
                detail: "no version number".into(),
            });
        };
        if version > u64::from(VERSION) {
            return Err(ParseError::Newer { found: version });
        }
        let project: Project = serde_json::from_slice(bytes).map_err(damaged)?;
        if project.articles.is_empty() {
            return Err(ParseError::Damaged {
                detail: "it holds no article".into(),
            });
        }
        Ok(project)
    }

    /// Reads the project file at `path`.
    pub fn load(path: &Path) -> Result<Self, ProjectError> {
        let bytes = std::fs::read(path).map_err(|source| ProjectError::Read {
            path: path.to_owned(),
            source,
        })?;
        Self::from_json(&bytes).map_err(|reason| ProjectError::Invalid {
            path: path.to_owned(),
            reason,
        })
    }

    /// Writes the project to `path` atomically: the file is either the previous one or
    /// this one, whatever happens during the write.
    pub fn save(&self, path: &Path) -> Result<(), ProjectError> {
        let json = self.to_json();
        write_atomically(path, |out| out.write_all(json.as_bytes())).map_err(|source| {
            ProjectError::Write {
                path: path.to_owned(),
                source,
            }
        })
    }
}

/// True when a cut-short file began as a project does, so the reader is told it is damaged
/// rather than of another kind.
fn looks_like_a_project(bytes: &[u8]) -> bool {
    let head = &bytes[..bytes.len().min(200)];
    String::from_utf8_lossy(head).contains(FORMAT)
}

/// A fingerprint of an article's text, as 16 hexadecimal digits: the crate's word
/// hasher over the UTF-8 bytes and the length. Stored in project files, so it must never
/// change (a test pins it).
#[must_use]
pub fn text_hash(text: &str) -> String {
    let mut hasher = crate::hash::WordHasher::default();
    hasher.write(text.as_bytes());
    hasher.write_usize(text.len());
    format!("{:016x}", hasher.finish())
}

/// Writes a file atomically: `write` fills a new temporary file in the same directory,
/// which is flushed to disk and then renamed over `path`. If anything fails — `write`
/// itself, the disk, the rename — the temporary file is removed and `path` is left as it
/// was; a crash at any moment leaves either the old file or the new one, never a mix.
/// An existing file's permissions are kept.
pub fn write_atomically(
    path: &Path,
    write: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> io::Result<()> {
    let dir = match path.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .map_or_else(|| "file".into(), |n| n.to_string_lossy().into_owned());
    let mut builder = tempfile::Builder::new();
    let prefix = format!(".{name}.");
    builder.prefix(&prefix).suffix(".tmp");
    #[cfg(unix)]
    let permissions = {
        use std::os::unix::fs::PermissionsExt as _;
        // as a plain new file would be (the umask applies), not tempfile's private 0600
        std::fs::metadata(path).map_or_else(
            |_| std::fs::Permissions::from_mode(0o666),
            |m| m.permissions(),
        )
    };
    #[cfg(unix)]
    builder.permissions(permissions);
    let mut tmp = builder.tempfile_in(dir)?;
    {
        let mut out = io::BufWriter::new(tmp.as_file_mut());
        write(&mut out)?;
        out.flush()?;
    }
    tmp.as_file().sync_all()?;
    tmp.persist(path).map_err(|e| e.error)?;
    // The rename itself reaches the disk when the directory does. It has happened by now,
    // so a failure here is no failure to save: the file is in place.
    #[cfg(unix)]
    if let Ok(dir) = std::fs::File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Project {
        let text = "The envoy left Vienna on June 4. She reached Budapest.";
        let start = text.find("Budapest").unwrap();
        Project {
            articles: vec![Article {
                name: "envoy.txt".into(),
                source: Some("/home/ana/envoy.txt".into()),
                title: Some("Envoy on the Danube".into()),
                published: NaiveDate::from_ymd_opt(2025, 6, 9),
                reference_date: NaiveDate::from_ymd_opt(2025, 6, 9),
                text: text.into(),
            }],
            corrections: vec![Correction {
                kind: CorrectionKind::NotAStop,
                article: 0,
                span: Span::new(start, start + "Budapest".len()),
                mention: "Budapest".into(),
                text_hash: text_hash(text),
            }],
            selected: Some(Selection {
                actor: 0,
                stop: 1,
                mention: Some(Span::new(15, 21)),
            }),
            view: Some(MapView {
                lat: 47.123_456_789,
                lon: 19.0,
                zoom: 6.25,
            }),
            ..Project::default()
        }
    }

    #[test]
    fn a_saved_project_loads_equal() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("envoy.itinera");
        let project = sample();
        project.save(&path).unwrap();
        assert_eq!(Project::load(&path).unwrap(), project);
        let json: serde_json::Value =
            serde_json::from_slice(&std::fs::read(&path).unwrap()).unwrap();
        assert_eq!(json["format"], FORMAT);
        assert_eq!(json["version"], VERSION);
        // nothing but the project is left in the directory
        assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
    }

    #[test]
    fn a_save_that_fails_half_way_leaves_the_previous_file_as_it_was() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("envoy.itinera");
        sample().save(&path).unwrap();
        let before = std::fs::read(&path).unwrap();
        let mut changed = sample();
        changed.corrections.clear();
        let json = changed.to_json();
        let result = write_atomically(&path, |out| {
            out.write_all(&json.as_bytes()[..json.len() / 2])?;
            Err(io::Error::other("disk full"))
        });
        assert_eq!(result.unwrap_err().to_string(), "disk full");
        assert_eq!(std::fs::read(&path).unwrap(), before);
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            1,
            "no temp file left"
        );
    }

    #[cfg(unix)]
    #[test]
    fn a_saved_file_keeps_its_permissions() {
        use std::os::unix::fs::PermissionsExt as _;
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("envoy.itinera");
        sample().save(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        sample().save(&path).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640);
    }

    fn check(bytes: &str, expect: &ParseError) {
        assert_eq!(
            Project::from_json(bytes.as_bytes()).as_ref(),
            Err(expect),
            "{bytes}"
        );
    }

    #[test]
    fn files_that_are_not_projects_or_are_damaged_are_refused_with_the_reason() {
        let full = sample().to_json();
        let damaged = |detail: &str| ParseError::Damaged {
            detail: detail.into(),
        };
        check("", &ParseError::NotAProject);
        check("The envoy left Vienna.", &ParseError::NotAProject);
        check(
            "{\"type\": \"FeatureCollection\"}",
            &ParseError::NotAProject,
        );
        check(
            "{\"format\": \"itinera-project\"}",
            &damaged("no version number"),
        );
        check(
            "{\"format\": \"itinera-project\", \"version\": 1, \"articles\": []}",
            &damaged("it holds no article"),
        );
        let wrong_type =
            "{\"format\": \"itinera-project\", \"version\": 1, \"articles\": [{\"name\": 3}]}";
        let Err(ParseError::Damaged { detail }) = Project::from_json(wrong_type.as_bytes()) else {
            panic!("a name that is a number is damage");
        };
        assert!(detail.starts_with("invalid type: integer `3`"), "{detail}");
        let cut = &full[..full.len() / 2];
        let Err(ParseError::Damaged { detail }) = Project::from_json(cut.as_bytes()) else {
            panic!("a file cut in half is damaged");
        };
        assert!(detail.contains("EOF"), "{detail}");
    }

    #[test]
    fn a_newer_project_is_refused_and_says_so() {
        let newer = sample()
            .to_json()
            .replacen("\"version\": 1", "\"version\": 2", 1);
        let err = Project::from_json(newer.as_bytes()).unwrap_err();
        assert_eq!(err, ParseError::Newer { found: 2 });
        assert_eq!(
            err.to_string(),
            "this project was saved by a newer itinera (file version 2; this version reads \
             up to 1). Open it with a newer itinera; the file was not changed"
        );
    }

    #[test]
    fn a_refused_file_names_itself_last() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("broken.itinera");
        std::fs::write(&path, "{\"format\": \"itinera-project\", \"version\": 9}").unwrap();
        let err = Project::load(&path).unwrap_err().to_string();
        assert!(err.starts_with("this project was saved by a newer itinera"));
        assert!(err.ends_with(&format!("({})", path.display())), "{err}");
        let missing = Project::load(&dir.path().join("nope.itinera")).unwrap_err();
        assert!(matches!(missing, ProjectError::Read { .. }));
    }

    #[test]
    fn the_text_hash_never_changes() {
        // Project files store it: a change here would orphan every saved correction.
        assert_eq!(text_hash(""), "0000000000000000");
        assert_eq!(
            text_hash("The envoy left Vienna."),
            text_hash("The envoy left Vienna.")
        );
        assert_ne!(
            text_hash("The envoy left Vienna."),
            text_hash("The envoy left Vienna!")
        );
        assert_eq!(text_hash("The envoy left Vienna."), "99eb254f5bce048e");
    }

    /// A correction marking the stop at `name`'s first mention in `text` as no stop.
    fn not_a_stop(text: &str, name: &str) -> Correction {
        let start = text.find(name).unwrap();
        Correction {
            kind: CorrectionKind::NotAStop,
            article: 0,
            span: Span::new(start, start + name.len()),
            mention: name.into(),
            text_hash: text_hash(text),
        }
    }

    fn stop_names(analysis: &crate::analysis::Analysis) -> Vec<String> {
        analysis.actors[0]
            .stops
            .iter()
            .map(|s| s.place.name.clone())
            .collect()
    }

    #[test]
    fn not_a_stop_holds_when_the_text_is_analysed_again() {
        use crate::{Document, Gazetteer, Options, analyze};
        let text = "The envoy arrived in Vienna on June 4, 2025. On June 6 she travelled \
                    to Budapest, and on June 8 she flew to Belgrade.";
        let run = |text: &str| {
            analyze(
                &Document::from_text(text),
                Gazetteer::embedded(),
                &Options::default(),
            )
        };
        let mut first = run(text);
        assert_eq!(stop_names(&first), ["Vienna", "Budapest", "Belgrade"]);
        let corrections = [not_a_stop(text, "Budapest")];
        assert_eq!(apply_corrections(&mut first, 0, &corrections), [true]);
        assert_eq!(stop_names(&first), ["Vienna", "Belgrade"]);
        // a fresh analysis of the stored text (as a reopened project, or a newer version)
        let mut again = run(text);
        assert_eq!(apply_corrections(&mut again, 0, &corrections), [true]);
        assert_eq!(again, first);
        // the text changed under the correction: kept, not applied, nothing removed
        let edited = text.replace("The envoy", "Yesterday the envoy");
        let mut other = run(&edited);
        assert_eq!(apply_corrections(&mut other, 0, &corrections), [false]);
        assert_eq!(stop_names(&other), ["Vienna", "Budapest", "Belgrade"]);
        // another article's correction is none of this one's business
        let elsewhere = Correction {
            article: 1,
            ..corrections[0].clone()
        };
        let mut untouched = run(text);
        assert_eq!(apply_corrections(&mut untouched, 0, &[elsewhere]), [true]);
        assert_eq!(stop_names(&untouched).len(), 3);
    }

    #[test]
    fn a_correction_matches_its_mention_only() {
        let project = sample();
        let correction = &project.corrections[0];
        let text = &project.articles[0].text;
        assert!(correction.matches(text));
        let edited = text.replace("She reached", "Then she reached");
        assert!(
            !correction.matches(&edited),
            "the span moved off the mention"
        );
        let same_length = text.replace("Budapest", "Bucharest");
        assert!(!correction.matches(&same_length));
        assert!(!correction.matches(""));
    }
}
