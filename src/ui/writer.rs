//! Writing projects and exports off the UI thread, each file atomically.

use std::path::PathBuf;
use std::sync::mpsc::{Receiver, Sender, channel};

use super::state::Action;
use crate::analysis::Analysis;
use crate::export::{self, Format};
use crate::project::{Project, write_atomically};

/// Writes files on named threads and hands back [`Action`]s saying how it went.
pub struct Writer {
    tx: Sender<Action>,
    rx: Receiver<Action>,
}

impl Default for Writer {
    fn default() -> Self {
        let (tx, rx) = channel();
        Self { tx, rx }
    }
}

impl Writer {
    /// Saves `project` to `path`; reports [`Action::ProjectSaved`] or
    /// [`Action::ProjectSaveFailed`] with `revision`.
    pub fn save_project(
        &self,
        path: PathBuf,
        revision: u64,
        project: Project,
        ctx: &egui::Context,
    ) {
        let failed = Action::ProjectSaveFailed {
            path: path.clone(),
            revision,
            message: "could not start writing the file".into(),
        };
        let work = move || match project.save(&path) {
            Ok(()) => Action::ProjectSaved { path, revision },
            Err(e) => Action::ProjectSaveFailed {
                path,
                revision,
                message: io_reason(&e),
            },
        };
        self.spawn("itinera-save", ctx, work, failed);
    }

    /// Writes `analysis` in `format` to `path`; reports [`Action::Exported`] or
    /// [`Action::ExportFailed`].
    pub fn export(&self, path: PathBuf, format: Format, analysis: Analysis, ctx: &egui::Context) {
        let failed = Action::ExportFailed {
            path: path.clone(),
            message: "could not start writing the file".into(),
        };
        let work =
            move || match write_atomically(&path, |out| export::write(&analysis, format, out)) {
                Ok(()) => Action::Exported(path),
                Err(e) => Action::ExportFailed {
                    path,
                    message: e.to_string(),
                },
            };
        self.spawn("itinera-export", ctx, work, failed);
    }

    /// Cuts the map (`map`, in points, at `pixels_per_point`) out of the window's
    /// `screenshot` and writes it to `path` as PNG; reports [`Action::Exported`] or
    /// [`Action::ExportFailed`].
    pub fn export_image(
        &self,
        path: PathBuf,
        screenshot: std::sync::Arc<egui::ColorImage>,
        map: egui::Rect,
        pixels_per_point: f32,
        ctx: &egui::Context,
    ) {
        let failed = Action::ExportFailed {
            path: path.clone(),
            message: "could not start writing the file".into(),
        };
        let work = move || match super::map_image::write_map_png(
            &path,
            &screenshot,
            map,
            pixels_per_point,
        ) {
            Ok(()) => Action::Exported(path),
            Err(e) => Action::ExportFailed {
                path,
                message: e.to_string(),
            },
        };
        self.spawn("itinera-export", ctx, work, failed);
    }

    /// What finished since the last call.
    #[must_use]
    pub fn poll(&self) -> Vec<Action> {
        self.rx.try_iter().collect()
    }

    fn spawn(
        &self,
        name: &str,
        ctx: &egui::Context,
        work: impl FnOnce() -> Action + Send + 'static,
        failed: Action,
    ) {
        let tx = self.tx.clone();
        let ctx = ctx.clone();
        let spawned = std::thread::Builder::new()
            .name(name.into())
            .spawn(move || {
                let _ = tx.send(work());
                ctx.request_repaint();
            });
        if spawned.is_err() {
            // no thread, no write: say so rather than leave the state waiting
            let _ = self.tx.send(failed);
        }
    }
}

/// A save error's reason without the path, which the window names itself.
fn io_reason(e: &crate::project::ProjectError) -> String {
    match e {
        crate::project::ProjectError::Write { source, .. } => {
            format!("{source}; the file on disk is as it was")
        }
        other => other.to_string(),
    }
}
