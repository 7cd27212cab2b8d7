//! The desktop app. The only module that names egui, eframe or walkers.
//!
//! [`App`] holds plain state; the panels are functions that return [`state::Action`]s,
//! and [`state::State::apply`] is the one place the state changes. Analyses run on a
//! background thread ([`loader`]); the map keeps the embedded Natural Earth basemap under
//! the tiles so the route stays readable offline.

pub mod article;
pub mod articles;
pub mod basemap;
pub mod combine;
pub mod itinerary;
pub mod loader;
pub mod map;
pub mod map_image;
pub mod projects;
pub mod state;
pub mod style;
pub mod testing;
pub mod writer;

use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::mpsc::Receiver;
use std::sync::{Arc, OnceLock};
use std::time::Instant;

use egui::{Key, Modifiers, RichText, Ui};

use self::article::ArticleView;
use self::loader::{Analyzer, Loader};
use self::map::MapView;
use self::state::{Action, Effect, Input, Settings, State, StopRef, ThemeChoice, TileChoice};

/// The bundled sample article, opened on first start and from Help.
pub const SAMPLE_ARTICLE: &str = include_str!("../../assets/sample/danube_envoy.txt");
/// The name the sample is shown under.
pub const SAMPLE_NAME: &str = "Sample article";
const SETTINGS_KEY: &str = "itinera-settings";
/// Set (to anything) to have the app print, once, how long after launch the first frame
/// showing a route was drawn.
pub const STARTUP_TIME_VAR: &str = "ITINERA_STARTUP_TIME";

static LAUNCHED: OnceLock<Instant> = OnceLock::new();

/// Notes the moment the process started its work; `main` calls it first thing, and the
/// startup time of [`STARTUP_TIME_VAR`] is measured from here.
pub fn mark_launch() {
    let _ = LAUNCHED.set(Instant::now());
}

/// How the app is set up: the window uses [`AppConfig::desktop`]; tests and benchmarks keep
/// the network off and may stand in for the pipeline.
pub struct AppConfig {
    /// Fetch map tiles over the network.
    pub network: bool,
    /// What turns a document into an analysis.
    pub analyzer: Analyzer,
    /// Files to open at start.
    pub files: Vec<PathBuf>,
    /// Open the sample when no file is given and it was never shown.
    pub sample_on_first_start: bool,
    /// Look for system fonts for more scripts.
    pub system_fonts: bool,
    /// Read by the analyzer: search online for places the gazetteer lacks. The app keeps it
    /// in step with the setting.
    pub online_lookup: Arc<AtomicBool>,
}

impl AppConfig {
    /// The configuration of the real window.
    #[must_use]
    pub fn desktop(files: Vec<PathBuf>) -> Self {
        let online_lookup = Arc::new(AtomicBool::new(false));
        Self {
            network: true,
            analyzer: loader::pipeline_with_online(Arc::clone(&online_lookup)),
            files,
            sample_on_first_start: true,
            system_fonts: true,
            online_lookup,
        }
    }

    /// No network, no system fonts, no sample: for tests and benchmarks.
    #[must_use]
    pub fn offline(analyzer: Analyzer) -> Self {
        Self {
            network: false,
            analyzer,
            files: Vec::new(),
            sample_on_first_start: false,
            system_fonts: false,
            online_lookup: Arc::new(AtomicBool::new(false)),
        }
    }
}

/// The app.
pub struct App {
    /// Everything the user sees, as plain data.
    pub state: State,
    /// The map panel.
    pub map: MapView,
    /// The article panel.
    pub article: ArticleView,
    loader: Loader,
    ctx: egui::Context,
    fonts: Option<Receiver<FontFiles>>,
    /// A file dialog's answer to come, and whether it adds an article (else it opens one).
    picked: Option<(Receiver<PathBuf>, bool)>,
    paste_text: String,
    custom_url: String,
    last_tick: Option<f64>,
    cards_scrolled_to: Option<StopRef>,
    route_drawn: bool,
    projects: projects::Projects,
    online_lookup: Arc<AtomicBool>,
}

impl App {
    /// A new app drawing into `ctx`.
    #[must_use]
    pub fn new(ctx: &egui::Context, settings: Settings, config: AppConfig) -> Self {
        let custom_url = settings.custom_url.clone();
        let mut app = Self {
            state: State::new(settings),
            map: MapView::new(config.network),
            article: ArticleView::default(),
            loader: Loader::new(config.analyzer),
            ctx: ctx.clone(),
            fonts: None,
            picked: None,
            paste_text: String::new(),
            custom_url,
            last_tick: None,
            cards_scrolled_to: None,
            route_drawn: false,
            projects: projects::Projects::default(),
            online_lookup: config.online_lookup,
        };
        app.apply_theme();
        app.apply_online_lookup();
        let tiles = app.state.settings.tiles.clone();
        app.map.set_tiles(&tiles, ctx);
        if config.system_fonts {
            app.fonts = spawn_font_search(ctx);
        }
        if let Some(first) = config.files.into_iter().next() {
            app.act(Action::Open(Input::Path(first)));
        } else if config.sample_on_first_start && !app.state.settings.seen_sample {
            app.state.settings.seen_sample = true;
            app.act(Action::Open(sample_input()));
        }
        app
    }

    /// Shows an analysis as if a file had just been opened (tests, benchmarks).
    pub fn show_analysis(&mut self, name: &str, analysis: crate::Analysis) {
        self.act(Action::Open(Input::Text {
            name: name.into(),
            text: String::new(),
        }));
        self.loader.cancel();
        if let Some(job) = self.state.loading.as_ref().map(|l| l.job) {
            self.act(Action::Loaded {
                job,
                loaded: Box::new(state::Loaded {
                    name: name.into(),
                    path: None,
                    fetched: None,
                    analysis: std::sync::Arc::new(analysis),
                    project: None,
                    others: Vec::new(),
                }),
            });
        }
    }

    /// Applies an action and carries out what it calls for, then saves the project when
    /// it has a file and something changed.
    pub fn act(&mut self, action: Action) {
        for effect in self.state.apply(action) {
            match effect {
                Effect::Load { job, input } => self.loader.start(job, input, &self.ctx),
                Effect::Cancel => self.loader.cancel(),
                Effect::PickFile => self.pick_file(false),
                Effect::PickArticle => self.pick_file(true),
                Effect::TilesChanged => {
                    let tiles = self.state.settings.tiles.clone();
                    self.map.set_tiles(&tiles, &self.ctx);
                }
                Effect::ThemeChanged => self.apply_theme(),
                Effect::OnlineLookupChanged => self.apply_online_lookup(),
                // projects, exports, corrections (projects.rs)
                other => self.project_effect(other),
            }
        }
        if let Some(save) = self.state.autosave() {
            self.project_effect(save);
        }
    }

    /// Passes the online-search setting to the analyzer.
    fn apply_online_lookup(&self) {
        self.online_lookup
            .store(self.state.settings.online_lookup, Ordering::Relaxed);
    }

    fn apply_theme(&self) {
        let preference = match self.state.settings.theme {
            ThemeChoice::System => egui::ThemePreference::System,
            ThemeChoice::Light => egui::ThemePreference::Light,
            ThemeChoice::Dark => egui::ThemePreference::Dark,
        };
        self.ctx.set_theme(preference);
    }

    /// The file dialog runs on its own thread so the window keeps drawing; its file is
    /// opened, or added to the articles shown when `add`.
    fn pick_file(&mut self, add: bool) {
        let tx_ctx = self.ctx.clone();
        let (tx, rx) = std::sync::mpsc::channel::<PathBuf>();
        let spawned = std::thread::Builder::new()
            .name("itinera-file-dialog".into())
            .spawn(move || {
                let mut dialog = rfd::FileDialog::new()
                    .set_title(if add { "Add article" } else { "Open article" })
                    .add_filter("Articles", &["txt", "html", "htm", "md", "markdown"]);
                if !add {
                    // a project is opened, never added to another
                    dialog = dialog.add_filter("itinera projects", &[crate::project::EXTENSION]);
                }
                let picked = dialog.add_filter("All files", &["*"]).pick_file();
                if let Some(path) = picked {
                    let _ = tx.send(path);
                    tx_ctx.request_repaint();
                }
            });
        if spawned.is_ok() {
            self.picked = Some((rx, add));
        }
    }

    fn poll_background(&mut self) {
        for action in self.loader.poll() {
            self.act(action);
        }
        self.poll_projects();
        if let Some((rx, add)) = &self.picked
            && let Ok(path) = rx.try_recv()
        {
            let input = Input::Path(path);
            let action = if *add {
                Action::AddArticle(input)
            } else {
                Action::Open(input)
            };
            self.picked = None;
            self.act(action);
        }
        if let Some(rx) = &self.fonts
            && let Ok(found) = rx.try_recv()
        {
            for (name, bytes) in found {
                self.ctx.add_font(style::fallback_font(&name, bytes));
            }
            self.fonts = None;
        }
    }

    /// Draws one frame into `ui` (the whole window).
    pub fn show(&mut self, ui: &mut Ui) {
        self.ctx = ui.ctx().clone();
        self.poll_background();
        let mut actions: Vec<Action> = Vec::new();
        actions.extend(self.input_actions(ui.ctx()));
        self.autoplay(ui.ctx(), &mut actions);

        egui::Panel::top("itinera-top").show(ui, |ui| {
            egui::MenuBar::new().ui(ui, |ui| self.menus(ui, &mut actions));
            ui.add_space(2.0);
            self.toolbar(ui, &mut actions);
            ui.add_space(2.0);
        });
        egui::Panel::bottom("itinera-status").show(ui, |ui| self.status_bar(ui, &mut actions));
        egui::Panel::left("itinera-article")
            .resizable(true)
            .default_size(style::ARTICLE_WIDTH)
            .min_size(220.0)
            .show(ui, |ui| {
                // the words selected in the text, to add as a stop (stays in sight)
                actions.extend(article::selection_ui(ui, &self.state));
                egui::ScrollArea::vertical()
                    .id_salt("article-scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| actions.extend(self.article.show(ui, &self.state)));
            });
        egui::Panel::right("itinera-itinerary")
            .resizable(true)
            .default_size(style::ITINERARY_WIDTH)
            .min_size(240.0)
            .show(ui, |ui| {
                ui.heading("Itinerary");
                actions.extend(itinerary::actors_ui(ui, &self.state));
                ui.separator();
                let scroll = self.state.selected != self.cards_scrolled_to;
                self.cards_scrolled_to = self.state.selected;
                egui::ScrollArea::vertical()
                    .id_salt("cards-scroll")
                    .auto_shrink([false, false])
                    .show(ui, |ui| {
                        if self.state.current.is_none() {
                            ui.label(
                                RichText::new("Stops appear here once an article is open.").weak(),
                            );
                        }
                        actions.extend(itinerary::cards_ui(ui, &self.state, scroll));
                    });
            });
        if self.state.current.is_some() {
            egui::Panel::bottom("itinera-timeline")
                .exact_size(style::TIMELINE_HEIGHT)
                .show(ui, |ui| {
                    ui.add_space(4.0);
                    actions.extend(itinerary::timeline_ui(ui, &self.state));
                });
        }
        egui::CentralPanel::no_frame().show(ui, |ui| {
            if let Some(error) = self.state.error.clone() {
                error_banner(ui, &error, &mut actions);
            }
            let dark = ui.visuals().dark_mode;
            actions.extend(self.map.show(ui, &self.state, dark));
        });
        self.project_frame(ui.ctx(), &mut actions);

        self.dialogs(ui.ctx(), &mut actions);
        drop_overlay(ui.ctx());
        if !self.route_drawn && self.state.active_len() > 0 {
            self.route_drawn = true;
            report_startup();
        }
        for action in actions {
            self.act(action);
        }
        if self.state.loading.is_some() {
            ui.ctx()
                .request_repaint_after(std::time::Duration::from_millis(100));
        }
    }

    fn input_actions(&self, ctx: &egui::Context) -> Vec<Action> {
        let mut out = Vec::new();
        let typing = ctx.text_edit_focused() || self.state.paste_open;
        out.extend(self.close_request(ctx));
        ctx.input_mut(|i| {
            for file in std::mem::take(&mut i.raw.dropped_files) {
                let path = file.path().to_path_buf();
                if path.is_absolute() {
                    out.push(Action::Dropped(Input::Path(path)));
                } else {
                    // No usable path (a browser, a virtual file): read what it holds.
                    let name = path.display().to_string();
                    match file.bytes() {
                        Ok(bytes) => out.push(Action::Dropped(Input::Bytes {
                            name,
                            bytes: bytes.into(),
                        })),
                        Err(message) => out.push(Action::ShowError(format!(
                            "Could not read {name}: {message}"
                        ))),
                    }
                }
            }
            if typing {
                return;
            }
            for event in &i.events {
                if let egui::Event::Paste(text) = event
                    && !text.trim().is_empty()
                {
                    out.push(Action::Open(Input::typed(text.clone())));
                }
            }
            let keys = [
                (Key::ArrowRight, Action::Next),
                (Key::ArrowLeft, Action::Previous),
                (Key::Home, Action::First),
                (Key::End, Action::Last),
                (Key::Space, Action::TogglePlay),
            ];
            for (key, action) in keys {
                if i.consume_key(Modifiers::NONE, key) {
                    out.push(action);
                }
            }
            if i.consume_key(Modifiers::COMMAND, Key::O) {
                out.push(Action::OpenDialog);
            }
            out.extend(projects::keys(i));
        });
        out
    }

    fn autoplay(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if !self.state.playing {
            self.last_tick = None;
            return;
        }
        let now = ctx.input(|i| i.time);
        let every = f64::from(self.state.settings.seconds_per_stop);
        let last = *self.last_tick.get_or_insert(now);
        if now - last >= every {
            self.last_tick = Some(now);
            actions.push(Action::Next);
        }
        let wait = (every - (now - self.last_tick.unwrap_or(now))).max(0.02);
        ctx.request_repaint_after(std::time::Duration::from_secs_f64(wait));
    }

    fn menus(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        ui.menu_button("File", |ui| {
            if ui
                .button("Open article…")
                .on_hover_text("Open a text, HTML or Markdown file (Ctrl+O)")
                .clicked()
            {
                actions.push(Action::OpenDialog);
            }
            if ui
                .add_enabled(
                    self.state.current.is_some(),
                    egui::Button::new("Add article…"),
                )
                .on_hover_text(
                    "Add another article about the same journey: its route is merged with the \
                     one shown, every stop naming the articles that tell it",
                )
                .on_disabled_hover_text("Open an article first")
                .clicked()
            {
                actions.push(Action::AddArticleDialog);
            }
            if ui
                .button("Paste article…")
                .on_hover_text("Paste the text of an article (or press Ctrl+V)")
                .clicked()
            {
                actions.push(Action::ShowPaste(true));
            }
            if ui
                .button("Open address…")
                .on_hover_text(
                    "Paste or type the web address of an article: it is fetched and read",
                )
                .clicked()
            {
                actions.push(Action::ShowPaste(true));
            }
            ui.menu_button("Open recent", |ui| {
                if self.state.settings.recent.is_empty() {
                    ui.label(RichText::new("No recent files").weak());
                }
                for path in self.state.settings.recent.clone() {
                    let name = path.file_name().map_or_else(
                        || path.display().to_string(),
                        |n| n.to_string_lossy().into_owned(),
                    );
                    if ui
                        .button(name)
                        .on_hover_text(path.display().to_string())
                        .clicked()
                    {
                        actions.push(Action::Open(Input::Path(path)));
                    }
                }
                ui.separator();
                if ui
                    .button("Clear recent files")
                    .on_hover_text("Forget this list")
                    .clicked()
                {
                    actions.push(Action::ClearRecent);
                }
            });
            if ui
                .button("Open the sample article")
                .on_hover_text("A short news story about a journey along the Danube")
                .clicked()
            {
                actions.push(Action::Open(sample_input()));
            }
            ui.separator();
            self.project_menu(ui, actions);
            ui.separator();
            if ui
                .button("Quit")
                .on_hover_text("Close the window")
                .clicked()
            {
                ui.ctx().send_viewport_cmd(egui::ViewportCommand::Close);
            }
        });
        ui.menu_button("Edit", |ui| self.edit_menu(ui, actions));
        ui.menu_button("View", |ui| {
            for (choice, label) in [
                (ThemeChoice::System, "System theme"),
                (ThemeChoice::Light, "Light theme"),
                (ThemeChoice::Dark, "Dark theme"),
            ] {
                if ui
                    .radio(self.state.settings.theme == choice, label)
                    .on_hover_text("Colours of the window")
                    .clicked()
                {
                    actions.push(Action::SetTheme(choice));
                }
            }
            ui.separator();
            if ui
                .button("Fit route")
                .on_hover_text("Show every stop on the map")
                .clicked()
            {
                actions.push(Action::FitRoute);
            }
        });
        ui.menu_button("Map", |ui| self.tile_menu(ui, actions));
        ui.menu_button("Settings", |ui| {
            let mut on = self.state.settings.online_lookup;
            let available = cfg!(feature = "online");
            let hint = if available {
                "Ask nominatim.openstreetmap.org for place names the built-in gazetteer lacks, \
                 at most once a second; answers are cached on disk. Off by default."
            } else {
                "This build of itinera has no online search (cargo feature `online`)."
            };
            if ui
                .add_enabled(
                    available,
                    egui::Checkbox::new(&mut on, "Search online for unknown places"),
                )
                .on_hover_text(hint)
                .on_disabled_hover_text(hint)
                .changed()
            {
                actions.push(Action::SetOnlineLookup(on));
            }
        });
        ui.menu_button("Help", |ui| {
            if ui
                .button("Open the sample article")
                .on_hover_text("A short news story about a journey along the Danube")
                .clicked()
            {
                actions.push(Action::Open(sample_input()));
            }
            if ui
                .button("About itinera")
                .on_hover_text("Version, credits and shortcuts")
                .clicked()
            {
                actions.push(Action::ShowAbout(true));
            }
        });
    }

    fn tile_menu(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        let current = self.state.settings.tiles.clone();
        for (choice, tip) in [
            (
                TileChoice::OpenStreetMap,
                "Standard OpenStreetMap tiles (needs the internet)",
            ),
            (
                TileChoice::OpenTopoMap,
                "Topographic tiles from OpenTopoMap (needs the internet)",
            ),
            (
                TileChoice::BasemapOnly,
                "The Natural Earth map built into itinera; works offline",
            ),
        ] {
            if ui
                .radio(current == choice, choice.label())
                .on_hover_text(tip)
                .clicked()
            {
                actions.push(Action::SetTiles(choice));
            }
        }
        ui.separator();
        ui.label("Custom XYZ URL");
        ui.add(
            egui::TextEdit::singleline(&mut self.custom_url)
                .hint_text("https://…/{z}/{x}/{y}.png")
                .desired_width(260.0),
        )
        .on_hover_text("A tile server address with {z}, {x} and {y}");
        let valid = map::valid_template(&self.custom_url);
        let use_custom = ui
            .add_enabled(valid, egui::Button::new("Use custom tiles"))
            .on_hover_text("Load tiles from the address above")
            .on_disabled_hover_text(
                "The address needs http(s):// and the {z}, {x} and {y} placeholders",
            );
        if use_custom.clicked() {
            actions.push(Action::SetTiles(TileChoice::Custom(
                self.custom_url.clone(),
            )));
        }
        ui.separator();
        ui.add_enabled(false, egui::Button::new("Local PMTiles file…"))
            .on_disabled_hover_text(
                "Not in this build: walkers' PMTiles reader is an optional feature left out to keep \
                 the app small. Serve the tiles as XYZ and use a custom URL instead.",
            );
    }

    fn toolbar(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            let n = self.state.active_len();
            let has = n > 0;
            let at = self
                .state
                .selected
                .filter(|s| s.actor == self.state.active_actor)
                .map(|s| s.stop);
            if ui
                .add_enabled(has, egui::Button::new("First"))
                .on_hover_text("First stop (Home)")
                .clicked()
            {
                actions.push(Action::First);
            }
            if ui
                .add_enabled(has, egui::Button::new("Previous"))
                .on_hover_text("Previous stop (←)")
                .clicked()
            {
                actions.push(Action::Previous);
            }
            let play = if self.state.playing { "Pause" } else { "Play" };
            if ui
                .add_enabled(has, egui::Button::new(play))
                .on_hover_text("Step through the stops by themselves (Space)")
                .clicked()
            {
                actions.push(Action::TogglePlay);
            }
            if ui
                .add_enabled(has, egui::Button::new("Next"))
                .on_hover_text("Next stop (→)")
                .clicked()
            {
                actions.push(Action::Next);
            }
            if ui
                .add_enabled(has, egui::Button::new("Last"))
                .on_hover_text("Last stop (End)")
                .clicked()
            {
                actions.push(Action::Last);
            }
            let mut speed = self.state.settings.seconds_per_stop;
            if ui
                .add(
                    egui::Slider::new(&mut speed, state::SPEED_RANGE)
                        .suffix(" s per stop")
                        .logarithmic(true),
                )
                .on_hover_text("Autoplay speed")
                .changed()
            {
                actions.push(Action::SetSpeed(speed));
            }
            if ui
                .add_enabled(has, egui::Button::new("Fit route"))
                .on_hover_text("Show every stop on the map")
                .clicked()
            {
                actions.push(Action::FitRoute);
            }
            ui.separator();
            if let (Some(i), Some(stop)) =
                (at, self.state.selected.and_then(|s| self.state.stop(s)))
            {
                ui.label(
                    RichText::new(format!("Stop {} of {} · {}", i + 1, n, stop.place.name))
                        .strong(),
                );
            }
        });
    }

    fn status_bar(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        ui.horizontal(|ui| {
            if let Some(loading) = &self.state.loading {
                ui.add(egui::Spinner::new());
                let stage = self.loader.stage();
                let stage = if stage.is_empty() { "Opening" } else { stage };
                ui.label(format!("{stage} {}…", loading.name));
                // a long text takes seconds: how far the analysis has come
                let done = self.loader.done();
                if done > 0.0 {
                    ui.add(
                        egui::ProgressBar::new(done)
                            .desired_width(160.0)
                            .show_percentage(),
                    );
                }
                if ui
                    .button("Cancel")
                    .on_hover_text("Stop opening this file")
                    .clicked()
                {
                    actions.push(Action::CancelLoad);
                }
            } else if let Some(current) = &self.state.current {
                let a = &current.analysis;
                let stops: usize = a.actors.iter().map(|x| x.stops.len()).sum();
                let articles = self.state.articles().len();
                let name = if articles > 1 {
                    format!("{articles} articles merged")
                } else {
                    current.name.clone()
                };
                ui.label(format!(
                    "{} · {} places · {} times · {} stops",
                    name,
                    a.places.len(),
                    a.times.len(),
                    stops
                ));
                self.corrections_status(ui);
                if !a.diagnostics.is_empty() {
                    let text = a
                        .diagnostics
                        .iter()
                        .map(|d| d.message.as_str())
                        .collect::<Vec<_>>()
                        .join("\n");
                    ui.label(RichText::new(format!("{} note(s)", a.diagnostics.len())).weak())
                        .on_hover_text(text);
                }
            } else {
                ui.label("Drop an article on the window to begin");
            }
            self.save_status(ui);
        });
    }

    fn dialogs(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if self.state.paste_open {
            let modal = egui::Modal::new(egui::Id::unique("paste-dialog")).show(ctx, |ui| {
                ui.heading("Paste an article");
                ui.label("Paste or type the text of a news article, or its web address.");
                egui::ScrollArea::vertical()
                    .max_height(360.0)
                    .show(ui, |ui| {
                        ui.add(
                            egui::TextEdit::multiline(&mut self.paste_text)
                                .desired_width(560.0)
                                .desired_rows(14)
                                .hint_text("Article text"),
                        );
                    });
                ui.horizontal(|ui| {
                    let ok = !self.paste_text.trim().is_empty();
                    if ui
                        .add_enabled(ok, egui::Button::new("Analyse"))
                        .on_hover_text("Find the places and the route in this text")
                        .clicked()
                    {
                        actions.push(Action::Open(Input::typed(std::mem::take(
                            &mut self.paste_text,
                        ))));
                    }
                    if self.state.current.is_some()
                        && ui
                            .add_enabled(ok, egui::Button::new("Add to this project"))
                            .on_hover_text(
                                "Analyse this text and merge its route with the articles shown",
                            )
                            .clicked()
                    {
                        actions.push(Action::AddArticle(Input::typed(std::mem::take(
                            &mut self.paste_text,
                        ))));
                    }
                    if ui
                        .button("Cancel")
                        .on_hover_text("Close without analysing")
                        .clicked()
                    {
                        actions.push(Action::ShowPaste(false));
                    }
                });
            });
            if modal.should_close() {
                actions.push(Action::ShowPaste(false));
            }
        }
        self.discard_dialog(ctx, actions);
        actions.extend(articles::dropped_dialog(ctx, &self.state));
        if self.state.about_open {
            let mut open = true;
            egui::Window::new("About itinera")
                .open(&mut open)
                .collapsible(false)
                .resizable(false)
                .show(ctx, about);
            if !open {
                actions.push(Action::ShowAbout(false));
            }
        }
    }
}

fn about(ui: &mut Ui) {
    ui.label(RichText::new(format!("itinera {}", env!("CARGO_PKG_VERSION"))).strong());
    ui.label("Drop in a news article, see who went where and when, on a map.");
    ui.separator();
    ui.label(RichText::new("Credits").strong());
    ui.hyperlink_to(
        "Place names: GeoNames (CC BY 4.0)",
        "https://www.geonames.org/",
    );
    ui.hyperlink_to(
        "Built-in basemap: Natural Earth (public domain)",
        "https://www.naturalearthdata.com/",
    );
    ui.hyperlink_to(
        "Map tiles: © OpenStreetMap contributors",
        "https://www.openstreetmap.org/copyright",
    );
    ui.separator();
    ui.label(RichText::new("Keys").strong());
    ui.label("← → previous and next stop · Home End first and last · Space play or pause");
    ui.label(
        "Ctrl+O open a file · Ctrl+V paste an article or its address · drop files on the window",
    );
    ui.label("Ctrl+S save the project · Ctrl+Shift+S save it as");
    ui.label("Ctrl+Z undo a correction or an added article · Ctrl+Shift+Z redo it");
}

fn error_banner(ui: &mut Ui, error: &str, actions: &mut Vec<Action>) {
    egui::Frame::new()
        .fill(ui.visuals().extreme_bg_color)
        .stroke(egui::Stroke::new(1.5, style::ERROR))
        .inner_margin(egui::Margin::same(8))
        .show(ui, |ui| {
            ui.horizontal(|ui| {
                ui.label(RichText::new(error).color(style::ERROR).strong());
                if ui
                    .button("Dismiss")
                    .on_hover_text("Hide this message")
                    .clicked()
                {
                    actions.push(Action::DismissError);
                }
            });
        });
}

fn drop_overlay(ctx: &egui::Context) {
    let hovering = ctx.input(|i| !i.raw.hovered_files.is_empty());
    if !hovering {
        return;
    }
    let rect = ctx.content_rect();
    let painter = ctx.layer_painter(egui::LayerId::new(
        egui::Order::Foreground,
        egui::Id::unique("drop-overlay"),
    ));
    painter.rect_filled(rect, 0.0, style::DROP_OVERLAY);
    painter.text(
        rect.center(),
        egui::Align2::CENTER_CENTER,
        "Drop the article to map its journey",
        egui::FontId::proportional(26.0),
        style::ON_DARK,
    );
}

/// Prints the time from launch to the first frame with a route, when asked to.
fn report_startup() {
    if std::env::var_os(STARTUP_TIME_VAR).is_none() {
        return;
    }
    if let Some(launched) = LAUNCHED.get() {
        eprintln!(
            "itinera: first frame showing the route drawn {:.0} ms after launch",
            launched.elapsed().as_secs_f64() * 1000.0
        );
    }
}

fn sample_input() -> Input {
    Input::Text {
        name: SAMPLE_NAME.into(),
        text: SAMPLE_ARTICLE.into(),
    }
}

/// Font files found on the system: (name, bytes).
type FontFiles = Vec<(String, Vec<u8>)>;

fn spawn_font_search(ctx: &egui::Context) -> Option<Receiver<FontFiles>> {
    let (tx, rx) = std::sync::mpsc::channel();
    let ctx = ctx.clone();
    std::thread::Builder::new()
        .name("itinera-fonts".into())
        .spawn(move || {
            let found: Vec<(String, Vec<u8>)> = style::find_fallback_fonts()
                .into_iter()
                .take(3)
                .filter_map(|p| {
                    let name = p.file_name()?.to_string_lossy().into_owned();
                    Some((name, std::fs::read(&p).ok()?))
                })
                .collect();
            if !found.is_empty() {
                let _ = tx.send(found);
                ctx.request_repaint();
            }
        })
        .ok()?;
    Some(rx)
}

impl eframe::App for App {
    fn ui(&mut self, ui: &mut Ui, _frame: &mut eframe::Frame) {
        self.show(ui);
    }

    fn save(&mut self, storage: &mut dyn eframe::Storage) {
        eframe::set_value(storage, SETTINGS_KEY, &self.state.settings);
    }

    fn on_exit(&mut self, _gl: Option<&eframe::glow::Context>) {
        self.finish_saves(std::time::Duration::from_secs(5));
    }
}

/// Opens the window, with `files` loaded (or the bundled sample on first start).
pub fn run(files: Vec<PathBuf>) -> Result<(), eframe::Error> {
    let options = eframe::NativeOptions {
        viewport: egui::ViewportBuilder::default()
            .with_title("itinera")
            .with_app_id("itinera")
            .with_inner_size([1400.0, 880.0])
            .with_min_inner_size([900.0, 560.0])
            .with_drag_and_drop(true),
        ..eframe::NativeOptions::default()
    };
    eframe::run_native(
        "itinera",
        options,
        Box::new(move |cc| {
            let settings: Settings = cc
                .storage
                .and_then(|s| eframe::get_value(s, SETTINGS_KEY))
                .unwrap_or_default();
            Ok(Box::new(App::new(
                &cc.egui_ctx,
                settings,
                AppConfig::desktop(files),
            )))
        }),
    )
}
