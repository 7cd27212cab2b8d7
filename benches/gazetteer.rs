//! Benchmarks of the gazetteer.
fn main() {}
