//! A project save killed at any moment leaves a whole project file: this test runs itself
//! again as a child process that saves without pause (slowly, as a slow disk would), kills
//! it at varied moments, and reads the file after each kill.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Duration;

use itinera::project::{Article, Project, write_atomically};

/// Set in the child: the project file to keep saving.
const CHILD_PATH: &str = "ITINERA_KILL_TEST_PATH";
const TEST_NAME: &str = "a_save_killed_at_any_moment_leaves_a_whole_project";

fn project(generation: usize) -> Project {
    let text = format!("Save number {generation}. ") + &"The envoy reached Vienna. ".repeat(20_000);
    Project::with_article(Article::from_text("envoy.txt", &text))
}

/// The child: saves generation after generation until killed, a slice at a time.
fn keep_saving(path: &Path) {
    for generation in 1.. {
        let json = project(generation).to_json();
        let written = write_atomically(path, |out| {
            for chunk in json.as_bytes().chunks(32 * 1024) {
                out.write_all(chunk)?;
                out.flush()?;
                std::thread::sleep(Duration::from_millis(1));
            }
            Ok(())
        });
        if written.is_err() {
            return;
        }
    }
}

fn temp_files(dir: &Path) -> usize {
    std::fs::read_dir(dir).map_or(0, |entries| {
        entries
            .filter_map(Result::ok)
            .filter(|e| e.file_name().to_string_lossy().ends_with(".tmp"))
            .count()
    })
}

#[test]
fn a_save_killed_at_any_moment_leaves_a_whole_project() {
    if let Some(path) = std::env::var_os(CHILD_PATH) {
        keep_saving(Path::new(&path));
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("envoy.itinera");
    project(0).save(&path).unwrap();
    let mut cut_short = 0;
    for round in 0..16_u64 {
        let mut child = Command::new(std::env::current_exe().unwrap())
            .args([TEST_NAME, "--exact", "--test-threads=1"])
            .env(CHILD_PATH, &path)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        std::thread::sleep(Duration::from_millis(30 + round * 17 % 90));
        child.kill().unwrap();
        child.wait().unwrap();
        // a temporary file left behind: the kill came in the middle of a write
        if temp_files(dir.path()) > 0 {
            cut_short += 1;
        }
        let reopened = Project::load(&path)
            .unwrap_or_else(|e| panic!("round {round}: the project is not whole: {e}"));
        let text = &reopened.articles[0].text;
        assert!(text.starts_with("Save number "), "round {round}");
        let generation: usize = text["Save number ".len()..]
            .split('.')
            .next()
            .and_then(|n| n.parse().ok())
            .unwrap();
        assert_eq!(reopened, project(generation), "round {round}");
    }
    assert!(
        cut_short > 0,
        "no kill landed in the middle of a write, so the test proved nothing"
    );
}
