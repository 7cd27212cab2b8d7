//! The app's plain state and the one place it changes: [`State::apply`].
//!
//! Nothing here names egui: the state is unit-tested on its own.

use std::path::PathBuf;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::analysis::Analysis;
use crate::geo::LatLon;
use crate::movement::Stop;

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
}

impl Input {
    /// What to call this input in the window.
    #[must_use]
    pub fn name(&self) -> String {
        match self {
            Input::Path(p) => p.file_name().map_or_else(
                || p.display().to_string(),
                |n| n.to_string_lossy().into_owned(),
            ),
            Input::Text { name, .. } | Input::Bytes { name, .. } => name.clone(),
        }
    }
}

/// A finished analysis, ready to show.
#[derive(Clone, Debug)]
pub struct Loaded {
    /// What to call it in the window.
    pub name: String,
    /// The file it came from, if any (goes to the recent list).
    pub path: Option<PathBuf>,
    /// The analysis.
    pub analysis: Arc<Analysis>,
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
}

/// Everything the user can do.
#[derive(Clone, Debug)]
pub enum Action {
    /// Analyse an input (file, pasted text, sample).
    Open(Input),
    /// Show the file dialog.
    OpenDialog,
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
    /// Stop the running job.
    Cancel,
    /// The tile source changed.
    TilesChanged,
    /// The theme changed.
    ThemeChanged,
    /// The online place search was turned on or off.
    OnlineLookupChanged,
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
    next_job: u64,
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

    /// Applies one action; returns the outside work it calls for.
    pub fn apply(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Open(input) => {
                self.next_job += 1;
                let job = self.next_job;
                self.loading = Some(Loading {
                    name: input.name(),
                    job,
                });
                self.error = None;
                self.paste_open = false;
                return vec![Effect::Load { job, input }];
            }
            Action::OpenDialog => return vec![Effect::PickFile],
            Action::Loaded { job, loaded } => {
                if self.loading.as_ref().is_some_and(|l| l.job == job) {
                    self.loading = None;
                    self.show(*loaded);
                }
            }
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
            Action::ClearSelection => self.selected = None,
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
        }
        Vec::new()
    }

    fn show(&mut self, loaded: Loaded) {
        if let Some(path) = &loaded.path {
            self.settings.recent.retain(|p| p != path);
            self.settings.recent.insert(0, path.clone());
            self.settings.recent.truncate(MAX_RECENT);
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
        self.playing = false;
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
        self.selected = Some(at);
        self.active_actor = at.actor;
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ui::testing::three_stop_analysis;

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
                analysis: Arc::new(analysis),
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

    #[test]
    fn speed_is_clamped() {
        let mut state = State::default();
        state.apply(Action::SetSpeed(100.0));
        assert!((state.settings.seconds_per_stop - SPEED_RANGE.end()).abs() < f32::EPSILON);
    }
}
