//! The desktop app. The only module that names egui, eframe or walkers.

/// Opens the window, with `files` loaded (or the bundled sample when there are none).
pub fn run(files: Vec<std::path::PathBuf>) -> Result<(), eframe::Error> {
    let _ = files;
    let options = eframe::NativeOptions::default();
    eframe::run_native("itinera", options, Box::new(|_cc| Ok(Box::new(App))))
}

struct App;

impl eframe::App for App {
    fn ui(&mut self, ui: &mut egui::Ui, _frame: &mut eframe::Frame) {
        ui.heading("itinera");
    }
}
