//! How far an analysis has come, for a window that shows it while a long text is read.
//!
//! The window's loader thread sets a sink with [`with_progress`]; the pipeline reports its
//! stages through [`report`], which does nothing on a thread without a sink (the command
//! line, the batch workers, the tests).

use std::cell::RefCell;

type Sink = Box<dyn Fn(f32, &'static str)>;

thread_local! {
    static SINK: RefCell<Option<Sink>> = const { RefCell::new(None) };
}

/// Runs `f` with `sink` receiving, on this thread, the share of the work done (0 to 1) and
/// the stage that begins.
pub fn with_progress<T>(sink: impl Fn(f32, &'static str) + 'static, f: impl FnOnce() -> T) -> T {
    /// Puts back the sink there was before, however `f` ends.
    struct Restore(Option<Sink>);
    impl Drop for Restore {
        fn drop(&mut self) {
            let previous = self.0.take();
            SINK.with(|s| *s.borrow_mut() = previous);
        }
    }
    let _restore = Restore(SINK.with(|s| s.borrow_mut().replace(Box::new(sink))));
    f()
}

/// Tells this thread's sink, if any, that `stage` begins with `done` of the work behind.
pub fn report(done: f32, stage: &'static str) {
    SINK.with(|s| {
        if let Some(sink) = s.borrow().as_ref() {
            sink(done, stage);
        }
    });
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};

    use super::*;

    #[test]
    fn an_analysis_reports_its_stages_in_order_to_the_sink_of_its_thread() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let sink = seen.clone();
        let document = crate::Document::from_text("The delegation flew from Paris to Berlin.");
        with_progress(
            move |done, stage| sink.lock().unwrap().push((done, stage)),
            || {
                crate::analyze(
                    &document,
                    crate::Gazetteer::embedded(),
                    &crate::Options::default(),
                )
            },
        );
        let reported = seen.lock().unwrap().clone();
        assert!(reported.len() >= 4, "{reported:?}");
        assert!(reported.windows(2).all(|w| w[0].0 < w[1].0), "{reported:?}");
        assert_eq!(reported.last().map(|s| s.0), Some(1.0));
        // the sink ends with the call: a later analysis reports nothing to it
        let later = crate::analyze(
            &document,
            crate::Gazetteer::embedded(),
            &crate::Options::default(),
        );
        assert!(!later.places.is_empty());
        assert_eq!(seen.lock().unwrap().len(), reported.len());
    }

    #[test]
    fn an_inner_sink_gives_the_outer_one_back() {
        let seen = Arc::new(Mutex::new(Vec::new()));
        let outer = seen.clone();
        with_progress(
            move |_, stage| outer.lock().unwrap().push(stage),
            || {
                with_progress(|_, _| {}, || report(0.5, "inner"));
                report(0.9, "outer");
            },
        );
        assert_eq!(*seen.lock().unwrap(), ["outer"]);
    }
}
