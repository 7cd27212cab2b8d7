//! Reading and analysing inputs off the UI thread.

use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::{Receiver, Sender, channel};
use std::sync::{Arc, Mutex};

use super::state::{Action, Input, Loaded, OpenedProject};
use crate::analysis::{Analysis, Options, analyze};
use crate::gazetteer::Gazetteer;
use crate::ingest::Document;
use chrono::NaiveDate;

/// The function that turns a document into an analysis (the pipeline, or a stand-in in tests),
/// reading relative times against the reference date given, else the document's publication
/// date ([`Options::reference_date`]).
pub type Analyzer = Arc<dyn Fn(&Document, Option<NaiveDate>) -> Analysis + Send + Sync>;

/// The real pipeline with the embedded gazetteer.
#[must_use]
pub fn pipeline() -> Analyzer {
    Arc::new(|doc: &Document, reference_date| {
        let options = Options {
            reference_date,
            ..Options::default()
        };
        analyze(doc, Gazetteer::embedded(), &options)
    })
}

/// The real pipeline, which also searches the online gazetteer for places the embedded one
/// lacks while `online` is set (with the `online` cargo feature; without it, never).
#[must_use]
pub fn pipeline_with_online(online: Arc<AtomicBool>) -> Analyzer {
    #[cfg(feature = "online")]
    {
        use crate::gazetteer::online::{DEFAULT_URL, Nominatim, SharedFallback};
        let client: std::sync::OnceLock<SharedFallback> = std::sync::OnceLock::new();
        Arc::new(move |doc: &Document, reference_date| {
            let mut options = Options {
                reference_date,
                ..Options::default()
            };
            if online.load(Ordering::Relaxed) {
                let client =
                    client.get_or_init(|| SharedFallback::new(Nominatim::new(DEFAULT_URL)));
                options.online = Some(client.clone());
            }
            analyze(doc, Gazetteer::embedded(), &options)
        })
    }
    #[cfg(not(feature = "online"))]
    {
        let _ = online;
        pipeline()
    }
}

/// The article at a web address (the page is fetched on the loader's thread).
#[cfg(feature = "online")]
fn fetch(address: &str) -> Result<Document, String> {
    crate::ingest::web::Fetcher::new()
        .fetch(address)
        .map(|page| page.document)
        .map_err(|e| e.to_string())
}

/// Without the `online` feature, no page is fetched.
#[cfg(not(feature = "online"))]
fn fetch(address: &str) -> Result<Document, String> {
    Err(format!(
        "cannot open {address}: this build of itinera has no network support"
    ))
}

/// Reads a project file and the documents of its articles, each with its stored reference
/// date: the stored texts as they are, not read again as HTML or Markdown, so every stored
/// span still points where it did.
fn read_project(path: &std::path::Path) -> Result<(Vec<Dated>, OpenedProject), String> {
    let project = crate::project::Project::load(path).map_err(|e| match e {
        // the window names the file itself
        crate::project::ProjectError::Invalid { reason, .. } => reason.to_string(),
        other => other.to_string(),
    })?;
    if project.articles.is_empty() {
        return Err("the project holds no article".to_owned());
    }
    let documents = project
        .articles
        .iter()
        .map(|article| {
            let document = Document {
                title: article.title.clone(),
                published: article.published,
                text: article.text.clone(),
            };
            (document, article.reference_date)
        })
        .collect();
    Ok((
        documents,
        OpenedProject {
            path: path.to_owned(),
            project,
        },
    ))
}

/// A document and the reference date to read it against (`None`: its publication date).
type Dated = (Document, Option<NaiveDate>);

/// Runs one job at a time on a named thread and hands back [`Action`]s.
pub struct Loader {
    analyzer: Analyzer,
    tx: Sender<Action>,
    rx: Receiver<Action>,
    cancel: Option<Arc<AtomicBool>>,
    /// What the running job is doing, and the share of the analysis done.
    stage: Arc<Mutex<(&'static str, f32)>>,
}

impl Loader {
    /// A loader using `analyzer`.
    #[must_use]
    pub fn new(analyzer: Analyzer) -> Self {
        let (tx, rx) = channel();
        Self {
            analyzer,
            tx,
            rx,
            cancel: None,
            stage: Arc::new(Mutex::new(("", 0.0))),
        }
    }

    /// What the running job is doing ("Reading", "Analysing").
    #[must_use]
    pub fn stage(&self) -> &'static str {
        self.stage.lock().map_or("", |s| s.0)
    }

    /// The share of the running job's analysis done, 0 to 1.
    #[must_use]
    pub fn done(&self) -> f32 {
        self.stage.lock().map_or(0.0, |s| s.1)
    }

    /// Starts job `job`; the result arrives through [`Loader::poll`].
    pub fn start(&mut self, job: u64, input: Input, ctx: &egui::Context) {
        self.cancel();
        let cancel = Arc::new(AtomicBool::new(false));
        self.cancel = Some(cancel.clone());
        let tx = self.tx.clone();
        let analyzer = self.analyzer.clone();
        // each job its own: a cancelled job still running cannot show its stage over this one's
        self.stage = Arc::new(Mutex::new(("", 0.0)));
        let stage = self.stage.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(format!("itinera-analysis-{job}"))
            .spawn(move || {
                let set = |s: &'static str| {
                    if let Ok(mut st) = stage.lock() {
                        *st = (s, 0.0);
                    }
                };
                set("Reading");
                // a dropped or opened link file stands for the page it points to
                let link = match &input {
                    Input::Path(p) => crate::ingest::address_in_link_path(p),
                    Input::Bytes { name, bytes } => {
                        crate::ingest::address_in_link_file(name, bytes)
                    }
                    _ => None,
                };
                let input = link.map_or(input, Input::Address);
                let name = input.name();
                let path = match &input {
                    Input::Path(p) => Some(p.clone()),
                    _ => None,
                };
                let fetched = match &input {
                    Input::Address(address) => Some(crate::project::Fetched::now(address.trim())),
                    _ => None,
                };
                let mut project = None;
                let undated = |d: Document| vec![(d, None)];
                let documents: Result<Vec<Dated>, String> = match &input {
                    Input::Path(p) => Document::from_path(p)
                        .map(undated)
                        .map_err(|e| e.to_string()),
                    Input::Text { text, .. } => Document::from_bytes(text.as_bytes())
                        .map(undated)
                        .map_err(|e| e.to_string()),
                    Input::Bytes { bytes, .. } => Document::from_bytes(bytes)
                        .map(undated)
                        .map_err(|e| e.to_string()),
                    Input::Project(p) => read_project(p).map(|(documents, opened)| {
                        project = Some(Box::new(opened));
                        documents
                    }),
                    Input::Address(address) => fetch(address).map(undated),
                    Input::Dated {
                        document,
                        reference_date,
                        ..
                    } => Ok(vec![(document.clone(), *reference_date)]),
                };
                let name = project
                    .as_ref()
                    .and_then(|p| p.project.articles.first())
                    .map_or(name, |a| a.name.clone());
                let action = match documents {
                    Err(message) => Action::LoadFailed { job, message },
                    Ok(documents) => {
                        let n = documents.len() as f32;
                        let mut results = Vec::with_capacity(documents.len());
                        for (i, (document, reference_date)) in documents.iter().enumerate() {
                            if cancel.load(Ordering::Relaxed) {
                                return;
                            }
                            set("Analysing");
                            // the pipeline's stages, shown as they begin; several articles
                            // share the bar
                            let progress = stage.clone();
                            let repaint = ctx.clone();
                            let analysis = crate::progress::with_progress(
                                move |done, what| {
                                    if let Ok(mut st) = progress.lock() {
                                        *st = (what, (i as f32 + done) / n);
                                    }
                                    repaint.request_repaint();
                                },
                                || analyzer(document, *reference_date),
                            );
                            results.push(Arc::new(analysis));
                        }
                        let mut results = results.into_iter();
                        match results.next() {
                            None => Action::LoadFailed {
                                job,
                                message: "there is nothing to analyse".into(),
                            },
                            Some(analysis) => Action::Loaded {
                                job,
                                loaded: Box::new(Loaded {
                                    name,
                                    path,
                                    fetched,
                                    analysis,
                                    project,
                                    others: results.collect(),
                                }),
                            },
                        }
                    }
                };
                set("");
                if !cancel.load(Ordering::Relaxed) {
                    let _ = tx.send(action);
                    ctx.request_repaint();
                }
            });
        if let Err(e) = spawned {
            let _ = self.tx.send(Action::LoadFailed {
                job,
                message: format!("could not start the analysis ({e})"),
            });
        }
    }

    /// Abandons the running job: its result, when it comes, is dropped.
    pub fn cancel(&mut self) {
        if let Some(flag) = self.cancel.take() {
            flag.store(true, Ordering::Relaxed);
        }
    }

    /// Results that arrived since the last call.
    #[must_use]
    pub fn poll(&self) -> Vec<Action> {
        self.rx.try_iter().collect()
    }
}
