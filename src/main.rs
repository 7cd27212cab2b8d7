//! The `itinera` binary: a headless command, or the app.

use itinera::cli::{Cli, run};

// The pipeline allocates many small strings and tables per article, which mimalloc serves
// several times faster than the system allocator.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() -> std::process::ExitCode {
    #[cfg(feature = "gui")]
    itinera::ui::mark_launch();
    let cli = Cli::parse_or_exit();
    if let Some(command) = cli.command {
        return match run(command) {
            Ok(()) => std::process::ExitCode::SUCCESS,
            Err(e) => {
                eprintln!("itinera: {e}");
                std::process::ExitCode::FAILURE
            }
        };
    }
    open_app(cli.files)
}

#[cfg(feature = "gui")]
fn open_app(files: Vec<std::path::PathBuf>) -> std::process::ExitCode {
    match itinera::ui::run(files) {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("itinera: could not open the window: {e}");
            std::process::ExitCode::FAILURE
        }
    }
}

#[cfg(not(feature = "gui"))]
fn open_app(_files: Vec<std::path::PathBuf>) -> std::process::ExitCode {
    eprintln!(
        "itinera: this build has no window (built without the `gui` feature); try `itinera extract FILE`"
    );
    std::process::ExitCode::FAILURE
}
