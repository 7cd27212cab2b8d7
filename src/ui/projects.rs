//! The window's projects, exports and corrections: the File menu's project items, the Edit
//! menu, their keys, dialogs and status, and the effects that write files. Kept apart from
//! `mod.rs` so the window's frame only calls in.

use std::path::PathBuf;
use std::sync::Arc;
use std::sync::mpsc::Receiver;
use std::time::{Duration, Instant};

use egui::{Key, Modifiers, RichText, Ui};

use super::state::{self, Action, Effect, Input};
use super::writer::Writer;
use super::{App, style};
use crate::export::Format;

/// The formats File ▸ Export offers (the JSON contract is the command line's).
pub const EXPORT_FORMATS: [Format; 4] = [Format::GeoJson, Format::Kml, Format::Gpx, Format::Csv];

/// What the app keeps for projects between frames.
#[derive(Default)]
pub(super) struct Projects {
    /// A file dialog's answer to come, and what it was opened for.
    picked: Option<(Receiver<PathBuf>, Pick)>,
    writer: Writer,
    /// The window title last sent.
    title: String,
    /// The user agreed to close the window: its close request is let through.
    may_close: bool,
    /// A picture of the map asked of the window, to be written when it comes.
    capture: Option<Capture>,
}

/// A screenshot asked for File ▸ Export ▸ Map image (PNG)….
struct Capture {
    /// Where the PNG goes.
    path: PathBuf,
    /// The window's picture, when the integration has taken it.
    rx: Receiver<Arc<egui::ColorImage>>,
    /// When it was asked for: an integration that takes no screenshots never answers.
    asked: Instant,
}

/// How long the window may take to hand over its picture before the export is given up.
const CAPTURE_TIMEOUT: Duration = Duration::from_secs(10);

/// What a file dialog was opened for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Pick {
    Project,
    SaveProject,
    Export(Format),
    Image,
}

/// A format's name in the menu.
fn format_label(format: Format) -> &'static str {
    match format {
        Format::Json => "JSON",
        Format::GeoJson => "GeoJSON",
        Format::Kml => "KML",
        Format::Gpx => "GPX",
        Format::Csv => "CSV",
    }
}

/// The keys of projects and corrections (the caller skips them while the user types).
pub(super) fn keys(i: &mut egui::InputState) -> Vec<Action> {
    let mut out = Vec::new();
    // the longer chords first: Ctrl+Shift+Z must not be read as Ctrl+Z
    let table = [
        (Modifiers::COMMAND | Modifiers::SHIFT, Key::Z, Action::Redo),
        (Modifiers::COMMAND, Key::Z, Action::Undo),
        (
            Modifiers::COMMAND | Modifiers::SHIFT,
            Key::S,
            Action::SaveProjectDialog,
        ),
        (Modifiers::COMMAND, Key::S, Action::SaveProject),
    ];
    for (modifiers, key, action) in table {
        if i.consume_key(modifiers, key) {
            out.push(action);
        }
    }
    out
}

impl App {
    /// Carries out the effects of projects, exports and the window's closing.
    pub(super) fn project_effect(&mut self, effect: Effect) {
        match effect {
            Effect::PickProject => self.pick(Pick::Project),
            Effect::PickProjectPath => self.pick(Pick::SaveProject),
            Effect::PickExportPath(format) => self.pick(Pick::Export(format)),
            Effect::PickImagePath => self.pick(Pick::Image),
            Effect::CaptureMap(path) => self.capture_map(path),
            Effect::SaveProject { path, revision } => {
                if let Some(project) = self.state.project_snapshot() {
                    self.projects
                        .writer
                        .save_project(path, revision, project, &self.ctx);
                }
            }
            Effect::Export { format, path } => {
                if let Some(analysis) = self.state.export_analysis() {
                    self.projects
                        .writer
                        .export(path, format, analysis, &self.ctx);
                }
            }
            Effect::CancelClose => self
                .ctx
                .send_viewport_cmd(egui::ViewportCommand::CancelClose),
            Effect::Close => {
                if !self.projects.may_close {
                    self.projects.may_close = true;
                    self.ctx.send_viewport_cmd(egui::ViewportCommand::Close);
                }
            }
            // the window's own effects, handled in `App::act`
            Effect::Load { .. }
            | Effect::PickFile
            | Effect::PickArticle
            | Effect::Cancel
            | Effect::TilesChanged
            | Effect::ThemeChanged
            | Effect::OnlineLookupChanged => {}
        }
    }

    /// Asks the window for a picture of the next frame, drawn without the map's buttons,
    /// to be cut to the map and written to `path` ([`App::poll_capture`]).
    fn capture_map(&mut self, path: PathBuf) {
        let (tx, rx) = std::sync::mpsc::channel();
        let ctx = self.ctx.clone();
        self.ctx
            .send_viewport_cmd(egui::ViewportCommand::Screenshot(
                egui::ScreenshotCallback::new(move |image| {
                    let _ = tx.send(image);
                    ctx.request_repaint();
                }),
            ));
        self.map.hide_controls(true);
        self.projects.capture = Some(Capture {
            path,
            rx,
            asked: Instant::now(),
        });
    }

    /// Hands the window's picture, once it came, to the writer: the map's rectangle is the
    /// last frame's, the one in the picture.
    fn poll_capture(&mut self) {
        let Some(capture) = &self.projects.capture else {
            return;
        };
        if let Ok(image) = capture.rx.try_recv() {
            let path = capture.path.clone();
            self.projects.capture = None;
            self.map.hide_controls(false);
            let scale = self.ctx.pixels_per_point();
            self.projects
                .writer
                .export_image(path, image, self.map.rect(), scale, &self.ctx);
        } else if capture.asked.elapsed() > CAPTURE_TIMEOUT {
            let path = capture.path.clone();
            self.projects.capture = None;
            self.map.hide_controls(false);
            self.act(Action::ExportFailed {
                path,
                message: "the window gave no picture of the map (its renderer may not take \
                          screenshots)"
                    .into(),
            });
        } else {
            self.ctx.request_repaint_after(Duration::from_millis(200));
        }
    }

    /// Hands on what the writer and the file dialogs finished.
    pub(super) fn poll_projects(&mut self) {
        self.poll_capture();
        for action in self.projects.writer.poll() {
            self.act(action);
        }
        if let Some((rx, purpose)) = &self.projects.picked
            && let Ok(path) = rx.try_recv()
        {
            let action = match *purpose {
                Pick::Project => Action::Open(Input::Project(path)),
                Pick::SaveProject => Action::SaveProjectAs(path),
                Pick::Export(format) => Action::Export { format, path },
                Pick::Image => Action::ExportImage(path),
            };
            self.projects.picked = None;
            self.act(action);
        }
    }

    /// Each frame, after the map: reports where the map came to rest, and keeps the
    /// window's title in step.
    pub(super) fn project_frame(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        actions.extend(self.view_change(ctx));
        let title = self.state.title();
        if title != self.projects.title {
            ctx.send_viewport_cmd(egui::ViewportCommand::Title(title.clone()));
            self.projects.title = title;
        }
    }

    /// The user asked to close the window (and has not agreed to drop anything yet).
    pub(super) fn close_request(&self, ctx: &egui::Context) -> Option<Action> {
        (!self.projects.may_close && ctx.input(|i| i.viewport().close_requested()))
            .then_some(Action::CloseRequested)
    }

    /// The file dialog runs on its own thread so the window keeps drawing.
    fn pick(&mut self, purpose: Pick) {
        let tx_ctx = self.ctx.clone();
        let (tx, rx) = std::sync::mpsc::channel::<PathBuf>();
        let stem = self.state.current.as_ref().map_or_else(
            || "itinera".to_owned(),
            |c| {
                std::path::Path::new(&c.name)
                    .file_stem()
                    .map_or_else(|| c.name.clone(), |s| s.to_string_lossy().into_owned())
            },
        );
        let spawned = std::thread::Builder::new()
            .name("itinera-file-dialog".into())
            .spawn(move || {
                let dialog = rfd::FileDialog::new();
                let picked = match purpose {
                    Pick::Project => dialog
                        .set_title("Open project")
                        .add_filter("itinera projects", &[crate::project::EXTENSION])
                        .pick_file(),
                    Pick::SaveProject => dialog
                        .set_title("Save project")
                        .add_filter("itinera projects", &[crate::project::EXTENSION])
                        .set_file_name(format!("{stem}.{}", crate::project::EXTENSION))
                        .save_file(),
                    Pick::Export(format) => dialog
                        .set_title(format!("Export {}", format_label(format)))
                        .add_filter(format_label(format), &[format.extension()])
                        .set_file_name(format!("{stem}.{}", format.extension()))
                        .save_file(),
                    Pick::Image => dialog
                        .set_title("Export map image")
                        .add_filter("PNG image", &["png"])
                        .set_file_name(format!("{stem}.png"))
                        .save_file(),
                };
                if let Some(path) = picked {
                    let _ = tx.send(path);
                    tx_ctx.request_repaint();
                }
            });
        if spawned.is_ok() {
            self.projects.picked = Some((rx, purpose));
        }
    }

    /// The map's view, once it has come to rest somewhere new (not while a glide or a drag
    /// is under way, so a pan is one change, not one per frame).
    fn view_change(&self, ctx: &egui::Context) -> Option<Action> {
        if self.state.current.is_none() || self.map.gliding() || ctx.input(|i| i.pointer.any_down())
        {
            return None;
        }
        let center = self.map.center();
        let view = crate::project::MapView {
            lat: center.lat,
            lon: center.lon,
            zoom: self.map.zoom(),
        };
        let moved = self.state.view.is_none_or(|v| {
            (v.lat - view.lat).abs() > 1e-7
                || (v.lon - view.lon).abs() > 1e-7
                || (v.zoom - view.zoom).abs() > 1e-6
        });
        moved.then_some(Action::ViewChanged(view))
    }

    /// Writes the last changes before the window closes: waits (at most `wait`) for a save
    /// under way, then writes on this thread what no save holds yet.
    pub fn finish_saves(&mut self, wait: std::time::Duration) {
        let deadline = Instant::now() + wait;
        while self.state.saving() && Instant::now() < deadline {
            for action in self.projects.writer.poll() {
                // no `act`: it would start another save on another thread
                self.state.apply(action);
            }
            std::thread::sleep(std::time::Duration::from_millis(5));
        }
        if self.state.saving() {
            // still writing: the file on disk is the old one or the new one, whole
            return;
        }
        if let Some(Effect::SaveProject { path, revision }) = self.state.autosave()
            && let Some(project) = self.state.project_snapshot()
        {
            let done = match project.save(&path) {
                Ok(()) => Action::ProjectSaved { path, revision },
                Err(e) => Action::ProjectSaveFailed {
                    path,
                    revision,
                    message: e.to_string(),
                },
            };
            self.state.apply(done);
        }
    }

    /// The window's title as it stands (the project's name, `*` for unsaved changes).
    #[must_use]
    pub fn title(&self) -> &str {
        &self.projects.title
    }

    pub(super) fn edit_menu(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        if ui
            .add_enabled(self.state.can_undo(), egui::Button::new("Undo"))
            .on_hover_text(
                "Take back the last correction, or the article last added or removed (Ctrl+Z)",
            )
            .on_disabled_hover_text("Nothing to take back")
            .clicked()
        {
            actions.push(Action::Undo);
        }
        if ui
            .add_enabled(self.state.can_redo(), egui::Button::new("Redo"))
            .on_hover_text("Make again what was last taken back (Ctrl+Shift+Z)")
            .on_disabled_hover_text("Nothing to make again")
            .clicked()
        {
            actions.push(Action::Redo);
        }
    }

    pub(super) fn project_menu(&mut self, ui: &mut Ui, actions: &mut Vec<Action>) {
        if ui
            .button("Open project…")
            .on_hover_text("Open an itinera project (.itinera) with its corrections and view")
            .clicked()
        {
            actions.push(Action::OpenProjectDialog);
        }
        ui.menu_button("Recent projects", |ui| {
            if self.state.settings.recent_projects.is_empty() {
                ui.label(RichText::new("No recent projects").weak());
            }
            for path in self.state.settings.recent_projects.clone() {
                if ui
                    .button(state::file_name(&path))
                    .on_hover_text(path.display().to_string())
                    .clicked()
                {
                    actions.push(Action::Open(Input::Project(path)));
                }
            }
            ui.separator();
            if ui
                .button("Clear recent projects")
                .on_hover_text("Forget this list")
                .clicked()
            {
                actions.push(Action::ClearRecentProjects);
            }
        });
        let open = self.state.current.is_some();
        let why = "Open an article first";
        if ui
            .add_enabled(open, egui::Button::new("Save project"))
            .on_hover_text(
                "Save the article, your corrections and the view; after the first save every \
                 change is saved by itself (Ctrl+S)",
            )
            .on_disabled_hover_text(why)
            .clicked()
        {
            actions.push(Action::SaveProject);
        }
        if ui
            .add_enabled(open, egui::Button::new("Save project as…"))
            .on_hover_text("Save the project in a new file (Ctrl+Shift+S)")
            .on_disabled_hover_text(why)
            .clicked()
        {
            actions.push(Action::SaveProjectDialog);
        }
        ui.add_enabled_ui(open, |ui| {
            ui.menu_button("Export", |ui| {
                for format in EXPORT_FORMATS {
                    if ui
                        .button(format!("{}…", format_label(format)))
                        .on_hover_text(format!(
                            "Write the routes shown (hidden actors left out, corrections \
                             applied) as {}",
                            format_label(format)
                        ))
                        .clicked()
                    {
                        actions.push(Action::ExportDialog(format));
                    }
                }
                ui.separator();
                if ui
                    .button("Map image (PNG)…")
                    .on_hover_text(
                        "Save the map as it is shown, with its route, markers, labels and \
                         the map's credits, as a PNG picture for a report",
                    )
                    .clicked()
                {
                    actions.push(Action::ExportImageDialog);
                }
            })
            .response
            .on_disabled_hover_text(why);
        });
    }

    /// The corrections that did not apply, in the status bar.
    pub(super) fn corrections_status(&self, ui: &mut Ui) {
        let unapplied: Vec<String> = self
            .state
            .corrections()
            .filter(|(_, applied)| !applied)
            .map(|(c, _)| {
                format!(
                    "{}: “{}” at byte {}",
                    c.kind.describe(),
                    c.mention,
                    c.span.start
                )
            })
            .collect();
        if !unapplied.is_empty() {
            ui.label(
                RichText::new(format!("{} correction(s) not applied", unapplied.len()))
                    .color(style::ERROR),
            )
            .on_hover_text(format!(
                "The article's text no longer has these mentions where they were, or \
                 nothing in the analysis matches them; the corrections are kept in the \
                 project:\n{}",
                unapplied.join("\n")
            ));
        }
    }

    /// A save under way and the last notice, in the status bar.
    pub(super) fn save_status(&self, ui: &mut Ui) {
        if self.state.saving() {
            ui.separator();
            ui.label(RichText::new("Saving…").weak())
                .on_hover_text("Writing the project file");
        }
        if let Some(notice) = &self.state.notice {
            ui.separator();
            ui.label(RichText::new(notice).weak());
        }
    }

    /// Asks before corrections no project file holds are dropped.
    pub(super) fn discard_dialog(&mut self, ctx: &egui::Context, actions: &mut Vec<Action>) {
        if let Some(pending) = &self.state.ask_discard {
            let quit = *pending == state::Pending::Quit;
            let several = self.state.articles().len() > 1;
            let modal = egui::Modal::new(egui::Id::unique("discard-dialog")).show(ctx, |ui| {
                ui.heading("Drop your corrections?");
                ui.label(match (several, quit) {
                    (false, true) => {
                        "The corrections to this article are in no project file. Closing the \
                         window drops them."
                    }
                    (false, false) => {
                        "The corrections to this article are in no project file. Opening another \
                         article drops them."
                    }
                    (true, true) => {
                        "The articles added and the corrections are in no project file. Closing \
                         the window drops them."
                    }
                    (true, false) => {
                        "The articles added and the corrections are in no project file. Opening \
                         another article drops them."
                    }
                });
                ui.horizontal(|ui| {
                    if ui
                        .button("Save project…")
                        .on_hover_text("Keep the corrections in a project file first")
                        .clicked()
                    {
                        actions.push(Action::CancelOpen);
                        actions.push(Action::SaveProjectDialog);
                    }
                    let (label, hint) = if quit {
                        (
                            "Drop them and close",
                            "Close the window; the corrections are lost",
                        )
                    } else {
                        (
                            "Drop them and open",
                            "Open the other article; the corrections are lost",
                        )
                    };
                    if ui.button(label).on_hover_text(hint).clicked() {
                        actions.push(Action::DiscardAndProceed);
                    }
                    if ui
                        .button("Keep working")
                        .on_hover_text("Open nothing")
                        .clicked()
                    {
                        actions.push(Action::CancelOpen);
                    }
                });
            });
            if modal.should_close() {
                actions.push(Action::CancelOpen);
            }
        }
    }
}
