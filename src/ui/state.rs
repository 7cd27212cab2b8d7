//! The app's plain state and the one place it changes: [`State::apply`].
//!
//! Nothing here names egui: the state is unit-tested on its own.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use chrono::{NaiveDate, NaiveTime};

use crate::analysis::Analysis;
use crate::export::Format;
use crate::gazetteer::Candidate;
use crate::geo::LatLon;
use crate::movement::Stop;
use crate::project::{self, Article, Correction, CorrectionKind, MapView, Project, Selection};
use crate::span::Span;
use crate::ui::combine::{self, Combined, Told};

/// How many recent files are remembered.
pub const MAX_RECENT: usize = 8;
/// Slowest and fastest autoplay, in seconds per stop.
pub const SPEED_RANGE: std::ops::RangeInclusive<f32> = 0.4..=6.0;

/// One stop of one actor.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub struct StopRef {
    /// Index into [`Analysis::actors`].
    pub actor: usize,
    /// Index into that actor's stops.
    pub stop: usize,
}

/// Something to analyse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Input {
    /// A file on disk.
    Path(PathBuf),
    /// Text already in memory (pasted, or the bundled sample), with a name to show.
    Text {
        /// What to call it in the window.
        name: String,
        /// The article.
        text: String,
    },
    /// Bytes of a dropped file that has no path (some platforms).
    Bytes {
        /// The file name.
        name: String,
        /// Its content.
        bytes: Arc<[u8]>,
    },
    /// A project file (`.itinera`): its articles are analysed and its selection, map view
    /// and corrections restored.
    Project(PathBuf),
    /// A web address the user pasted or typed: fetched, then read as a page.
    Address(String),
    /// An article shown, read again against another reference date.
    Dated {
        /// What the window calls the article.
        name: String,
        /// Its text, title and publication date, as analysed before.
        document: crate::ingest::Document,
        /// The date relative times are read against; `None`: the publication date.
        reference_date: Option<NaiveDate>,
    },
}

impl Input {
    /// Text the user pasted or typed: a web address when it is one alone, else an article.
    #[must_use]
    pub fn typed(text: String) -> Input {
        if crate::ingest::is_web_address(&text) {
            Input::Address(text.trim().to_owned())
        } else {
            Input::Text {
                name: "Pasted text".into(),
                text,
            }
        }
    }

    /// What to call this input in the window.
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            Input::Path(p) | Input::Project(p) => file_name(p),
            Input::Text { name, .. } | Input::Bytes { name, .. } | Input::Dated { name, .. } => {
                name.clone()
            }
            Input::Address(address) => address.clone(),
        }
    }
}

/// The last part of a path, for the window.
#[must_use]
pub fn file_name(path: &std::path::Path) -> String {
    path.file_name().map_or_else(
        || path.display().to_string(),
        |n| n.to_string_lossy().into_owned(),
    )
}

/// True when `path` names a project file (by its extension).
#[must_use]
pub fn is_project_path(path: &std::path::Path) -> bool {
    path.extension()
        .is_some_and(|e| e.eq_ignore_ascii_case(project::EXTENSION))
}

/// True when `input` is a project file (which is opened, never added to another).
fn is_project_input(input: &Input) -> bool {
    match input {
        Input::Project(_) => true,
        Input::Path(path) => is_project_path(path),
        _ => false,
    }
}

/// Something that would drop corrections no project file holds, waiting for the user.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Pending {
    /// Opening this input.
    Open(Input),
    /// Closing the window.
    Quit,
}

/// A project file read by the loader, with where it lies.
#[derive(Clone, Debug, PartialEq)]
pub struct OpenedProject {
    /// The file.
    pub path: PathBuf,
    /// What it held.
    pub project: Project,
}

/// A finished analysis, ready to show.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// What to call it in the window.
    pub name: String,
    /// The file it came from, if any (goes to the recent list).
    pub path: Option<PathBuf>,
    /// The web address it was fetched from and when, if it was.
    pub fetched: Option<crate::project::Fetched>,
    /// The analysis.
    pub analysis: Arc<Analysis>,
    /// The project file it was opened from, if it was.
    pub project: Option<Box<OpenedProject>>,
    /// The analyses of the project's further articles, in its order (empty for anything
    /// else).
    pub others: Vec<Arc<Analysis>>,
}

/// One article of the work shown: what the window calls it, where it came from and the
/// pipeline's analysis of it (before any correction).
#[derive(Clone, Debug)]
pub struct OpenArticle {
    /// What the window calls it: a file name, a web address, "Pasted text".
    pub name: String,
    /// The file it was read from, if any.
    pub source: Option<PathBuf>,
    /// The web address it was fetched from and when, if it was.
    pub fetched: Option<crate::project::Fetched>,
    /// The pipeline's analysis.
    pub raw: Arc<Analysis>,
}

impl OpenArticle {
    /// The article's title, else its name.
    #[must_use]
    pub fn label(&self) -> &str {
        self.raw.title.as_deref().unwrap_or(&self.name)
    }
}

/// Where the map tiles come from.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum TileChoice {
    /// OpenStreetMap's standard tiles.
    #[default]
    OpenStreetMap,
    /// OpenTopoMap.
    OpenTopoMap,
    /// A custom XYZ template such as `https://example.org/{z}/{x}/{y}.png`.
    Custom(String),
    /// Only the embedded Natural Earth basemap; no network.
    BasemapOnly,
}

impl TileChoice {
    /// The name shown in the menu.
    #[must_use]
    pub fn label(&self) -> &'static str {
        match self {
            TileChoice::OpenStreetMap => "OpenStreetMap",
            TileChoice::OpenTopoMap => "OpenTopoMap",
            TileChoice::Custom(_) => "Custom XYZ URL",
            TileChoice::BasemapOnly => "Built-in basemap only",
        }
    }
}

/// Light, dark, or whatever the system prefers.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub enum ThemeChoice {
    /// Follow the system.
    #[default]
    System,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// What persists between runs.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[serde(default)]
pub struct Settings {
    /// Theme.
    pub theme: ThemeChoice,
    /// Tile source.
    pub tiles: TileChoice,
    /// The last custom XYZ template typed.
    pub custom_url: String,
    /// Recently opened files, newest first.
    pub recent: Vec<PathBuf>,
    /// Recently opened or saved projects, newest first.
    pub recent_projects: Vec<PathBuf>,
    /// Autoplay speed in seconds per stop.
    pub seconds_per_stop: f32,
    /// False until the first start has shown the sample.
    pub seen_sample: bool,
    /// Search an online gazetteer for place names the built-in one lacks (off by default).
    pub online_lookup: bool,
}

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: ThemeChoice::System,
            tiles: TileChoice::OpenStreetMap,
            custom_url: String::new(),
            recent: Vec::new(),
            recent_projects: Vec::new(),
            seconds_per_stop: 1.5,
            seen_sample: false,
            online_lookup: false,
        }
    }
}

/// Where the map should go next.
#[derive(Clone, Debug, PartialEq)]
pub enum CameraTarget {
    /// Centre on one point.
    Point(LatLon),
    /// Show all these points.
    Fit(Vec<LatLon>),
    /// Jump, without gliding, to a saved view.
    View(MapView),
}

/// A request to move the map; `serial` grows with every request so the map can tell a new
/// one from one it already followed.
#[derive(Clone, Debug, PartialEq)]
pub struct Camera {
    /// Grows by one per request.
    pub serial: u64,
    /// Where to go.
    pub target: CameraTarget,
}

/// A loading job in progress.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Loading {
    /// What is being loaded.
    pub name: String,
    /// Job number; results of older jobs are ignored.
    pub job: u64,
    /// The result joins the articles shown instead of replacing them.
    pub adding: bool,
    /// The result replaces this article's analysis (an index into [`State::articles`]):
    /// the article read against another reference date.
    pub redating: Option<usize>,
}

/// Everything the user can do.
#[derive(Clone, Debug)]
pub enum Action {
    /// Analyse an input (file, pasted text, sample).
    Open(Input),
    /// Show the file dialog.
    OpenDialog,
    /// Analyse an input and add it to the articles shown (open it when nothing is).
    AddArticle(Input),
    /// Show the file dialog to add an article.
    AddArticleDialog,
    /// A file dropped on the window: opened when nothing is shown, else the user chooses
    /// between adding it and opening it instead.
    Dropped(Input),
    /// Forget the dropped file the user was asked about.
    DismissDropped,
    /// Show article `usize` (an index into [`State::articles`]) in the article pane.
    ShowArticle(usize),
    /// Take article `usize` out of the work (undoable); the last one stays.
    RemoveArticle(usize),
    /// Read article `article` again against the reference date `date` (`None`: its
    /// publication date, if any), off the UI thread; undoable once the result is shown.
    SetReferenceDate {
        /// An index into [`State::articles`].
        article: usize,
        /// The date relative times ("on Monday", "yesterday") are read against.
        date: Option<NaiveDate>,
    },
    /// A job finished.
    Loaded {
        /// The job number it was started with.
        job: u64,
        /// The result.
        loaded: Box<Loaded>,
    },
    /// A job failed.
    LoadFailed {
        /// The job number it was started with.
        job: u64,
        /// Plain-words reason.
        message: String,
    },
    /// Give up on the job in progress.
    CancelLoad,
    /// Show an error message.
    ShowError(String),
    /// Hide the error message.
    DismissError,
    /// Select a stop everywhere.
    Select(StopRef),
    /// Select the stop a place mention (a byte offset in the text) belongs to.
    SelectAtOffset(usize),
    /// Clear the selection.
    ClearSelection,
    /// Next stop of the current actor.
    Next,
    /// Previous stop.
    Previous,
    /// First stop.
    First,
    /// Last stop.
    Last,
    /// Start or stop autoplay.
    TogglePlay,
    /// Autoplay speed, in seconds per stop.
    SetSpeed(f32),
    /// Show or hide an actor.
    ToggleActor(usize),
    /// Frame the whole visible route.
    FitRoute,
    /// Change tile source.
    SetTiles(TileChoice),
    /// Change theme.
    SetTheme(ThemeChoice),
    /// Turn the online place search on or off.
    SetOnlineLookup(bool),
    /// Show or hide the paste dialog.
    ShowPaste(bool),
    /// Show or hide the About box.
    ShowAbout(bool),
    /// Forget the recent files.
    ClearRecent,
    /// Forget the recent projects.
    ClearRecentProjects,
    /// Show the dialog to open a project.
    OpenProjectDialog,
    /// Save the project: to its file, or through the dialog when it has none.
    SaveProject,
    /// Show the dialog to save the project under a new name.
    SaveProjectDialog,
    /// Save the project to this file (`.itinera` is added when missing) and keep saving
    /// every change there.
    SaveProjectAs(PathBuf),
    /// A save finished.
    ProjectSaved {
        /// The file written.
        path: PathBuf,
        /// The state's revision that was written.
        revision: u64,
    },
    /// A save failed; the file on disk is as it was.
    ProjectSaveFailed {
        /// The file.
        path: PathBuf,
        /// The revision that was not written.
        revision: u64,
        /// Plain-words reason.
        message: String,
    },
    /// The map came to rest at a new centre or zoom.
    ViewChanged(MapView),
    /// Show the dialog to export what is shown in `format`.
    ExportDialog(Format),
    /// Export what is shown, in `format`, to this file (the format's extension is added
    /// when it has none).
    Export {
        /// The file format.
        format: Format,
        /// Where to write.
        path: PathBuf,
    },
    /// An export finished.
    Exported(PathBuf),
    /// An export failed; the file on disk is as it was.
    ExportFailed {
        /// The file.
        path: PathBuf,
        /// Plain-words reason.
        message: String,
    },
    /// Show the dialog to save the map as a PNG picture.
    ExportImageDialog,
    /// Save a picture of the map as shown (route, markers, labels, attribution) to this
    /// file as PNG (`.png` is added when the name has no such extension).
    ExportImage(PathBuf),
    /// The user asked to close the window.
    CloseRequested,
    /// Do what waited for the user's word (open, close), dropping the unsaved corrections.
    DiscardAndProceed,
    /// Open nothing after all (the question about unsaved corrections was declined).
    CancelOpen,
    /// Mark this stop "not a stop": it leaves the route, now and after every re-analysis.
    NotAStop(StopRef),
    /// The name this stop is told by names no place here: no mention of it is a place, and
    /// the stops they make leave every route.
    NotAPlace(StopRef),
    /// The place mention at these words (in the text shown) names no place: as
    /// [`Action::NotAPlace`], for a mention that makes no stop.
    NotAPlaceWords(Span),
    /// Show (or, with `None`, hide) the places a stop's name could mean, for the user to
    /// choose from.
    ShowPlaceChoices(Option<PlaceChoices>),
    /// The stop's mention means this place: so does every mention of its name.
    ChoosePlace {
        /// The stop.
        at: StopRef,
        /// The place chosen (from the gazetteer).
        place: Candidate,
    },
    /// The stop happened on this day (at this time); its route is ordered again.
    SetDate {
        /// The stop.
        at: StopRef,
        /// The day.
        date: NaiveDate,
        /// The time of day, when given.
        time: Option<NaiveTime>,
    },
    /// This actor (an index into the actors shown) is the traveller: it comes first.
    MakeTraveller(usize),
    /// Call this actor `name`.
    RenameActor {
        /// Index into the actors shown.
        actor: usize,
        /// The new name (trimmed; an empty one is refused with a message).
        name: String,
    },
    /// Move the stop `by` places later in its route (earlier when negative).
    MoveStop {
        /// The stop.
        at: StopRef,
        /// How many places later.
        by: i32,
    },
    /// The words at this span of the article are selected (by dragging over them, or by
    /// clicking a place name that is no stop); `None` clears the selection.
    SelectText(Option<crate::span::Span>),
    /// Show (or, with `None`, hide) the places the selected words could mean, for the user
    /// to choose the one the traveller went to.
    ShowStopChoices(Option<StopChoices>),
    /// The traveller went to `place`, named by the words at `span`: a new stop, in text
    /// order.
    AddStop {
        /// The words in the article.
        span: crate::span::Span,
        /// The place chosen (from the gazetteer).
        place: Candidate,
    },
    /// Actor `from` is actor `into` (indices into the actors shown): one actor, one route.
    MergeActors {
        /// The actor merged away.
        from: usize,
        /// The actor it is merged into, whose name stays.
        into: usize,
    },
    /// Take back the last correction.
    Undo,
    /// Make the last correction taken back again.
    Redo,
}

/// The places a stop's name could mean, shown for the user to choose one.
#[derive(Clone, Debug, PartialEq)]
pub struct PlaceChoices {
    /// The stop.
    pub at: StopRef,
    /// The name looked up (the stop's mention, or what the user typed).
    pub query: String,
    /// The gazetteer's candidates for it, best first.
    pub candidates: Vec<Candidate>,
}

/// The places selected words could mean, shown for the user to choose the one the
/// traveller went to.
#[derive(Clone, Debug, PartialEq)]
pub struct StopChoices {
    /// The words in the article.
    pub span: crate::span::Span,
    /// The name looked up (the words, or what the user typed).
    pub query: String,
    /// The gazetteer's candidates for it, best first.
    pub candidates: Vec<Candidate>,
}

/// Work the app must do outside the state after an action.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Effect {
    /// Start analysing this input as job `job`.
    Load {
        /// Job number.
        job: u64,
        /// The input.
        input: Input,
    },
    /// Open the file picker.
    PickFile,
    /// Open the file picker for an article to add.
    PickArticle,
    /// Stop the running job.
    Cancel,
    /// The tile source changed.
    TilesChanged,
    /// The theme changed.
    ThemeChanged,
    /// The online place search was turned on or off.
    OnlineLookupChanged,
    /// Keep the window open (the user is asked about unsaved corrections first).
    CancelClose,
    /// Close the window, whatever it holds.
    Close,
    /// Open the dialog to pick a project to open.
    PickProject,
    /// Open the dialog to pick where to save the project.
    PickProjectPath,
    /// Write [`State::project_snapshot`] to `path`, then report [`Action::ProjectSaved`]
    /// with `revision`.
    SaveProject {
        /// The project file.
        path: PathBuf,
        /// The revision written.
        revision: u64,
    },
    /// Open the dialog to pick where to export.
    PickExportPath(Format),
    /// Write [`State::export_analysis`] in `format` to `path`.
    Export {
        /// The file format.
        format: Format,
        /// Where to write.
        path: PathBuf,
    },
    /// Open the dialog to pick where to save the map's picture.
    PickImagePath,
    /// Take a picture of the map as shown and write it to this file as PNG; report
    /// [`Action::Exported`] or [`Action::ExportFailed`].
    CaptureMap(PathBuf),
}

/// The app's state.
#[derive(Debug, Default)]
pub struct State {
    /// Persistent settings.
    pub settings: Settings,
    /// What is shown, if anything.
    pub current: Option<Loaded>,
    /// The selected stop.
    pub selected: Option<StopRef>,
    /// The actor the stepping buttons walk through.
    pub active_actor: usize,
    /// One flag per actor of the current analysis.
    pub actor_visible: Vec<bool>,
    /// Autoplay on.
    pub playing: bool,
    /// The job in progress.
    pub loading: Option<Loading>,
    /// An error to show, in plain words.
    pub error: Option<String>,
    /// The latest camera request.
    pub camera: Option<Camera>,
    /// The paste dialog is open.
    pub paste_open: bool,
    /// The About box is open.
    pub about_open: bool,
    /// The places the selected stop's name could mean, while the user chooses.
    pub place_choices: Option<PlaceChoices>,
    /// The words selected in the article, for "Add as stop".
    pub text_selection: Option<crate::span::Span>,
    /// The places the selected words could mean, while the user chooses.
    pub stop_choices: Option<StopChoices>,
    /// The project file this session is saved in, once saved or opened: every change is
    /// written there.
    pub project_path: Option<PathBuf>,
    /// The map's last centre and zoom, as reported when it came to rest.
    pub view: Option<MapView>,
    /// The article the article pane shows (an index into [`State::articles`]).
    pub shown_article: usize,
    /// A file dropped while articles are shown, waiting for the user to add or open it.
    pub dropped: Option<Input>,
    /// A short message about something done ("Saved", "Exported to …").
    pub notice: Option<String>,
    /// How several articles lie in the analysis shown; `None` for one.
    combined: Option<Combined>,
    /// What waits for the user's word: it would drop corrections that no project file
    /// holds.
    pub ask_discard: Option<Pending>,
    /// An open that waits for the project's last change to be written.
    waiting_open: Option<Input>,
    saves: Saves,
    corrections: Corrections,
    next_job: u64,
}

/// The articles and the user's corrections, with their history.
#[derive(Debug, Default)]
struct Corrections {
    /// The articles, each with the pipeline's analysis before any correction; the shown
    /// analysis is made of them with [`Corrections::list`] applied
    /// ([`combine::shown`]).
    articles: Vec<OpenArticle>,
    /// The corrections in force, oldest first.
    list: Vec<Correction>,
    /// For each of `list`, whether it applied to the analysis shown.
    applied: Vec<bool>,
    /// Earlier articles and lists, the last one on top.
    undo: Vec<Work>,
    /// Articles and lists taken back, the last one on top.
    redo: Vec<Work>,
    /// Grows with every change of `articles` or `list`.
    generation: u64,
}

/// The articles and the corrections at one step of the history.
#[derive(Clone, Debug)]
struct Work {
    articles: Vec<OpenArticle>,
    list: Vec<Correction>,
}

/// What [`State`] knows of saving the project file.
#[derive(Debug, Default)]
struct Saves {
    /// Grows with every change a project keeps (selection, view, corrections).
    revision: u64,
    /// The revision last written to the project file.
    saved_revision: u64,
    /// The file a save is being written to: one at a time, so an older revision can
    /// never land after a newer one.
    in_flight: Option<PathBuf>,
    /// Save even when nothing changed (the user asked).
    asked: bool,
    /// The revision whose save failed; not retried until something changes.
    failed_revision: Option<u64>,
    /// The action just applied left the session as its file has it.
    mark_clean: bool,
}

impl State {
    /// A state with these settings and nothing loaded.
    #[must_use]
    pub fn new(settings: Settings) -> Self {
        Self {
            settings,
            ..Self::default()
        }
    }

    /// The analysis shown, if any.
    #[must_use]
    pub fn analysis(&self) -> Option<&Analysis> {
        self.current.as_ref().map(|c| c.analysis.as_ref())
    }

    /// The articles shown, in the order they were added.
    #[must_use]
    pub fn articles(&self) -> &[OpenArticle] {
        &self.corrections.articles
    }

    /// The bytes of the shown analysis's text that are article `article`'s.
    #[must_use]
    pub fn article_range(&self, article: usize) -> Option<std::ops::Range<usize>> {
        match &self.combined {
            Some(combined) => combined.range(article),
            None if article == 0 => Some(0..self.analysis()?.text.len()),
            None => None,
        }
    }

    /// The article a span of the shown analysis lies in, and the span in that article's
    /// own text.
    #[must_use]
    pub fn locate(&self, span: Span) -> Option<(usize, Span)> {
        match &self.combined {
            Some(c) => combine::locate(&c.starts, &c.lens, span),
            None => Some((0, span)),
        }
    }

    /// Who told the stop `at`, with their articles, when several articles are shown.
    #[must_use]
    pub fn told(&self, at: StopRef) -> Option<&Told> {
        self.combined.as_ref()?.told.get(at.actor)?.get(at.stop)
    }

    /// The stop a reference points at.
    #[must_use]
    pub fn stop(&self, at: StopRef) -> Option<&Stop> {
        self.analysis()?.actors.get(at.actor)?.stops.get(at.stop)
    }

    /// True when the actor is shown.
    #[must_use]
    pub fn is_visible(&self, actor: usize) -> bool {
        self.actor_visible.get(actor).copied().unwrap_or(false)
    }

    /// Number of stops of the active actor.
    #[must_use]
    pub fn active_len(&self) -> usize {
        self.analysis()
            .and_then(|a| a.actors.get(self.active_actor))
            .map_or(0, |a| a.stops.len())
    }

    /// Points of every visible stop.
    #[must_use]
    pub fn visible_points(&self) -> Vec<LatLon> {
        let Some(analysis) = self.analysis() else {
            return Vec::new();
        };
        analysis
            .actors
            .iter()
            .enumerate()
            .filter(|(i, _)| self.is_visible(*i))
            .flat_map(|(_, a)| a.stops.iter().map(|s| s.place.latlon))
            .filter(|p| p.is_valid())
            .collect()
    }

    /// The visible stop one of whose mentions covers byte `offset`.
    #[must_use]
    pub fn stop_at_offset(&self, offset: usize) -> Option<StopRef> {
        let analysis = self.analysis()?;
        let hit = |span: &crate::span::Span| span.start <= offset && offset < span.end;
        for (a, actor) in analysis.actors.iter().enumerate() {
            if !self.is_visible(a) {
                continue;
            }
            for (s, stop) in actor.stops.iter().enumerate() {
                if stop.mentions.iter().any(hit) {
                    return Some(StopRef { actor: a, stop: s });
                }
            }
        }
        None
    }

    /// True when the session has changes that its project file (if any) does not hold.
    #[must_use]
    pub fn dirty(&self) -> bool {
        self.saves.revision != self.saves.saved_revision
    }

    /// The window's title: the project's (or article's) name, `*` first when there are
    /// unsaved changes.
    #[must_use]
    pub fn title(&self) -> String {
        let name = match (&self.project_path, &self.current) {
            (Some(path), _) => path.file_stem().map_or_else(
                || file_name(path),
                |stem| stem.to_string_lossy().into_owned(),
            ),
            (None, Some(current)) => current.name.clone(),
            (None, None) => return "itinera".into(),
        };
        let mark = if self.dirty() { "*" } else { "" };
        format!("{mark}{name} — itinera")
    }

    /// The project as it stands, to be saved: the articles, the selection, the view and
    /// the corrections.
    #[must_use]
    pub fn project_snapshot(&self) -> Option<Project> {
        self.current.as_ref()?;
        // the pipeline's texts (the same as the shown ones; corrections change no text)
        let articles = self
            .corrections
            .articles
            .iter()
            .map(|a| Article {
                name: a.name.clone(),
                source: a.source.clone(),
                title: a.raw.title.clone(),
                published: a.raw.published,
                reference_date: a.raw.reference_date,
                fetched: a.fetched.clone(),
                text: a.raw.text.clone(),
            })
            .collect();
        let selected = self.selected.and_then(|at| {
            let first = self.stop(at)?.mentions.first().copied();
            let (article, mention) = first
                .and_then(|m| self.locate(m))
                .map_or((0, None), |(d, m)| (d, Some(m)));
            Some(Selection {
                actor: at.actor,
                stop: at.stop,
                mention,
                article,
            })
        });
        let mut project = Project {
            articles,
            corrections: self.corrections.list.clone(),
            selected,
            view: self.view,
            ..Project::default()
        };
        project.version = project.required_version();
        Some(project)
    }

    /// The save due now, if any: the session has a project file, something changed (or
    /// the user asked) and no save is being written. Call after every action.
    pub fn autosave(&mut self) -> Option<Effect> {
        let path = self.project_path.clone()?;
        let due = self.saves.asked
            || (self.dirty() && self.saves.failed_revision != Some(self.saves.revision));
        if self.saves.in_flight.is_some() || !due || self.current.is_none() {
            return None;
        }
        self.saves.in_flight = Some(path.clone());
        self.saves.asked = false;
        Some(Effect::SaveProject {
            path,
            revision: self.saves.revision,
        })
    }

    /// What an export writes: the analysis as shown, without the actors the user hid.
    #[must_use]
    pub fn export_analysis(&self) -> Option<Analysis> {
        let analysis = self.analysis()?;
        let mut out = analysis.clone();
        out.actors = analysis
            .actors
            .iter()
            .enumerate()
            .filter(|(i, _)| self.is_visible(*i))
            .map(|(_, a)| a.clone())
            .collect();
        Some(out)
    }

    /// Applies one action; returns the outside work it calls for.
    pub fn apply(&mut self, action: Action) -> Vec<Effect> {
        let key = |s: &Self| (s.selected, s.view, s.corrections.generation);
        let before = key(self);
        let effects = self.apply_action(action);
        if key(self) != before {
            self.saves.revision += 1;
        }
        if std::mem::take(&mut self.saves.mark_clean) {
            self.saves.saved_revision = self.saves.revision;
            self.saves.failed_revision = None;
        }
        effects
    }

    fn apply_action(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Open(Input::Path(path)) if is_project_path(&path) => {
                return self.apply_action(Action::Open(Input::Project(path)));
            }
            Action::Open(input) => {
                self.dropped = None;
                if self.current.is_some() && self.save_due() {
                    // the save under way or due holds the last change: open once it is
                    // written (the project is then closed)
                    self.waiting_open = Some(input);
                    return Vec::new();
                }
                if self.unsaved_work() {
                    self.ask_discard = Some(Pending::Open(input));
                    return Vec::new();
                }
                return self.start_open(input);
            }
            Action::CloseRequested if self.unsaved_work() => {
                self.ask_discard = Some(Pending::Quit);
                return vec![Effect::CancelClose];
            }
            // a project file with its saves under way is finished on exit
            Action::CloseRequested => return vec![Effect::Close],
            Action::DiscardAndProceed => match self.ask_discard.take() {
                Some(Pending::Open(input)) => return self.start_open(input),
                Some(Pending::Quit) => return vec![Effect::Close],
                None => {}
            },
            Action::CancelOpen => {
                self.ask_discard = None;
                self.waiting_open = None;
            }
            Action::OpenDialog => return vec![Effect::PickFile],
            Action::Loaded { job, loaded } => {
                if let Some(loading) = self.loading.take_if(|l| l.job == job) {
                    if let Some(article) = loading.redating {
                        self.redated(article, *loaded);
                    } else if loading.adding && self.current.is_some() {
                        self.add_article(*loaded);
                    } else {
                        self.open_loaded(*loaded);
                    }
                }
            }
            Action::AddArticle(input) => {
                self.dropped = None;
                if self.current.is_none() {
                    return self.apply_action(Action::Open(input));
                }
                if is_project_input(&input) {
                    self.error = Some(
                        "A project cannot be added to another project: open it instead".into(),
                    );
                    return Vec::new();
                }
                return self.start_job(input, true);
            }
            Action::AddArticleDialog => return vec![Effect::PickArticle],
            Action::Dropped(input) => {
                if self.current.is_none() || is_project_input(&input) {
                    return self.apply_action(Action::Open(input));
                }
                self.dropped = Some(input);
            }
            Action::DismissDropped => self.dropped = None,
            Action::ShowArticle(article) => {
                if article < self.corrections.articles.len() {
                    self.shown_article = article;
                    // words selected in another article are out of sight
                    if self
                        .text_selection
                        .is_some_and(|s| self.locate(s).is_none_or(|(d, _)| d != article))
                    {
                        self.text_selection = None;
                        self.stop_choices = None;
                    }
                }
            }
            Action::RemoveArticle(article) => self.remove_article(article),
            Action::SetReferenceDate { article, date } => return self.redate(article, date),
            Action::LoadFailed { job, message } => {
                if self.loading.as_ref().is_some_and(|l| l.job == job) {
                    let name = self.loading.take().map_or_else(String::new, |l| l.name);
                    self.error = Some(format!("Could not open {name}: {message}"));
                }
            }
            Action::CancelLoad => {
                if self.loading.take().is_some() {
                    return vec![Effect::Cancel];
                }
            }
            Action::ShowError(message) => self.error = Some(message),
            Action::DismissError => self.error = None,
            Action::Select(at) => self.select(at),
            Action::SelectAtOffset(offset) => {
                if let Some(at) = self.stop_at_offset(offset) {
                    self.select(at);
                }
            }
            Action::ClearSelection => {
                self.selected = None;
                self.place_choices = None;
            }
            Action::Next => self.step(|i, _| i + 1, 0),
            Action::Previous => self.step(|i, _| i.saturating_sub(1), 0),
            Action::First => self.step(|_, _| 0, 0),
            Action::Last => self.step(|_, n| n - 1, usize::MAX),
            Action::TogglePlay => {
                if self.playing {
                    self.playing = false;
                } else if self.active_len() > 0 {
                    self.playing = true;
                    let at_end = self.selected.is_none_or(|s| {
                        s.actor != self.active_actor || s.stop + 1 >= self.active_len()
                    });
                    if at_end {
                        self.step(|_, _| 0, 0);
                    }
                }
            }
            Action::SetSpeed(s) => {
                self.settings.seconds_per_stop = s.clamp(*SPEED_RANGE.start(), *SPEED_RANGE.end());
            }
            Action::ToggleActor(i) => {
                if let Some(v) = self.actor_visible.get_mut(i) {
                    *v = !*v;
                    if self.selected.is_some_and(|s| s.actor == i) && !*v {
                        self.selected = None;
                        self.playing = false;
                    }
                }
            }
            Action::FitRoute => self.request_fit(),
            Action::SetTiles(choice) => {
                if let TileChoice::Custom(url) = &choice {
                    self.settings.custom_url.clone_from(url);
                }
                if self.settings.tiles != choice {
                    self.settings.tiles = choice;
                    return vec![Effect::TilesChanged];
                }
            }
            Action::SetTheme(theme) => {
                self.settings.theme = theme;
                return vec![Effect::ThemeChanged];
            }
            Action::SetOnlineLookup(on) => {
                if self.settings.online_lookup != on {
                    self.settings.online_lookup = on;
                    return vec![Effect::OnlineLookupChanged];
                }
            }
            Action::ShowPaste(open) => self.paste_open = open,
            Action::ShowAbout(open) => self.about_open = open,
            Action::ClearRecent => self.settings.recent.clear(),
            Action::ClearRecentProjects => self.settings.recent_projects.clear(),
            Action::OpenProjectDialog => return vec![Effect::PickProject],
            Action::SaveProject if self.current.is_some() => {
                if self.project_path.is_none() {
                    return vec![Effect::PickProjectPath];
                }
                self.saves.asked = true;
            }
            Action::SaveProjectDialog if self.current.is_some() => {
                return vec![Effect::PickProjectPath];
            }
            Action::SaveProjectAs(mut path) if self.current.is_some() => {
                if !is_project_path(&path) {
                    path.as_mut_os_string()
                        .push(format!(".{}", project::EXTENSION));
                }
                remember(&mut self.settings.recent_projects, &path);
                if self.project_path.as_ref() != Some(&path) {
                    // the new file holds nothing yet
                    self.saves.saved_revision = self.saves.revision.wrapping_sub(1);
                }
                self.project_path = Some(path);
                self.saves.asked = true;
            }
            Action::SaveProject | Action::SaveProjectDialog | Action::SaveProjectAs(_) => {
                self.error = Some("Open an article before saving a project".into());
            }
            Action::ProjectSaved { path, revision } => {
                if self.saves.in_flight.as_ref() == Some(&path) {
                    self.saves.in_flight = None;
                }
                if self.project_path.as_ref() == Some(&path) {
                    if revision == self.saves.revision {
                        self.saves.saved_revision = revision;
                    }
                    self.saves.failed_revision = None;
                }
                if !self.dirty()
                    && let Some(input) = self.waiting_open.take()
                {
                    return self.start_open(input);
                }
            }
            Action::ProjectSaveFailed {
                path,
                revision,
                message,
            } => {
                if self.saves.in_flight.as_ref() == Some(&path) {
                    self.saves.in_flight = None;
                }
                if self.project_path.as_ref() == Some(&path) {
                    // an open that waited for this save now asks the user
                    if let Some(input) = self.waiting_open.take() {
                        self.ask_discard = Some(Pending::Open(input));
                    }
                    self.saves.failed_revision = Some(revision);
                    self.error = Some(format!("Could not save {}: {message}", file_name(&path)));
                }
            }
            Action::ViewChanged(view) => {
                // the first view after opening is where the app put the map, not a change
                let first = self.view.is_none() && !self.dirty();
                self.view = Some(view);
                self.saves.mark_clean = first;
            }
            Action::ExportDialog(format) if self.current.is_some() => {
                return vec![Effect::PickExportPath(format)];
            }
            Action::Export { format, mut path } if self.current.is_some() => {
                if path.extension().is_none() {
                    path.set_extension(format.extension());
                }
                return vec![Effect::Export { format, path }];
            }
            Action::ExportImageDialog if self.current.is_some() => {
                return vec![Effect::PickImagePath];
            }
            Action::ExportImage(mut path) if self.current.is_some() => {
                let png = path
                    .extension()
                    .is_some_and(|e| e.eq_ignore_ascii_case("png"));
                if !png {
                    path.as_mut_os_string().push(".png");
                }
                return vec![Effect::CaptureMap(path)];
            }
            Action::ExportDialog(_)
            | Action::Export { .. }
            | Action::ExportImageDialog
            | Action::ExportImage(_) => {
                self.error = Some("Open an article before exporting".into());
            }
            Action::Exported(path) => {
                self.notice = Some(format!("Exported to {}", path.display()));
            }
            Action::ExportFailed { path, message } => {
                self.error = Some(format!("Could not export {}: {message}", file_name(&path)));
            }
            Action::NotAStop(at) => self.correct_stop(at, &CorrectionKind::NotAStop),
            Action::NotAPlace(at) => self.correct_stop(at, &CorrectionKind::NotAPlace),
            Action::NotAPlaceWords(span) => {
                self.stop_choices = None;
                self.text_selection = None;
                self.correct(&CorrectionKind::NotAPlace, &[span]);
            }
            Action::ShowPlaceChoices(choices) => self.place_choices = choices,
            Action::ChoosePlace { at, place } => {
                self.place_choices = None;
                self.correct_stop(at, &CorrectionKind::Place { place });
            }
            Action::SetDate { at, date, time } => {
                self.correct_stop(at, &CorrectionKind::Date { date, time });
            }
            Action::MakeTraveller(actor) => self.correct_actor(actor, &CorrectionKind::Traveller),
            Action::RenameActor { actor, name } => {
                let name = name.trim();
                if name.is_empty() {
                    self.error = Some("An actor's name cannot be empty".into());
                } else {
                    let name = name.to_owned();
                    self.correct_actor(actor, &CorrectionKind::RenameActor { name });
                }
            }
            Action::MoveStop { at, by } => self.correct_stop(at, &CorrectionKind::Move { by }),
            Action::SelectText(span) => {
                let text = self.analysis().map_or("", |a| a.text.as_str());
                // words of one article: a drag cannot reach past the article shown
                let span = span.filter(|s| {
                    !s.is_empty() && text.get(s.start..s.end).is_some() && self.locate(*s).is_some()
                });
                if self
                    .stop_choices
                    .as_ref()
                    .is_some_and(|c| Some(c.span) != span)
                {
                    self.stop_choices = None;
                }
                self.text_selection = span;
            }
            Action::ShowStopChoices(choices) => self.stop_choices = choices,
            Action::AddStop { span, place } => {
                self.stop_choices = None;
                self.text_selection = None;
                // the words are one article's: the stop is added to that article's route
                // before the articles are merged
                self.correct(&CorrectionKind::AddStop { place }, &[span]);
                let added = self.analysis().and_then(|a| {
                    a.actors.iter().enumerate().find_map(|(actor, x)| {
                        let stop = x.stops.iter().position(|s| s.mentions.contains(&span))?;
                        Some(StopRef { actor, stop })
                    })
                });
                if let Some(at) = added {
                    self.select(at);
                }
            }
            Action::MergeActors { from, into } => self.merge_actors(from, into),
            Action::Undo => {
                if let Some(previous) = self.corrections.undo.pop() {
                    let now = self.set_work(previous);
                    self.corrections.redo.push(now);
                    self.reapply();
                }
            }
            Action::Redo => {
                if let Some(next) = self.corrections.redo.pop() {
                    let now = self.set_work(next);
                    self.corrections.undo.push(now);
                    self.reapply();
                }
            }
        }
        Vec::new()
    }

    fn start_open(&mut self, input: Input) -> Vec<Effect> {
        self.start_job(input, false)
    }

    /// Starts analysing `input`: to show it alone, or `adding` it to the articles shown.
    fn start_job(&mut self, input: Input, adding: bool) -> Vec<Effect> {
        self.next_job += 1;
        let job = self.next_job;
        self.loading = Some(Loading {
            name: input.name(),
            job,
            adding,
            redating: None,
        });
        self.error = None;
        self.notice = None;
        self.paste_open = false;
        vec![Effect::Load { job, input }]
    }

    /// True when a save of the project file is under way or will start after this action.
    fn save_due(&self) -> bool {
        self.project_path.is_some()
            && (self.saves.in_flight.is_some()
                || (self.dirty() && self.saves.failed_revision != Some(self.saves.revision)))
    }

    /// True when there is work no file holds — corrections, or articles added to the first
    /// — with no project file, or its save failed.
    fn unsaved_work(&self) -> bool {
        let dated = |a: &OpenArticle| a.raw.reference_date != a.raw.published;
        (!self.corrections.list.is_empty()
            || self.corrections.articles.len() > 1
            || self.corrections.articles.iter().any(dated))
            && (self.project_path.is_none() || self.dirty())
    }

    /// True while a save is being written.
    #[must_use]
    pub fn saving(&self) -> bool {
        self.saves.in_flight.is_some()
    }

    /// The corrections in force, oldest first, each with whether it applied to the
    /// analysis shown (one whose mention is no longer in the text does not).
    pub fn corrections(&self) -> impl Iterator<Item = (&Correction, bool)> {
        self.corrections
            .list
            .iter()
            .zip(self.corrections.applied.iter().copied())
    }

    /// True when there is a correction to take back.
    #[must_use]
    pub fn can_undo(&self) -> bool {
        !self.corrections.undo.is_empty()
    }

    /// True when there is a correction taken back to make again.
    #[must_use]
    pub fn can_redo(&self) -> bool {
        !self.corrections.redo.is_empty()
    }

    /// Makes a correction of the stop `at`, tied to its first mention; with several
    /// articles, a correction of the stop's place or day is made in every article that
    /// tells the stop (at its first mention there), as the stop is theirs together.
    fn correct_stop(&mut self, at: StopRef, kind: &CorrectionKind) {
        let Some(stop) = self.stop(at) else {
            return;
        };
        let mut spans: Vec<Span> = Vec::new();
        if self.combined.is_none() || combine::after_merge(kind) {
            spans.extend(stop.mentions.first().copied());
        } else {
            let mut articles: Vec<usize> = Vec::new();
            for &m in &stop.mentions {
                if let Some((article, _)) = self.locate(m)
                    && !articles.contains(&article)
                {
                    articles.push(article);
                    spans.push(m);
                }
            }
        }
        self.correct(kind, &spans);
    }

    /// Merges actor `from` into actor `into` with a correction tied to `from`'s first
    /// mention that names `into` by its first mention (each kept against its own
    /// article's text, as the two may be named in different articles).
    fn merge_actors(&mut self, from: usize, into: usize) {
        let Some(target) = self
            .analysis()
            .and_then(|a| a.actors.get(into))
            .filter(|_| from != into)
        else {
            return;
        };
        let Some(span) = target.mentions.first().copied() else {
            self.error = Some(format!(
                "{} is never named in the text, so a merge has nothing to hold on to",
                target.name
            ));
            return;
        };
        let Some((into_article, local)) = self.locate(span) else {
            return;
        };
        let Some(into_mention) = self
            .corrections
            .articles
            .get(into_article)
            .and_then(|a| a.raw.text.get(local.start..local.end))
            .map(str::to_owned)
        else {
            return;
        };
        let kind = CorrectionKind::MergeActors {
            into: local,
            into_mention,
            into_article,
        };
        self.correct_actor(from, &kind);
    }

    /// Makes a correction of actor `actor`, tied to its first mention.
    fn correct_actor(&mut self, actor: usize, kind: &CorrectionKind) {
        let Some(actor) = self.analysis().and_then(|a| a.actors.get(actor)) else {
            return;
        };
        let Some(span) = actor.mentions.first().copied() else {
            self.error = Some(format!(
                "{} is never named in the text, so a correction has nothing to hold on to",
                actor.name
            ));
            return;
        };
        self.correct(kind, &[span]);
    }

    /// Adds corrections tied to the words at `spans` (of the shown text; each is kept
    /// against its article's own text), as one step of the history.
    fn correct(&mut self, kind: &CorrectionKind, spans: &[Span]) {
        let made: Vec<Correction> = spans
            .iter()
            .filter_map(|&span| {
                let (article, local) = self.locate(span)?;
                let raw = &self.corrections.articles.get(article)?.raw;
                let mut correction = Correction::new(kind.clone(), &raw.text, local)?;
                correction.article = article;
                Some(correction)
            })
            .collect();
        if made.is_empty() {
            return;
        }
        self.push_undo();
        self.corrections.list.extend(made);
        self.reapply();
    }

    /// The articles and corrections as they stand, for the history.
    fn work(&self) -> Work {
        Work {
            articles: self.corrections.articles.clone(),
            list: self.corrections.list.clone(),
        }
    }

    /// Keeps the work as it stands for undo, before a change.
    fn push_undo(&mut self) {
        let now = self.work();
        self.corrections.undo.push(now);
        self.corrections.redo.clear();
    }

    /// Puts `work` in force; returns what it replaced. (Call [`State::reapply`] next.)
    fn set_work(&mut self, work: Work) -> Work {
        let now = self.work();
        self.corrections.articles = work.articles;
        self.corrections.list = work.list;
        now
    }

    /// What to show for the articles and corrections in force: the analysis, how several
    /// articles lie in it, and which corrections applied. One article with no correction
    /// is shown as the pipeline gave it, without a copy.
    fn shown_now(&self) -> (Arc<Analysis>, Option<Combined>, Vec<bool>) {
        let articles = &self.corrections.articles;
        if let [only] = articles.as_slice()
            && self.corrections.list.is_empty()
        {
            return (only.raw.clone(), None, Vec::new());
        }
        let named: Vec<(&str, &Analysis)> = articles
            .iter()
            .map(|a| (a.name.as_str(), a.raw.as_ref()))
            .collect();
        let shown = combine::shown(&named, &self.corrections.list);
        (Arc::new(shown.analysis), shown.combined, shown.applied)
    }

    /// A span of the shown text as its article (by identity, so it survives articles
    /// added and removed) and the span in that article's text.
    fn anchor(&self, span: Span) -> Option<(usize, Span)> {
        let (article, local) = self.locate(span)?;
        let raw = &self.corrections.articles.get(article)?.raw;
        Some((Arc::as_ptr(raw) as usize, local))
    }

    /// The span of the shown text an [`State::anchor`] names, if its article is still
    /// shown.
    fn unanchor(&self, (id, local): (usize, Span)) -> Option<Span> {
        let article = self
            .corrections
            .articles
            .iter()
            .position(|a| Arc::as_ptr(&a.raw) as usize == id)?;
        let start = self.article_range(article)?.start;
        Some(Span::new(local.start + start, local.end + start))
    }

    /// Shows the articles with the corrections in force. The selection follows its stop
    /// (found by its first mention) when a correction moved it, else stays at the same
    /// place in the route (the next stop when the selected one left it); an actor keeps
    /// being shown or hidden wherever a correction puts it.
    fn reapply(&mut self) {
        self.corrections.generation += 1;
        self.place_choices = None;
        self.stop_choices = None;
        if self.corrections.articles.is_empty() || self.current.is_none() {
            return;
        }
        let selected_mention = self
            .selected
            .and_then(|at| self.stop(at))
            .and_then(|s| s.mentions.first().copied())
            .and_then(|m| self.anchor(m));
        let shown: Vec<(Option<(usize, Span)>, bool)> = self
            .analysis()
            .map(|a| {
                a.actors
                    .iter()
                    .enumerate()
                    .map(|(i, actor)| {
                        let key = actor.mentions.first().and_then(|&m| self.anchor(m));
                        (key, self.is_visible(i))
                    })
                    .collect()
            })
            .unwrap_or_default();
        let (analysis, combined, applied) = self.shown_now();
        self.corrections.applied = applied;
        // an article added or taken out moves the words after it: a selection is let go
        if self.combined.as_ref().map(|c| &c.starts) != combined.as_ref().map(|c| &c.starts) {
            self.text_selection = None;
        }
        self.combined = combined;
        let Some(current) = self.current.as_mut() else {
            return;
        };
        current.analysis = analysis;
        let keys: Vec<Option<(usize, Span)>> = current
            .analysis
            .actors
            .iter()
            .map(|actor| actor.mentions.first().copied())
            .collect::<Vec<_>>()
            .into_iter()
            .map(|m| m.and_then(|m| self.anchor(m)))
            .collect();
        self.actor_visible = keys
            .iter()
            .map(|key| shown.iter().find(|(k, _)| k == key).is_none_or(|(_, v)| *v))
            .collect();
        self.shown_article = self
            .shown_article
            .min(self.corrections.articles.len().saturating_sub(1));
        self.playing = false;
        // a merge can take away the actor the buttons walked through
        if self.active_actor >= keys.len() {
            self.active_actor = 0;
        }
        let Some(at) = self.selected else {
            return;
        };
        if let Some(mention) = selected_mention.and_then(|m| self.unanchor(m))
            && let Some(found) = self.find_stop(at.actor, usize::MAX, Some(mention))
        {
            self.select(found);
            return;
        }
        let len = self
            .analysis()
            .and_then(|a| a.actors.get(at.actor))
            .map_or(0, |a| a.stops.len());
        if len == 0 {
            self.selected = None;
        } else {
            self.select(StopRef {
                actor: at.actor,
                stop: at.stop.min(len - 1),
            });
        }
    }

    /// Shows a finished load in place of whatever was shown: its article, or a project's
    /// articles with their corrections, selection and view.
    fn open_loaded(&mut self, mut loaded: Loaded) {
        let opened = loaded.project.take();
        self.project_path = None;
        self.view = None;
        self.saves.asked = false;
        let stored = opened.as_ref().map(|o| o.project.articles.as_slice());
        let stored_source = |i: usize| stored.and_then(|a| a.get(i)?.source.clone());
        let stored_fetched = |i: usize| stored.and_then(|a| a.get(i)?.fetched.clone());
        let mut articles = vec![OpenArticle {
            name: loaded.name.clone(),
            source: loaded.path.clone().or_else(|| stored_source(0)),
            fetched: loaded.fetched.clone().or_else(|| stored_fetched(0)),
            raw: loaded.analysis.clone(),
        }];
        for (i, raw) in std::mem::take(&mut loaded.others).into_iter().enumerate() {
            let name = stored
                .and_then(|a| a.get(i + 1))
                .map_or_else(|| format!("Article {}", i + 2), |a| a.name.clone());
            articles.push(OpenArticle {
                name,
                source: stored_source(i + 1),
                fetched: stored_fetched(i + 1),
                raw,
            });
        }
        self.corrections = Corrections {
            articles,
            list: opened
                .iter()
                .flat_map(|o| &o.project.corrections)
                .cloned()
                .collect(),
            ..Corrections::default()
        };
        let (analysis, combined, applied) = self.shown_now();
        self.corrections.applied = applied;
        self.combined = combined;
        loaded.analysis = analysis;
        self.show(loaded);
        if let Some(opened) = opened {
            self.restore(*opened);
        }
        self.saves.mark_clean = true;
    }

    /// Adds a finished load to the articles shown, as one step of the history, and shows
    /// it in the article pane.
    fn add_article(&mut self, loaded: Loaded) {
        if let Some(path) = &loaded.path {
            remember(&mut self.settings.recent, path);
        }
        self.push_undo();
        self.notice = Some(format!("Added {}", loaded.name));
        self.corrections.articles.push(OpenArticle {
            name: loaded.name,
            source: loaded.path,
            fetched: loaded.fetched,
            raw: loaded.analysis,
        });
        self.reapply();
        self.shown_article = self.corrections.articles.len() - 1;
        self.request_fit();
    }

    /// Takes article `article` out, with its corrections, as one step of the history; the
    /// last article stays.
    fn remove_article(&mut self, article: usize) {
        let n = self.corrections.articles.len();
        if article >= n || n < 2 {
            return;
        }
        self.push_undo();
        let removed = self.corrections.articles.remove(article);
        self.notice = Some(format!("Removed {}", removed.name));
        // a merge into an actor the removed article named goes with it
        let names = |c: &Correction, d: usize| {
            c.article == d
                || matches!(c.kind, CorrectionKind::MergeActors { into_article, .. } if into_article == d)
        };
        self.corrections.list.retain(|c| !names(c, article));
        for c in &mut self.corrections.list {
            if c.article > article {
                c.article -= 1;
            }
            if let CorrectionKind::MergeActors { into_article, .. } = &mut c.kind
                && *into_article > article
            {
                *into_article -= 1;
            }
        }
        if self.shown_article > article {
            self.shown_article -= 1;
        }
        self.reapply();
        self.request_fit();
    }

    /// Starts reading article `article` again against `date` (`None`: its publication
    /// date); [`State::redated`] shows the result.
    fn redate(&mut self, article: usize, date: Option<NaiveDate>) -> Vec<Effect> {
        let Some(open) = self.corrections.articles.get(article) else {
            return Vec::new();
        };
        let raw = &open.raw;
        if raw.reference_date == date.or(raw.published) {
            return Vec::new();
        }
        if self.loading.is_some() {
            self.error = Some("Wait until the article being read is shown, then date it".into());
            return Vec::new();
        }
        let input = Input::Dated {
            name: open.name.clone(),
            document: crate::ingest::Document {
                title: raw.title.clone(),
                published: raw.published,
                text: raw.text.clone(),
            },
            reference_date: date,
        };
        let effects = self.start_job(input, false);
        if let Some(loading) = &mut self.loading {
            loading.redating = Some(article);
        }
        effects
    }

    /// Shows article `article` read against another reference date, as one step of the
    /// history; its corrections, the other articles and the selection stay.
    fn redated(&mut self, article: usize, loaded: Loaded) {
        // the article may have been taken out meanwhile: its text tells
        if self
            .corrections
            .articles
            .get(article)
            .is_none_or(|a| a.raw.text != loaded.analysis.text)
        {
            return;
        }
        // the selection by its first mention, for the new analysis has a new identity
        let selected = self.selected.and_then(|at| {
            let mention = self.stop(at)?.mentions.first().copied()?;
            Some((at, self.locate(mention)?))
        });
        self.push_undo();
        self.notice = Some(match loaded.analysis.reference_date {
            Some(date) => format!("{} read as of {}", loaded.name, date.format("%-d %B %Y")),
            None => format!("{} read with no date", loaded.name),
        });
        self.corrections.articles[article].raw = loaded.analysis;
        self.reapply();
        if let Some((at, (d, local))) = selected
            && d == article
            && let Some(start) = self.article_range(d).map(|r| r.start)
            && let Some(found) = self.find_stop(
                at.actor,
                usize::MAX,
                Some(Span::new(local.start + start, local.end + start)),
            )
        {
            self.select(found);
        }
    }

    /// Puts the opened project's selection and view back.
    fn restore(&mut self, opened: OpenedProject) {
        let OpenedProject { path, project } = opened;
        remember(&mut self.settings.recent_projects, &path);
        self.project_path = Some(path);
        if let Some(saved) = project.selected {
            self.selected = self.find_selection(saved);
            if let Some(at) = self.selected {
                self.active_actor = at.actor;
                self.show_article_of(at);
            }
        } else {
            self.selected = None;
        }
        if let Some(view) = project.view {
            self.view = Some(view);
            self.request_camera(CameraTarget::View(view));
        }
    }

    /// The stop a saved selection meant: the one with its mention, else the same indices.
    fn find_selection(&self, saved: Selection) -> Option<StopRef> {
        let start = self.article_range(saved.article).map(|r| r.start);
        let mention = saved
            .mention
            .zip(start)
            .map(|(m, start)| Span::new(m.start + start, m.end + start));
        self.find_stop(saved.actor, saved.stop, mention)
    }

    /// The stop with `mention` (of the shown text), else the stop at these indices.
    fn find_stop(&self, actor: usize, stop: usize, mention: Option<Span>) -> Option<StopRef> {
        let analysis = self.analysis()?;
        if let Some(mention) = mention {
            for (a, found) in analysis.actors.iter().enumerate() {
                if let Some(s) = found
                    .stops
                    .iter()
                    .position(|s| s.mentions.contains(&mention))
                {
                    return Some(StopRef { actor: a, stop: s });
                }
            }
        }
        let at = StopRef { actor, stop };
        self.stop(at).map(|_| at)
    }

    /// With several articles, shows in the article pane the article behind the stop's
    /// first quote (else its first mention).
    fn show_article_of(&mut self, at: StopRef) {
        if self.combined.is_none() {
            return;
        }
        let first = self.stop(at).and_then(|s| {
            s.evidence
                .first()
                .map(|e| e.span)
                .or_else(|| s.mentions.first().copied())
        });
        if let Some((article, _)) = first.and_then(|span| self.locate(span)) {
            self.shown_article = article;
        }
    }

    fn show(&mut self, loaded: Loaded) {
        if let Some(path) = &loaded.path {
            remember(&mut self.settings.recent, path);
        }
        let actors = loaded.analysis.actors.len();
        self.actor_visible = vec![true; actors];
        self.active_actor = loaded
            .analysis
            .actors
            .iter()
            .position(|a| !a.stops.is_empty())
            .unwrap_or(0);
        self.selected = None;
        self.place_choices = None;
        self.text_selection = None;
        self.stop_choices = None;
        self.playing = false;
        self.shown_article = 0;
        self.current = Some(loaded);
        if self.active_len() > 0 {
            self.selected = Some(StopRef {
                actor: self.active_actor,
                stop: 0,
            });
        }
        self.request_fit();
    }

    fn select(&mut self, at: StopRef) {
        let Some(stop) = self.stop(at) else {
            return;
        };
        let point = stop.place.latlon;
        if self.place_choices.as_ref().is_some_and(|p| p.at != at) {
            self.place_choices = None;
        }
        self.selected = Some(at);
        self.active_actor = at.actor;
        self.show_article_of(at);
        if let Some(v) = self.actor_visible.get_mut(at.actor) {
            *v = true;
        }
        if point.is_valid() {
            self.request_camera(CameraTarget::Point(point));
        }
    }

    /// Moves along the active actor's route: `to(current, len)` gives the new index;
    /// `from_nothing` is used when nothing is selected.
    fn step(&mut self, to: impl Fn(usize, usize) -> usize, from_nothing: usize) {
        let n = self.active_len();
        if n == 0 {
            return;
        }
        let index = match self.selected {
            Some(s) if s.actor == self.active_actor => to(s.stop, n),
            _ => from_nothing,
        }
        .min(n - 1);
        if self.playing && self.selected.is_some_and(|s| s.stop == index) {
            self.playing = false;
        }
        self.select(StopRef {
            actor: self.active_actor,
            stop: index,
        });
    }

    fn request_fit(&mut self) {
        let points = self.visible_points();
        if !points.is_empty() {
            self.request_camera(CameraTarget::Fit(points));
        }
    }

    fn request_camera(&mut self, target: CameraTarget) {
        let serial = self.camera.as_ref().map_or(1, |c| c.serial + 1);
        self.camera = Some(Camera { serial, target });
    }
}

/// Puts `path` first in a recent list.
fn remember(list: &mut Vec<PathBuf>, path: &PathBuf) {
    list.retain(|p| p != path);
    list.insert(0, path.clone());
    list.truncate(MAX_RECENT);
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::testing::{second_article_analysis, three_stop_analysis};

    fn loaded_state() -> State {
        crate::ui::testing::state_with(three_stop_analysis())
    }

    #[test]
    fn loading_selects_the_first_stop_and_fits_the_route() {
        let state = loaded_state();
        assert_eq!(state.selected, Some(StopRef { actor: 0, stop: 0 }));
        assert!(matches!(
            state.camera.as_ref().map(|c| &c.target),
            Some(CameraTarget::Fit(p)) if p.len() == 4
        ));
        assert_eq!(state.settings.recent, vec![PathBuf::from("/tmp/a.txt")]);
        assert!(state.loading.is_none());
    }

    #[test]
    fn stepping_walks_the_route_and_stops_at_the_ends() {
        let mut state = loaded_state();
        let table = [
            (Action::Next, 1),
            (Action::Next, 2),
            (Action::Next, 2),
            (Action::Previous, 1),
            (Action::Last, 2),
            (Action::First, 0),
            (Action::Previous, 0),
        ];
        for (action, expected) in table {
            let label = format!("{action:?}");
            state.apply(action);
            assert_eq!(state.selected.map(|s| s.stop), Some(expected), "{label}");
        }
    }

    #[test]
    fn next_moves_the_camera_to_the_second_stop() {
        let mut state = loaded_state();
        let before = state.camera.as_ref().map(|c| c.serial);
        state.apply(Action::Next);
        let camera = state.camera.clone().unwrap();
        assert!(Some(camera.serial) > before);
        let second = state
            .stop(StopRef { actor: 0, stop: 1 })
            .unwrap()
            .place
            .latlon;
        assert_eq!(camera.target, CameraTarget::Point(second));
    }

    #[test]
    fn a_stale_job_result_is_ignored() {
        let mut state = loaded_state();
        state.apply(Action::Open(Input::Path("/nope".into())));
        state.apply(Action::LoadFailed {
            job: 1,
            message: "old".into(),
        });
        assert!(state.error.is_none());
        assert!(state.loading.is_some());
        let job = state.loading.as_ref().unwrap().job;
        state.apply(Action::LoadFailed {
            job,
            message: "this is not a text file".into(),
        });
        assert_eq!(
            state.error.as_deref(),
            Some("Could not open nope: this is not a text file")
        );
    }

    #[test]
    fn cancelling_forgets_the_job() {
        let mut state = State::default();
        state.apply(Action::Open(Input::Path("/big.txt".into())));
        assert_eq!(state.apply(Action::CancelLoad), vec![Effect::Cancel]);
        assert!(state.loading.is_none());
        assert!(state.apply(Action::CancelLoad).is_empty());
    }

    #[test]
    fn hiding_an_actor_clears_its_selection() {
        let mut state = loaded_state();
        state.apply(Action::ToggleActor(0));
        assert!(state.selected.is_none());
        assert!(!state.is_visible(0));
        state.apply(Action::Select(StopRef { actor: 0, stop: 2 }));
        assert!(state.is_visible(0));
    }

    #[test]
    fn clicking_a_mention_selects_its_stop() {
        let mut state = loaded_state();
        let stop = state.stop(StopRef { actor: 1, stop: 0 }).unwrap().clone();
        state.apply(Action::SelectAtOffset(stop.mentions[0].start + 1));
        assert_eq!(state.selected, Some(StopRef { actor: 1, stop: 0 }));
        assert_eq!(state.active_actor, 1);
    }

    #[test]
    fn autoplay_starts_from_the_beginning_when_at_the_end() {
        let mut state = loaded_state();
        state.apply(Action::Last);
        state.apply(Action::TogglePlay);
        assert!(state.playing);
        assert_eq!(state.selected.map(|s| s.stop), Some(0));
        state.apply(Action::Next);
        state.apply(Action::Next);
        state.apply(Action::Next);
        assert!(!state.playing, "autoplay stops at the last stop");
    }

    #[test]
    fn an_empty_analysis_is_shown_without_selection() {
        let mut state = State::default();
        let job = match &state.apply(Action::Open(Input::Path("a".into())))[0] {
            Effect::Load { job, .. } => *job,
            other => panic!("{other:?}"),
        };
        let mut analysis = three_stop_analysis();
        analysis.actors.clear();
        analysis.places.clear();
        state.apply(Action::Loaded {
            job,
            loaded: Box::new(Loaded {
                name: "a".into(),
                path: None,
                fetched: None,
                analysis: Arc::new(analysis),
                project: None,
                others: Vec::new(),
            }),
        });
        assert!(state.selected.is_none());
        for action in [
            Action::Next,
            Action::Last,
            Action::TogglePlay,
            Action::FitRoute,
        ] {
            state.apply(action);
        }
        assert!(state.selected.is_none() && !state.playing);
    }

    fn saving_state() -> (State, PathBuf) {
        let mut state = loaded_state();
        state.apply(Action::SaveProjectAs("/tmp/envoy".into()));
        (state, PathBuf::from("/tmp/envoy.itinera"))
    }

    fn expect_save(state: &mut State, path: &std::path::Path) -> u64 {
        match state.autosave() {
            Some(Effect::SaveProject { path: p, revision }) if p == path => revision,
            other => panic!("expected a save to {}, got {other:?}", path.display()),
        }
    }

    #[test]
    fn nothing_is_saved_before_the_first_save() {
        let mut state = loaded_state();
        state.apply(Action::Next);
        assert!(state.dirty());
        assert_eq!(state.autosave(), None);
        assert_eq!(state.title(), "*t — itinera");
    }

    #[test]
    fn after_the_first_save_every_change_is_saved_one_save_at_a_time() {
        let (mut state, path) = saving_state();
        assert_eq!(state.settings.recent_projects, vec![path.clone()]);
        assert_eq!(state.title(), "*envoy — itinera");
        let first = expect_save(&mut state, &path);
        assert_eq!(state.autosave(), None, "one save at a time");
        state.apply(Action::Next);
        assert_eq!(state.autosave(), None, "still writing the first");
        state.apply(Action::ProjectSaved {
            path: path.clone(),
            revision: first,
        });
        assert!(state.dirty(), "the change came after the first save began");
        let second = expect_save(&mut state, &path);
        assert!(second > first);
        state.apply(Action::ProjectSaved {
            path: path.clone(),
            revision: second,
        });
        assert!(!state.dirty());
        assert_eq!(state.title(), "envoy — itinera");
        assert_eq!(state.autosave(), None);
        // where the map first comes to rest is no change; moving it afterwards is one
        let view = MapView {
            lat: 47.0,
            lon: 19.0,
            zoom: 7.0,
        };
        state.apply(Action::ViewChanged(view));
        assert_eq!(state.autosave(), None);
        state.apply(Action::ViewChanged(MapView { zoom: 8.0, ..view }));
        expect_save(&mut state, &path);
    }

    #[test]
    fn a_failed_save_is_shown_and_retried_only_after_the_next_change_or_when_asked() {
        let (mut state, path) = saving_state();
        let revision = expect_save(&mut state, &path);
        state.apply(Action::ProjectSaveFailed {
            path: path.clone(),
            revision,
            message: "Permission denied; the file on disk is as it was".into(),
        });
        assert_eq!(
            state.error.as_deref(),
            Some("Could not save envoy.itinera: Permission denied; the file on disk is as it was")
        );
        assert!(state.dirty());
        assert_eq!(state.autosave(), None, "no retry loop");
        state.apply(Action::SaveProject);
        expect_save(&mut state, &path);
        state.apply(Action::ProjectSaveFailed {
            path: path.clone(),
            revision,
            message: "still no".into(),
        });
        state.apply(Action::Next);
        expect_save(&mut state, &path);
    }

    #[test]
    fn save_without_a_file_asks_where() {
        let mut state = loaded_state();
        assert_eq!(
            state.apply(Action::SaveProject),
            vec![Effect::PickProjectPath]
        );
        let mut empty = State::default();
        assert!(empty.apply(Action::SaveProject).is_empty());
        assert_eq!(
            empty.error.as_deref(),
            Some("Open an article before saving a project")
        );
    }

    #[test]
    fn a_project_file_opens_as_a_project() {
        let mut state = State::default();
        let effects = state.apply(Action::Open(Input::Path("/tmp/Trip.ITINERA".into())));
        assert!(matches!(
            &effects[..],
            [Effect::Load { input: Input::Project(p), .. }] if p == &PathBuf::from("/tmp/Trip.ITINERA")
        ));
    }

    #[test]
    fn the_snapshot_holds_the_article_the_selection_and_the_view() {
        let mut state = loaded_state();
        state.apply(Action::Select(StopRef { actor: 1, stop: 0 }));
        let view = MapView {
            lat: 48.1,
            lon: 17.1,
            zoom: 9.5,
        };
        state.apply(Action::ViewChanged(view));
        let project = state.project_snapshot().unwrap();
        let analysis = state.analysis().unwrap();
        assert_eq!(project.articles.len(), 1);
        let article = &project.articles[0];
        assert_eq!(article.text, analysis.text);
        assert_eq!(article.title.as_deref(), Some("Envoy on the Danube"));
        assert_eq!(article.source, Some(PathBuf::from("/tmp/a.txt")));
        assert_eq!(article.reference_date, analysis.reference_date);
        let bratislava = analysis.text.find("Bratislava").unwrap();
        assert_eq!(
            project.selected,
            Some(Selection {
                actor: 1,
                stop: 0,
                mention: Some(crate::span::Span::new(bratislava, bratislava + 10)),
                article: 0,
            })
        );
        assert_eq!(project.view, Some(view));
    }

    #[test]
    fn reopening_restores_the_selection_by_its_mention_and_the_view() {
        let mut saved = loaded_state();
        saved.apply(Action::Select(StopRef { actor: 1, stop: 0 }));
        let mut project = saved.project_snapshot().unwrap();
        // a newer pipeline numbered the stops differently: the mention still finds it
        project.selected = project.selected.map(|s| Selection {
            actor: 0,
            stop: 2,
            ..s
        });
        project.view = Some(MapView {
            lat: 1.0,
            lon: 2.0,
            zoom: 3.0,
        });
        let path = PathBuf::from(crate::ui::testing::PROJECT_PATH);
        let mut state = crate::ui::testing::state_opened(project.clone(), Vec::new());
        assert_eq!(state.selected, Some(StopRef { actor: 1, stop: 0 }));
        assert_eq!(state.active_actor, 1);
        assert_eq!(
            state.camera.as_ref().map(|c| &c.target),
            Some(&CameraTarget::View(project.view.unwrap()))
        );
        assert_eq!(state.project_path, Some(path.clone()));
        assert!(!state.dirty());
        assert_eq!(
            state.autosave(),
            None,
            "nothing changed since it was opened"
        );
        assert_eq!(state.settings.recent_projects, vec![path]);
        assert!(
            state.settings.recent.is_empty(),
            "the project, not its article"
        );
        assert_eq!(state.title(), "envoy — itinera");
    }

    #[test]
    fn an_export_leaves_out_hidden_actors() {
        let mut state = loaded_state();
        state.apply(Action::ToggleActor(0));
        let exported = state.export_analysis().unwrap();
        assert_eq!(exported.actors.len(), 1);
        assert_eq!(exported.actors[0].name, "Deputy");
        let path = PathBuf::from("/tmp/route.gpx");
        assert_eq!(
            state.apply(Action::Export {
                format: Format::Gpx,
                path: "/tmp/route".into(),
            }),
            vec![Effect::Export {
                format: Format::Gpx,
                path
            }]
        );
    }

    #[test]
    fn a_map_image_is_a_png_of_an_open_article() {
        let mut state = State::default();
        state.apply(Action::ExportImage("/tmp/map".into()));
        assert_eq!(
            state.error.as_deref(),
            Some("Open an article before exporting")
        );
        let mut state = loaded_state();
        assert_eq!(
            state.apply(Action::ExportImageDialog),
            vec![Effect::PickImagePath]
        );
        for (asked, written) in [
            ("/tmp/route", "/tmp/route.png"),
            ("/tmp/route.PNG", "/tmp/route.PNG"),
            ("/tmp/route.v2", "/tmp/route.v2.png"),
        ] {
            assert_eq!(
                state.apply(Action::ExportImage(asked.into())),
                vec![Effect::CaptureMap(written.into())],
                "{asked}"
            );
        }
    }

    fn names(state: &State, actor: usize) -> Vec<String> {
        crate::ui::testing::route_names(state, actor)
    }

    /// A state that opened `project` from `/tmp/envoy.itinera` with the test analysis.
    fn opened(project: Project) -> State {
        // the fake pipeline's analysis of every further article
        let others = (1..project.articles.len())
            .map(|_| Arc::new(second_article_analysis()))
            .collect();
        crate::ui::testing::state_opened(project, others)
    }

    #[test]
    fn not_a_stop_removes_the_stop_and_undo_and_redo_bring_it_back_and_take_it_again() {
        let mut state = loaded_state();
        assert!(!state.can_undo() && !state.can_redo());
        state.apply(Action::Select(StopRef { actor: 0, stop: 1 }));
        state.apply(Action::NotAStop(StopRef { actor: 0, stop: 1 }));
        assert_eq!(names(&state, 0), ["Vienna", "Belgrade"]);
        assert_eq!(
            state.selected,
            Some(StopRef { actor: 0, stop: 1 }),
            "the next stop"
        );
        assert!(state.dirty());
        let correction = state
            .corrections()
            .next()
            .map(|(c, applied)| (c.clone(), applied));
        let (correction, applied) = correction.unwrap();
        assert!(applied);
        assert_eq!(correction.mention, "Budapest");
        assert_eq!(correction.kind, CorrectionKind::NotAStop);
        state.apply(Action::Undo);
        assert_eq!(names(&state, 0), ["Vienna", "Budapest", "Belgrade"]);
        assert!(!state.can_undo() && state.can_redo());
        state.apply(Action::Redo);
        assert_eq!(names(&state, 0), ["Vienna", "Belgrade"]);
        state.apply(Action::NotAStop(StopRef { actor: 1, stop: 0 }));
        assert!(names(&state, 1).is_empty());
        state.apply(Action::Undo);
        state.apply(Action::Undo);
        assert_eq!(names(&state, 0).len(), 3);
        assert_eq!(names(&state, 1), ["Bratislava"]);
        // a new correction after undoing forgets what could be redone
        state.apply(Action::NotAStop(StopRef { actor: 0, stop: 0 }));
        assert!(!state.can_redo());
        assert_eq!(names(&state, 0), ["Budapest", "Belgrade"]);
        // an export writes the corrected route
        let exported = state.export_analysis().unwrap();
        assert_eq!(exported.actors[0].stops.len(), 2);
    }

    #[test]
    fn corrections_are_saved_in_the_project_and_applied_when_it_is_opened() {
        let mut state = loaded_state();
        state.apply(Action::NotAStop(StopRef { actor: 0, stop: 1 }));
        let project = state.project_snapshot().unwrap();
        assert_eq!(project.corrections.len(), 1);
        let reopened = opened(project);
        assert_eq!(names(&reopened, 0), ["Vienna", "Belgrade"]);
        assert!(reopened.corrections().all(|(_, applied)| applied));
        assert!(
            !reopened.can_undo(),
            "the history is not part of the project"
        );
        assert!(!reopened.dirty());
    }

    #[test]
    fn a_project_of_several_articles_keeps_them_all_and_their_corrections() {
        let mut state = loaded_state();
        state.apply(Action::NotAStop(StopRef { actor: 0, stop: 1 }));
        let mut project = state.project_snapshot().unwrap();
        let second = second_article_analysis();
        project.articles.push(Article {
            title: second.title.clone(),
            published: second.published,
            reference_date: second.reference_date,
            ..Article::from_text("second.txt", &second.text)
        });
        // the second article's Sofia is no stop
        let sofia = second.text.find("Sofia").unwrap();
        let mut theirs = Correction::new(
            CorrectionKind::NotAStop,
            &second.text,
            Span::new(sofia, sofia + "Sofia".len()),
        )
        .unwrap();
        theirs.article = 1;
        project.corrections.insert(0, theirs);
        let mut reopened = opened(project.clone());
        assert_eq!(reopened.articles().len(), 2);
        assert_eq!(reopened.articles()[1].name, "second.txt");
        assert_eq!(names(&reopened, 0), ["Vienna", "Belgrade"]);
        assert!(reopened.corrections().all(|(_, applied)| applied));
        reopened.apply(Action::NotAStop(StopRef { actor: 0, stop: 0 }));
        let saved = reopened.project_snapshot().unwrap();
        // (the test's load names the first article as it likes; the loader takes the
        // project's name)
        assert_eq!(saved.articles[0].text, project.articles[0].text);
        assert_eq!(saved.articles[1], project.articles[1]);
        let mentions: Vec<(usize, &str)> = saved
            .corrections
            .iter()
            .map(|c| (c.article, c.mention.as_str()))
            .collect();
        assert_eq!(mentions, [(1, "Sofia"), (0, "Budapest"), (0, "Vienna")]);
    }

    /// Adds `analysis` to the state's articles as a finished load would.
    fn add(state: &mut State, name: &str, analysis: Analysis) {
        let effects = state.apply(Action::AddArticle(Input::Text {
            name: name.into(),
            text: "x".into(),
        }));
        let Some(Effect::Load { job, .. }) = effects.first().cloned() else {
            panic!("no load: {effects:?}");
        };
        assert!(state.loading.as_ref().is_some_and(|l| l.adding));
        state.apply(Action::Loaded {
            job,
            loaded: Box::new(Loaded {
                name: name.into(),
                path: Some(format!("/tmp/{name}").into()),
                fetched: None,
                analysis: Arc::new(analysis),
                project: None,
                others: Vec::new(),
            }),
        });
    }

    #[test]
    fn an_added_article_is_merged_into_the_route_and_undo_takes_it_out() {
        let mut state = loaded_state();
        add(&mut state, "b.txt", second_article_analysis());
        assert_eq!(state.articles().len(), 2);
        assert_eq!(
            names(&state, 0),
            ["Vienna", "Budapest", "Belgrade", "Sofia"]
        );
        assert_eq!(state.shown_article, 1, "the new article is shown");
        assert_eq!(state.selected, Some(StopRef { actor: 0, stop: 0 }));
        assert_eq!(state.notice.as_deref(), Some("Added b.txt"));
        assert_eq!(
            state.settings.recent,
            [PathBuf::from("/tmp/b.txt"), PathBuf::from("/tmp/a.txt")]
        );
        // Belgrade is told by both, a day apart
        let told = state.told(StopRef { actor: 0, stop: 2 }).unwrap();
        assert_eq!(told.articles(), [0, 1]);
        assert_eq!(told.disagreements.len(), 1);
        // the second article's stretch of the text is its own text
        let range = state.article_range(1).unwrap();
        assert_eq!(
            state.analysis().unwrap().text[range],
            second_article_analysis().text
        );
        assert!(state.dirty(), "a change a project keeps");
        state.apply(Action::Undo);
        assert_eq!(state.articles().len(), 1);
        assert_eq!(names(&state, 0), ["Vienna", "Budapest", "Belgrade"]);
        assert!(state.told(StopRef { actor: 0, stop: 2 }).is_none());
        assert_eq!(state.shown_article, 0);
        state.apply(Action::Redo);
        assert_eq!(names(&state, 0).len(), 4);
    }

    #[test]
    fn dating_an_article_reads_it_again_alone_as_one_undoable_step() {
        let mut state = loaded_state();
        add(&mut state, "b.txt", second_article_analysis());
        state.apply(Action::Select(StopRef { actor: 0, stop: 3 }));
        let first = state.articles()[0].raw.clone();
        let day = NaiveDate::from_ymd_opt(2025, 6, 1);
        // the date in force already: nothing to read again
        let same = second_article_analysis().reference_date;
        let none = state.apply(Action::SetReferenceDate {
            article: 1,
            date: same,
        });
        assert!(none.is_empty());
        let effects = state.apply(Action::SetReferenceDate {
            article: 1,
            date: day,
        });
        let [Effect::Load { job, input }] = effects.as_slice() else {
            panic!("no load: {effects:?}");
        };
        let Input::Dated {
            name,
            document,
            reference_date,
        } = input
        else {
            panic!("not a dated reading: {input:?}");
        };
        assert_eq!((name.as_str(), *reference_date), ("b.txt", day));
        assert_eq!(document.text, second_article_analysis().text);
        assert_eq!(state.loading.as_ref().and_then(|l| l.redating), Some(1));
        let mut dated = second_article_analysis();
        dated.reference_date = day;
        state.apply(Action::Loaded {
            job: *job,
            loaded: Box::new(Loaded {
                name: "b.txt".into(),
                path: None,
                fetched: None,
                analysis: Arc::new(dated),
                project: None,
                others: Vec::new(),
            }),
        });
        assert_eq!(state.articles().len(), 2);
        assert!(
            Arc::ptr_eq(&state.articles()[0].raw, &first),
            "the other stays"
        );
        assert_eq!(state.articles()[1].raw.reference_date, day);
        assert_eq!(state.articles()[1].source, Some("/tmp/b.txt".into()));
        assert_eq!(state.selected, Some(StopRef { actor: 0, stop: 3 }));
        assert_eq!(
            state.project_snapshot().unwrap().articles[1].reference_date,
            day
        );
        state.apply(Action::Undo);
        assert_eq!(state.articles()[1].raw.reference_date, same);
        assert_eq!(state.articles().len(), 2);
    }

    #[test]
    fn selecting_a_stop_shows_the_article_of_its_first_quote() {
        let mut state = loaded_state();
        add(&mut state, "b.txt", second_article_analysis());
        let table = [(0, 0), (3, 1), (2, 0), (1, 0)];
        for (stop, article) in table {
            state.apply(Action::Select(StopRef { actor: 0, stop }));
            assert_eq!(state.shown_article, article, "stop {stop}");
        }
        state.apply(Action::ShowArticle(1));
        assert_eq!(state.shown_article, 1);
        state.apply(Action::ShowArticle(7));
        assert_eq!(state.shown_article, 1, "no such article");
        // a click in the second article's text selects its stop
        let sofia = state.analysis().unwrap().text.rfind("Sofia").unwrap();
        state.apply(Action::SelectAtOffset(sofia + 1));
        assert_eq!(state.selected, Some(StopRef { actor: 0, stop: 3 }));
    }

    #[test]
    fn a_stop_several_articles_tell_is_corrected_in_each() {
        let mut state = loaded_state();
        add(&mut state, "b.txt", second_article_analysis());
        let belgrade = StopRef { actor: 0, stop: 2 };
        state.apply(Action::SetDate {
            at: belgrade,
            date: NaiveDate::from_ymd_opt(2025, 6, 8).unwrap(),
            time: None,
        });
        let made: Vec<(usize, &str)> = state
            .corrections()
            .map(|(c, _)| (c.article, c.mention.as_str()))
            .collect();
        assert_eq!(made, [(0, "Belgrade"), (1, "Belgrade")]);
        assert!(state.told(belgrade).unwrap().disagreements.is_empty());
        // one step of the history
        state.apply(Action::Undo);
        assert_eq!(state.corrections().count(), 0);
        assert_eq!(state.told(belgrade).unwrap().disagreements.len(), 1);
        // the merged route's order is corrected once, after merging
        state.apply(Action::Select(StopRef { actor: 0, stop: 3 }));
        state.apply(Action::MoveStop {
            at: StopRef { actor: 0, stop: 3 },
            by: -1,
        });
        assert_eq!(
            names(&state, 0),
            ["Vienna", "Budapest", "Sofia", "Belgrade"]
        );
        assert_eq!(state.corrections().count(), 1);
        assert_eq!(state.selected, Some(StopRef { actor: 0, stop: 2 }));
        assert_eq!(
            state
                .told(StopRef { actor: 0, stop: 3 })
                .unwrap()
                .articles(),
            [0, 1]
        );
    }

    #[test]
    fn a_removed_article_takes_its_corrections_and_undo_brings_both_back() {
        let mut state = loaded_state();
        add(&mut state, "b.txt", second_article_analysis());
        add(&mut state, "c.txt", second_article_analysis());
        state.apply(Action::NotAStop(StopRef { actor: 0, stop: 3 }));
        let articles = |s: &State| s.corrections().map(|(c, _)| c.article).collect::<Vec<_>>();
        assert_eq!(articles(&state), [1, 2], "Sofia, in both of its articles");
        state.apply(Action::RemoveArticle(1));
        assert_eq!(state.articles().len(), 2);
        assert_eq!(state.articles()[1].name, "c.txt");
        assert_eq!(
            articles(&state),
            [1],
            "the third article's is now the second's"
        );
        assert_eq!(names(&state, 0), ["Vienna", "Budapest", "Belgrade"]);
        state.apply(Action::Undo);
        assert_eq!(state.articles().len(), 3);
        assert_eq!(articles(&state), [1, 2]);
        // the last article stays
        state.apply(Action::RemoveArticle(2));
        state.apply(Action::RemoveArticle(1));
        state.apply(Action::RemoveArticle(0));
        assert_eq!(state.articles().len(), 1);
        assert_eq!(names(&state, 0), ["Vienna", "Budapest", "Belgrade"]);
        assert!(state.told(StopRef { actor: 0, stop: 0 }).is_none());
    }

    #[test]
    fn a_file_dropped_on_open_work_waits_for_the_users_choice() {
        let mut state = State::default();
        let file = Input::Path("/tmp/b.txt".into());
        // nothing shown: it opens
        let effects = state.apply(Action::Dropped(file.clone()));
        assert!(matches!(&effects[..], [Effect::Load { .. }]));
        let mut state = loaded_state();
        assert!(state.apply(Action::Dropped(file.clone())).is_empty());
        assert_eq!(state.dropped, Some(file.clone()));
        state.apply(Action::DismissDropped);
        assert_eq!(state.dropped, None);
        state.apply(Action::Dropped(file.clone()));
        let effects = state.apply(Action::AddArticle(file.clone()));
        assert!(matches!(&effects[..], [Effect::Load { input, .. }] if input == &file));
        assert!(state.dropped.is_none() && state.loading.as_ref().unwrap().adding);
        // a project is opened, never added
        let project = Input::Path("/tmp/trip.itinera".into());
        let effects = state.apply(Action::Dropped(project.clone()));
        assert!(
            matches!(
                &effects[..],
                [Effect::Load {
                    input: Input::Project(_),
                    ..
                }]
            ),
            "{effects:?}"
        );
        assert!(!state.loading.as_ref().unwrap().adding);
        assert!(state.apply(Action::AddArticle(project)).is_empty());
        assert!(state.error.is_some());
    }

    #[test]
    fn added_articles_in_no_project_file_are_not_dropped_without_asking() {
        let mut state = loaded_state();
        let other = Input::Path("/tmp/c.txt".into());
        add(&mut state, "b.txt", second_article_analysis());
        assert!(state.apply(Action::Open(other.clone())).is_empty());
        assert_eq!(state.ask_discard, Some(Pending::Open(other)));
        assert_eq!(
            state.apply(Action::CloseRequested),
            vec![Effect::CancelClose]
        );
    }

    #[test]
    fn a_correction_that_no_longer_matches_is_kept_and_reported() {
        let mut state = loaded_state();
        state.apply(Action::NotAStop(StopRef { actor: 0, stop: 1 }));
        let mut project = state.project_snapshot().unwrap();
        project.corrections[0].span.start += 1;
        project.corrections[0].span.end += 1;
        let reopened = opened(project.clone());
        assert_eq!(names(&reopened, 0).len(), 3, "nothing removed");
        let report: Vec<bool> = reopened.corrections().map(|(_, applied)| applied).collect();
        assert_eq!(report, [false]);
        assert_eq!(
            reopened.project_snapshot().unwrap().corrections,
            project.corrections
        );
    }

    #[test]
    fn opening_another_article_asks_before_dropping_unsaved_corrections() {
        let mut state = loaded_state();
        let other = Input::Path("/tmp/b.txt".into());
        state.apply(Action::NotAStop(StopRef { actor: 0, stop: 1 }));
        assert!(state.apply(Action::Open(other.clone())).is_empty());
        assert_eq!(state.ask_discard, Some(Pending::Open(other.clone())));
        assert!(state.loading.is_none());
        state.apply(Action::CancelOpen);
        assert_eq!(state.ask_discard, None);
        assert_eq!(names(&state, 0).len(), 2, "still the corrected route");
        state.apply(Action::Open(other.clone()));
        let effects = state.apply(Action::DiscardAndProceed);
        assert!(matches!(&effects[..], [Effect::Load { input, .. }] if input == &other));
    }

    #[test]
    fn opening_another_article_waits_for_the_projects_last_save() {
        let (mut state, path) = saving_state();
        let first = expect_save(&mut state, &path);
        state.apply(Action::NotAStop(StopRef { actor: 0, stop: 1 }));
        let other = Input::Path("/tmp/b.txt".into());
        assert!(state.apply(Action::Open(other.clone())).is_empty());
        assert!(state.loading.is_none() && state.ask_discard.is_none());
        // the first save lands; the correction's save follows, and then the open
        let effects = state.apply(Action::ProjectSaved {
            path: path.clone(),
            revision: first,
        });
        assert!(effects.is_empty());
        let second = expect_save(&mut state, &path);
        let effects = state.apply(Action::ProjectSaved {
            path: path.clone(),
            revision: second,
        });
        assert!(matches!(&effects[..], [Effect::Load { input, .. }] if input == &other));
        // had that save failed, the user would have been asked
        let (mut state, path) = saving_state();
        let revision = expect_save(&mut state, &path);
        state.apply(Action::NotAStop(StopRef { actor: 0, stop: 1 }));
        state.apply(Action::Open(other.clone()));
        state.apply(Action::ProjectSaveFailed {
            path,
            revision,
            message: "disk full".into(),
        });
        assert_eq!(state.ask_discard, Some(Pending::Open(other)));
    }

    #[test]
    fn closing_the_window_asks_before_dropping_unsaved_corrections() {
        let mut state = loaded_state();
        assert_eq!(state.apply(Action::CloseRequested), vec![Effect::Close]);
        state.apply(Action::NotAStop(StopRef { actor: 0, stop: 1 }));
        assert_eq!(
            state.apply(Action::CloseRequested),
            vec![Effect::CancelClose]
        );
        assert_eq!(state.ask_discard, Some(Pending::Quit));
        assert_eq!(state.apply(Action::DiscardAndProceed), vec![Effect::Close]);
        // saved in a project, they are not asked about
        let (mut state, path) = saving_state();
        state.apply(Action::NotAStop(StopRef { actor: 0, stop: 1 }));
        let revision = expect_save(&mut state, &path);
        state.apply(Action::ProjectSaved { path, revision });
        assert_eq!(state.apply(Action::CloseRequested), vec![Effect::Close]);
    }

    #[test]
    fn speed_is_clamped() {
        let mut state = State::default();
        state.apply(Action::SetSpeed(100.0));
        assert!((state.settings.seconds_per_stop - SPEED_RANGE.end()).abs() < f32::EPSILON);
    }

    fn point(state: &State, actor: usize, stop: usize) -> LatLon {
        state.stop(StopRef { actor, stop }).unwrap().place.latlon
    }

    #[test]
    fn a_chosen_place_moves_the_stop_closes_the_list_and_undoes() {
        let mut state = loaded_state();
        let at = StopRef { actor: 0, stop: 1 };
        state.apply(Action::Select(at));
        let mut place = state.stop(at).unwrap().place.clone();
        place.id = "geonames:4185379".into();
        place.latlon = LatLon::new(33.9, -84.4);
        state.apply(Action::ShowPlaceChoices(Some(PlaceChoices {
            at,
            query: "Budapest".into(),
            candidates: vec![place.clone()],
        })));
        // selecting another stop closes the list; the same one keeps it
        state.apply(Action::Select(at));
        assert!(state.place_choices.is_some());
        state.apply(Action::Select(StopRef { actor: 0, stop: 0 }));
        assert!(state.place_choices.is_none());
        state.apply(Action::Select(at));
        state.apply(Action::ChoosePlace { at, place });
        assert_eq!(point(&state, 0, 1), LatLon::new(33.9, -84.4));
        assert_eq!(state.selected, Some(at));
        assert!(state.dirty());
        state.apply(Action::Undo);
        assert_eq!(point(&state, 0, 1), LatLon::new(47.4979, 19.0402));
        state.apply(Action::Redo);
        assert_eq!(point(&state, 0, 1), LatLon::new(33.9, -84.4));
        // saved as version 2, and put back on opening
        let project = state.project_snapshot().unwrap();
        assert_eq!(project.version, 2);
        assert_eq!(point(&opened(project), 0, 1), LatLon::new(33.9, -84.4));
    }

    #[test]
    fn a_date_reorders_the_route_and_the_selection_follows_its_stop() {
        let mut state = loaded_state();
        let belgrade = StopRef { actor: 0, stop: 2 };
        state.apply(Action::Select(belgrade));
        state.apply(Action::SetDate {
            at: belgrade,
            date: NaiveDate::from_ymd_opt(2025, 6, 5).unwrap(),
            time: None,
        });
        assert_eq!(names(&state, 0), ["Vienna", "Belgrade", "Budapest"]);
        assert_eq!(state.selected, Some(StopRef { actor: 0, stop: 1 }));
        state.apply(Action::MoveStop {
            at: StopRef { actor: 0, stop: 1 },
            by: -1,
        });
        assert_eq!(names(&state, 0), ["Belgrade", "Vienna", "Budapest"]);
        assert_eq!(state.selected, Some(StopRef { actor: 0, stop: 0 }));
        state.apply(Action::Undo);
        state.apply(Action::Undo);
        assert_eq!(names(&state, 0), ["Vienna", "Budapest", "Belgrade"]);
        assert_eq!(state.selected, Some(belgrade));
    }

    #[test]
    fn the_traveller_comes_first_keeps_its_visibility_and_a_blank_name_is_refused() {
        let mut state = loaded_state();
        // the envoy hidden: she stays hidden wherever she goes
        state.apply(Action::ToggleActor(0));
        state.apply(Action::MakeTraveller(1));
        let actors: Vec<String> = state
            .analysis()
            .unwrap()
            .actors
            .iter()
            .map(|a| a.name.clone())
            .collect();
        assert_eq!(actors, ["Deputy", "Envoy"]);
        assert_eq!(state.actor_visible, [true, false]);
        state.apply(Action::RenameActor {
            actor: 0,
            name: "  ".into(),
        });
        assert_eq!(
            state.error.as_deref(),
            Some("An actor's name cannot be empty")
        );
        assert_eq!(state.corrections().count(), 1);
        state.apply(Action::RenameActor {
            actor: 1,
            name: " Ana Ortiz ".into(),
        });
        assert_eq!(state.analysis().unwrap().actors[1].name, "Ana Ortiz");
        // an actor index that does not exist changes nothing
        state.apply(Action::MakeTraveller(9));
        assert_eq!(state.corrections().count(), 2);
    }
}

#[cfg(test)]
mod workbench_tests {
    use super::*;
    use crate::span::Span;
    use crate::ui::testing::{state_with, three_stop_analysis};

    use crate::ui::testing::{actor_names as actors, route_names as route};

    /// A state that opened `project` (as a reopened file does) with the test analysis
    /// first and `others` after it.
    fn reopened(project: Project, others: Vec<Arc<Analysis>>) -> State {
        crate::ui::testing::state_opened(project, others)
    }

    #[test]
    fn a_stop_added_from_selected_words_joins_the_traveller_in_text_order_and_undoes() {
        let mut state = state_with(three_stop_analysis());
        let text = state.analysis().unwrap().text.clone();
        let start = text.find("Atlantis").unwrap();
        let span = Span::new(start, start + "Atlantis".len());
        // a selection off the text, or of nothing, is no selection
        state.apply(Action::SelectText(Some(Span::new(start, start + 10_000))));
        assert_eq!(state.text_selection, None);
        state.apply(Action::SelectText(Some(span)));
        assert_eq!(state.text_selection, Some(span));
        let mut place = state
            .stop(StopRef { actor: 0, stop: 0 })
            .unwrap()
            .place
            .clone();
        place.id = "geonames:3370352".into();
        place.name = "Atlantis".into();
        place.latlon = LatLon::new(-33.57, 18.48);
        let choices = StopChoices {
            span,
            query: "Atlantis".into(),
            candidates: vec![place.clone()],
        };
        state.apply(Action::ShowStopChoices(Some(choices)));
        assert!(state.stop_choices.is_some());
        state.apply(Action::AddStop { span, place });
        assert_eq!(
            route(&state, 0),
            ["Vienna", "Budapest", "Belgrade", "Atlantis"]
        );
        assert_eq!(state.selected, Some(StopRef { actor: 0, stop: 3 }));
        assert!(state.text_selection.is_none() && state.stop_choices.is_none());
        let resolved = state
            .analysis()
            .unwrap()
            .places
            .iter()
            .find(|p| p.span == span);
        assert_eq!(
            resolved.unwrap().resolved.as_ref().unwrap().name,
            "Atlantis"
        );
        state.apply(Action::Undo);
        assert_eq!(route(&state, 0), ["Vienna", "Budapest", "Belgrade"]);
        state.apply(Action::Redo);
        assert_eq!(route(&state, 0).len(), 4);
        let project = state.project_snapshot().unwrap();
        assert_eq!(project.version, 3);
        assert_eq!(route(&reopened(project, Vec::new()), 0).len(), 4);
    }

    #[test]
    fn merging_two_actors_makes_one_route_that_undoes_and_is_kept() {
        let mut state = state_with(three_stop_analysis());
        state.apply(Action::MergeActors { from: 0, into: 0 });
        assert!(!state.can_undo(), "an actor is not merged into itself");
        // with nothing selected, the deputy's route walked through, merged away
        state.apply(Action::Select(StopRef { actor: 1, stop: 0 }));
        state.apply(Action::ClearSelection);
        state.apply(Action::MergeActors { from: 1, into: 0 });
        assert_eq!(state.active_actor, 0);
        assert_eq!(state.active_len(), 4);
        state.apply(Action::Undo);
        state.apply(Action::MergeActors { from: 1, into: 0 });
        assert_eq!(actors(&state), ["Envoy"]);
        assert_eq!(
            route(&state, 0),
            ["Vienna", "Budapest", "Belgrade", "Bratislava"]
        );
        assert_eq!(state.actor_visible, [true]);
        state.apply(Action::Undo);
        assert_eq!(actors(&state), ["Envoy", "Deputy"]);
        assert_eq!(state.actor_visible, [true, true]);
        // the traveller merged into the deputy: the deputy's name, first
        state.apply(Action::Select(StopRef { actor: 0, stop: 1 }));
        state.apply(Action::MergeActors { from: 0, into: 1 });
        assert_eq!(actors(&state), ["Deputy"]);
        assert_eq!(route(&state, 0).len(), 4);
        assert_eq!(
            state.selected,
            Some(StopRef { actor: 0, stop: 1 }),
            "still Budapest"
        );
        let project = state.project_snapshot().unwrap();
        assert_eq!(project.version, 3);
        let again = reopened(project, Vec::new());
        assert_eq!(actors(&again), ["Deputy"]);
        assert_eq!(route(&again, 0), route(&state, 0));
    }
}

#[cfg(test)]
mod workbench_articles_tests {
    //! "Add as stop" and "Merge into…" with several articles shown.
    use super::*;
    use crate::span::Span;
    use crate::ui::testing::{second_article_analysis, state_with, three_stop_analysis};

    use crate::ui::testing::{actor_names as actors, route_names as route};

    /// The test analysis with `second` added as a finished load would add it.
    fn two_articles(second: Analysis) -> State {
        let mut state = state_with(three_stop_analysis());
        let effects = state.apply(Action::AddArticle(Input::Text {
            name: "b.txt".into(),
            text: "x".into(),
        }));
        let Some(Effect::Load { job, .. }) = effects.first().cloned() else {
            panic!("no load: {effects:?}");
        };
        state.apply(Action::Loaded {
            job,
            loaded: Box::new(Loaded {
                name: "b.txt".into(),
                path: None,
                fetched: None,
                analysis: Arc::new(second),
                project: None,
                others: Vec::new(),
            }),
        });
        state
    }

    /// `state`'s project opened again (the first article as the test analysis, the
    /// second as `second`).
    fn reopened(state: &State, second: Analysis) -> State {
        let project = state.project_snapshot().unwrap();
        crate::ui::testing::state_opened(project, vec![Arc::new(second)])
    }

    /// The span of `word` in the second article, in the text shown.
    fn in_second(state: &State, word: &str) -> Span {
        let range = state.article_range(1).unwrap();
        let start = range.start + state.analysis().unwrap().text[range].find(word).unwrap();
        Span::new(start, start + word.len())
    }

    fn nis(state: &State) -> Candidate {
        let mut place = state
            .stop(StopRef { actor: 0, stop: 0 })
            .unwrap()
            .place
            .clone();
        place.id = "geonames:787657".into();
        place.name = "Niš".into();
        place.latlon = LatLon::new(43.32, 21.9);
        place
    }

    #[test]
    fn a_stop_added_in_the_second_article_joins_the_merged_route_where_that_article_tells_it() {
        let mut state = two_articles(second_article_analysis());
        // words across the two articles are no selection
        let across = Span::new(
            in_second(&state, "The").start - 4,
            in_second(&state, "envoy").end,
        );
        state.apply(Action::SelectText(Some(across)));
        assert_eq!(state.text_selection, None);
        // told after Belgrade and before Sofia in the second article
        let span = in_second(&state, "officials");
        state.apply(Action::SelectText(Some(span)));
        assert_eq!(state.text_selection, Some(span));
        let place = nis(&state);
        state.apply(Action::AddStop { span, place });
        assert_eq!(
            route(&state, 0),
            ["Vienna", "Budapest", "Belgrade", "Niš", "Sofia"]
        );
        assert_eq!(state.selected, Some(StopRef { actor: 0, stop: 3 }));
        let (made, applied) = state.corrections().next().unwrap();
        assert!(applied);
        assert_eq!((made.article, made.mention.as_str()), (1, "officials"));
        let local = second_article_analysis().text.find("officials").unwrap();
        assert_eq!(made.span.start, local, "in the second article's own text");
        assert_eq!(
            state
                .told(StopRef { actor: 0, stop: 3 })
                .unwrap()
                .articles(),
            [1]
        );
        state.apply(Action::Undo);
        assert_eq!(route(&state, 0).len(), 4);
        state.apply(Action::Redo);
        let again = reopened(&state, second_article_analysis());
        assert_eq!(route(&again, 0), route(&state, 0));
        // words selected in one article are let go when another is shown or when the
        // articles change
        state.apply(Action::SelectText(Some(span)));
        state.apply(Action::ShowArticle(1));
        assert_eq!(state.text_selection, Some(span));
        state.apply(Action::ShowArticle(0));
        assert_eq!(state.text_selection, None);
        state.apply(Action::SelectText(Some(span)));
        // taking the second article out takes its added stop
        state.apply(Action::RemoveArticle(1));
        assert_eq!(state.text_selection, None);
        assert_eq!(route(&state, 0), ["Vienna", "Budapest", "Belgrade"]);
    }

    #[test]
    fn an_actor_of_one_article_merges_into_an_actor_of_the_other() {
        // the second article's traveller goes by another name: two actors
        let mut second = second_article_analysis();
        second.actors[0].name = "Minister".into();
        let mut state = two_articles(second.clone());
        assert_eq!(actors(&state), ["Envoy", "Minister", "Deputy"]);
        state.apply(Action::MergeActors { from: 1, into: 0 });
        assert_eq!(actors(&state), ["Envoy", "Deputy"]);
        assert_eq!(
            route(&state, 0),
            ["Vienna", "Budapest", "Belgrade", "Sofia"],
            "one Belgrade: both routes reach it one after the other"
        );
        let (made, applied) = state.corrections().next().unwrap();
        assert!(applied);
        assert_eq!((made.article, made.mention.as_str()), (1, "envoy"));
        assert_eq!(
            made.kind,
            CorrectionKind::MergeActors {
                into: Span::new(4, 9),
                into_mention: "envoy".into(),
                into_article: 0,
            }
        );
        // the merged stops still say who told them: Belgrade, both, a day apart
        let told = state.told(StopRef { actor: 0, stop: 3 }).unwrap();
        assert_eq!(told.articles(), [1]);
        let belgrade = state.told(StopRef { actor: 0, stop: 2 }).unwrap();
        assert_eq!(belgrade.articles(), [0, 1]);
        assert_eq!(belgrade.disagreements.len(), 1);
        assert_eq!(belgrade.disagreements[0].1.value, "2025-06-09");
        // and the other way: the envoy merged into the second article's minister
        state.apply(Action::Undo);
        state.apply(Action::MergeActors { from: 0, into: 1 });
        assert_eq!(actors(&state), ["Minister", "Deputy"]);
        let (made, _) = state.corrections().next().unwrap();
        assert!(matches!(
            made.kind,
            CorrectionKind::MergeActors {
                into_article: 1,
                ..
            }
        ));
        let project = state.project_snapshot().unwrap();
        assert_eq!(project.version, 3);
        let again = reopened(&state, second.clone());
        assert_eq!(actors(&again), ["Minister", "Deputy"]);
        assert_eq!(route(&again, 0), route(&state, 0));
        // an article named by the merge taken out takes the merge with it
        state.apply(Action::RemoveArticle(1));
        assert_eq!(actors(&state), ["Envoy", "Deputy"]);
        assert_eq!(state.corrections().count(), 0);
    }
}
