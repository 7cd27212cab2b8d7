//! Benchmarks of the pipeline.
fn main() {}
