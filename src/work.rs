//! Steps of work, counted in the crate's own tests only: a test reads them to show that
//! the analysis grows linearly with its text, which timings on a shared machine could not.
//!
//! A step is one read through the accessors that every stage scanning the text goes
//! through: a token of the movement model's document, a reference to an actor, a test of
//! one place holding another. Outside tests [`step`] compiles to nothing.

#[cfg(test)]
thread_local! {
    static STEPS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
}

/// Counts one step of work (in tests; nothing otherwise).
#[inline]
pub(crate) fn step() {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + 1));
}

/// Counts `n` steps of work at once (in tests; nothing otherwise).
#[inline]
pub(crate) fn steps(n: usize) {
    #[cfg(test)]
    STEPS.with(|s| s.set(s.get() + n as u64));
    #[cfg(not(test))]
    let _ = n;
}

/// The steps counted on this thread since the last call, and a fresh count.
#[cfg(test)]
pub(crate) fn take() -> u64 {
    STEPS.with(|s| s.replace(0))
}
