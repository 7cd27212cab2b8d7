//! The command line: argument parsing and the headless subcommands.

use std::collections::BTreeMap;
use std::io::{BufRead, Read, Write};
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, SyncSender, channel, sync_channel};
use std::sync::{Arc, Mutex, PoisonError};

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use serde_json::{Value, json};

use crate::analysis::{Analysis, Options, analyze_owned};
use crate::export::{Format, to_json};
use crate::gazetteer::Gazetteer;
use crate::ingest::{Document, IngestError};

/// Command-line arguments.
#[derive(Debug, Parser)]
#[command(
    name = "itinera",
    version,
    about = "See who went where and when in a news article, on a map"
)]
#[command(args_conflicts_with_subcommands = true)]
pub struct Cli {
    /// Articles to open in the app.
    pub files: Vec<PathBuf>,
    /// A headless command; with none, the app opens.
    #[command(subcommand)]
    pub command: Option<Command>,
}

impl Cli {
    /// Parses the process's arguments. On a usage error, prints a one-line message to
    /// standard error and exits with status 2; `--help` and `--version` print and exit 0.
    #[must_use]
    pub fn parse_or_exit() -> Self {
        match Self::try_parse() {
            Ok(cli) => cli,
            Err(e) => {
                if matches!(
                    e.kind(),
                    clap::error::ErrorKind::DisplayHelp
                        | clap::error::ErrorKind::DisplayVersion
                        | clap::error::ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand
                ) {
                    e.exit();
                }
                eprintln!("itinera: {}", one_line_usage_error(&e.to_string()));
                std::process::exit(2);
            }
        }
    }
}

/// The first paragraph of a clap error on one line, without its `error: ` prefix, with a
/// pointer to `--help`.
fn one_line_usage_error(rendered: &str) -> String {
    let paragraph: Vec<&str> = rendered
        .lines()
        .map(str::trim)
        .skip_while(|l| l.is_empty())
        .take_while(|l| !l.is_empty())
        .collect();
    let joined = paragraph.join(" ");
    let message = joined.strip_prefix("error: ").unwrap_or(&joined);
    if message.is_empty() {
        String::from("invalid arguments (see itinera --help)")
    } else {
        format!("{message} (see itinera --help)")
    }
}

/// Headless commands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Analyse an article and print the result (the `itinera/1` contract).
    Extract(ExtractArgs),
    /// Build the gazetteer from GeoNames dumps, or look names up in it.
    #[command(subcommand)]
    Gazetteer(crate::gazetteer::cli::GazetteerCommand),
}

/// Arguments of `itinera extract`.
#[derive(Debug, clap::Args)]
pub struct ExtractArgs {
    /// The article to read: a file, a web address (http:// or https://), or `-` for standard
    /// input. Several articles about one journey are merged into one `itinera/1` object with a
    /// `documents` list.
    #[arg(required_unless_present = "jsonl", value_name = "FILE")]
    pub files: Vec<String>,
    /// Resolve relative dates against this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub reference_date: Option<NaiveDate>,
    /// Output format: json, geojson, kml, gpx or csv.
    #[arg(long, default_value = "json")]
    pub format: Format,
    /// Batch mode: read `{"id","text"[,"reference_date"]}` lines on standard input, write one result per line.
    /// With `--format geojson`, each line is a `FeatureCollection` with the request's `id`;
    /// with `--format csv`, one header, then each text's rows with its `id` first.
    #[arg(long, conflicts_with_all = ["files", "online", "explain", "stop_weights"])]
    pub jsonl: bool,
    /// Batch mode: analyse on this many threads (default: one per core). One per process
    /// when another engine runs several copies side by side (`scripts/spark_extract.py`).
    #[arg(long, value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub threads: Option<u16>,
    /// Online place search for names the embedded gazetteer lacks (off by default).
    #[command(flatten)]
    pub online: crate::gazetteer::cli::OnlineArgs,
    /// Add an `explain` object: every feature the stop selection weighed, per candidate.
    #[arg(long)]
    pub explain: bool,
    /// Select stops with the weights of this file instead of the built-in ones
    /// (`scripts/train_stops.py` writes them).
    #[arg(long, value_name = "FILE")]
    pub stop_weights: Option<std::path::PathBuf>,
}

fn parse_date(s: &str) -> Result<NaiveDate, String> {
    NaiveDate::parse_from_str(s, "%Y-%m-%d")
        .map_err(|_| format!("'{s}' is not a date in the form YYYY-MM-DD"))
}

/// Why a headless command failed.
#[derive(Debug, thiserror::Error)]
pub enum CliError {
    /// The input could not be read.
    #[error(transparent)]
    Ingest(#[from] IngestError),
    /// Standard input or output failed.
    #[error("input/output error: {0}")]
    Io(#[from] std::io::Error),
    /// A weight file could not be used.
    #[error("weights: {0}")]
    Weights(String),
    /// The arguments do not go together.
    #[error("{0}")]
    Usage(String),
    /// A web address gave no article.
    #[error("{0}")]
    Web(String),
}

/// Runs a headless command.
pub fn run(command: Command) -> Result<(), CliError> {
    match command {
        Command::Extract(args) if args.jsonl => extract_jsonl(&args),
        Command::Extract(args) => extract_one(&args),
        Command::Gazetteer(command) => crate::gazetteer::cli::run(&command),
    }
}

fn extract_one(args: &ExtractArgs) -> Result<(), CliError> {
    if args.threads.is_some() {
        return Err(CliError::Usage(
            "--threads is for --jsonl batches: one text is analysed on one thread".into(),
        ));
    }
    if args.files.len() > 1 {
        return extract_several(args);
    }
    let file = args.files.first().map_or("-", String::as_str);
    let document = read_document(file)?;
    let model = match &args.stop_weights {
        Some(path) => {
            let text = std::fs::read_to_string(path)?;
            let model = crate::movement::Model::from_json(&text)
                .map_err(|e| CliError::Weights(format!("{}: {e}", path.display())))?;
            Some(crate::SharedModel(std::sync::Arc::new(model)))
        }
        None => None,
    };
    let options = Options {
        reference_date: args.reference_date,
        online: args.online.fallback(),
        model,
        explain: args.explain,
    };
    let analysis = analyze_owned(document, Gazetteer::embedded(), &options);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    crate::export::write(&analysis, args.format, &mut out)?;
    out.flush()?;
    Ok(())
}

/// The article `file` names: a file, a web address, a link file holding one, or `-` for
/// standard input.
fn read_document(file: &str) -> Result<Document, CliError> {
    Ok(if file == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)?;
        Document::from_bytes(&bytes)?
    } else if crate::ingest::is_web_address(file) {
        fetch_document(file)?
    } else if let Some(address) = crate::ingest::address_in_link_path(std::path::Path::new(file)) {
        // a link file (a browser's link saved as .url, .desktop or .webloc) stands for its page
        fetch_document(&address)?
    } else {
        Document::from_path(std::path::Path::new(file))?
    })
}

/// Several articles, analysed each on its own and merged (`crate::merge`).
fn extract_several(args: &ExtractArgs) -> Result<(), CliError> {
    if args.format != Format::Json {
        return Err(CliError::Usage(
            "several articles are merged in the JSON format only (one --format json object)".into(),
        ));
    }
    if args.explain || args.stop_weights.is_some() {
        return Err(CliError::Usage(
            "--explain and --stop-weights take one article at a time".into(),
        ));
    }
    if args.files.iter().filter(|f| *f == "-").count() > 1 {
        return Err(CliError::Usage(
            "standard input (-) can be read once".into(),
        ));
    }
    let options = Options {
        reference_date: args.reference_date,
        online: args.online.fallback(),
        ..Options::default()
    };
    let mut sources = Vec::with_capacity(args.files.len());
    for file in &args.files {
        // the failing article is named: the others were fine
        let document = read_document(file).map_err(|e| CliError::Usage(format!("{file}: {e}")))?;
        sources.push(crate::merge::Source {
            origin: file.clone(),
            analysis: analyze_owned(document, Gazetteer::embedded(), &options),
        });
    }
    let merged = crate::merge::merge(sources);
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    serde_json::to_writer(&mut out, &crate::export::MergedView(&merged))
        .map_err(std::io::Error::other)?;
    writeln!(out)?;
    out.flush()?;
    Ok(())
}

/// One line of `--jsonl` input, answered with a result or an error object.
#[must_use]
pub fn answer_jsonl_line(line: &str, gazetteer: &Gazetteer) -> Value {
    match analyse_request(line, gazetteer) {
        Ok((id, analysis)) => to_json(&analysis, Some(&id)),
        Err(error) => error,
    }
}

/// The analysis a `--jsonl` line asks for, with its `id`; or the error object to answer.
fn analyse_request(line: &str, gazetteer: &Gazetteer) -> Result<(Value, Analysis), Value> {
    let request: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return Err(json!({"id": null, "error": format!("not a JSON object: {e}")})),
    };
    let id = request.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = request.get("text").and_then(Value::as_str) else {
        return Err(json!({"id": id, "error": "no \"text\" string in this line"}));
    };
    let reference_date = match request.get("reference_date") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => match parse_date(s) {
            Ok(d) => Some(d),
            Err(e) => return Err(json!({"id": id, "error": e})),
        },
        Some(_) => {
            return Err(
                json!({"id": id, "error": "\"reference_date\" must be a string YYYY-MM-DD"}),
            );
        }
    };
    if text.trim().is_empty() {
        return Err(json!({"id": id, "error": IngestError::Empty.to_string()}));
    }
    let document = Document::from_text(text);
    let analysis = analyze_owned(
        document,
        gazetteer,
        &Options {
            reference_date,
            ..Options::default()
        },
    );
    Ok((id, analysis))
}

/// One `--jsonl` line answered in `format`, with its line ending: a JSON object per line
/// (the contract, or a GeoJSON `FeatureCollection` carrying the request's `id`), or the
/// CSV rows of one text with its `id` first. A line that cannot be analysed is an error
/// object in JSON, and in CSV an `Err` for standard error.
fn answer_line_as(line: &str, gazetteer: &Gazetteer, format: Format) -> Result<String, String> {
    let answer = analyse_request(line, gazetteer);
    match (format, answer) {
        (Format::Csv, Err(error)) => Err(format!(
            "id {}: {}",
            error.get("id").unwrap_or(&Value::Null),
            error
                .get("error")
                .and_then(Value::as_str)
                .unwrap_or("error")
        )),
        (_, Err(error)) => Ok(format!("{error}\n")),
        (Format::GeoJson, Ok((id, analysis))) => {
            let mut collection = crate::export::to_geojson(&analysis);
            if let Some(object) = collection.as_object_mut() {
                object.insert("id".into(), id);
            }
            Ok(format!("{collection}\n"))
        }
        (Format::Csv, Ok((id, analysis))) => {
            let id = match id {
                Value::String(s) => s,
                Value::Null => String::new(),
                other => other.to_string(),
            };
            let id = crate::export::csv_field(&id);
            let csv = crate::export::to_csv(&analysis);
            // each row after the header, with the id first
            let mut rows = String::with_capacity(csv.len());
            for row in csv.split_inclusive("\r\n").skip(1) {
                rows.push_str(&id);
                rows.push(',');
                rows.push_str(row);
            }
            Ok(rows)
        }
        (_, Ok((id, analysis))) => {
            let mut line =
                serde_json::to_string(&crate::export::JsonView::new(&analysis, Some(&id)))
                    .unwrap_or_default();
            line.push('\n');
            Ok(line)
        }
    }
}

/// The article at a web address.
#[cfg(feature = "online")]
fn fetch_document(address: &str) -> Result<Document, CliError> {
    crate::ingest::web::Fetcher::new()
        .fetch(address)
        .map(|page| page.document)
        .map_err(|e| CliError::Web(e.to_string()))
}

/// The article at a web address: not in a build without the network.
#[cfg(not(feature = "online"))]
fn fetch_document(address: &str) -> Result<Document, CliError> {
    Err(CliError::Web(format!(
        "cannot fetch {address}: this build of itinera has no network support (the `online` feature)"
    )))
}

fn extract_jsonl(args: &ExtractArgs) -> Result<(), CliError> {
    if !matches!(args.format, Format::Json | Format::GeoJson | Format::Csv) {
        return Err(CliError::Usage(
            "--jsonl writes json, geojson or csv: KML and GPX are one file per text".into(),
        ));
    }
    let workers = args.threads.map_or_else(
        || std::thread::available_parallelism().map_or(1, std::num::NonZero::get),
        usize::from,
    );
    let stdin = std::io::BufReader::with_capacity(1 << 16, std::io::stdin());
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    // progress on standard error when a person watches it, never in a pipe or a log
    let progress = std::io::IsTerminal::is_terminal(&std::io::stderr()).then(|| {
        let bar = indicatif::ProgressBar::new_spinner();
        bar.set_style(
            indicatif::ProgressStyle::with_template(
                "{spinner} {human_pos} lines answered, {per_sec}, {elapsed}",
            )
            .unwrap_or_else(|_| indicatif::ProgressStyle::default_spinner()),
        );
        bar
    });
    let batch = Batch {
        gazetteer: Gazetteer::embedded(),
        workers,
        format: args.format,
        progress: progress.as_ref(),
    };
    batch.answer(stdin, &mut out)?;
    if let Some(bar) = progress {
        bar.finish();
    }
    out.flush()?;
    Ok(())
}

/// A line of input (or why it cannot be read) and its place in the input.
type Job = (u64, Result<String, String>);

/// The longest `--jsonl` line read, in bytes: an article at the input limit, JSON-escaped.
const MAX_JSONL_LINE_BYTES: usize = 4 * crate::ingest::MAX_INPUT_BYTES;

/// Answers every line of `input` (one JSON request per line; blank lines are skipped) with
/// one line on `output`, in input order, analysing on `workers` threads.
///
/// Memory stays bounded: at most `4 × workers` lines are read ahead of the last one
/// written, so an input of any length streams through.
pub fn answer_jsonl(
    input: impl BufRead + Send,
    output: &mut impl Write,
    gazetteer: &Gazetteer,
    workers: usize,
) -> std::io::Result<()> {
    Batch {
        gazetteer,
        workers,
        format: Format::Json,
        progress: None,
    }
    .answer(input, output)
}

/// How a `--jsonl` batch is answered.
pub struct Batch<'a> {
    /// The gazetteer every line is resolved with.
    pub gazetteer: &'a Gazetteer,
    /// Threads analysing lines.
    pub workers: usize,
    /// JSON (the contract), GeoJSON or CSV.
    pub format: Format,
    /// Counts the lines written, when a person watches.
    pub progress: Option<&'a indicatif::ProgressBar>,
}

impl Batch<'_> {
    /// Answers every line of `input` on `output`, in input order (see [`answer_jsonl`]).
    ///
    /// # Errors
    /// When reading `input` or writing `output` fails.
    pub fn answer(
        &self,
        mut input: impl BufRead + Send,
        output: &mut impl Write,
    ) -> std::io::Result<()> {
        let (gazetteer, format) = (self.gazetteer, self.format);
        let workers = self.workers.max(1);
        let window = 4 * workers;
        // Permits bound the lines in flight: the reader takes one per line, the writer gives it
        // back when that line's answer is written.
        let (permit_tx, permit_rx) = sync_channel::<()>(window);
        for _ in 0..window {
            // The channel has room for exactly `window` permits.
            let _ = permit_tx.send(());
        }
        if format == Format::Csv {
            output.write_all(b"id,")?;
            output.write_all(crate::export::CSV_COLUMNS.join(",").as_bytes())?;
            output.write_all(b"\r\n")?;
        }
        let (job_tx, job_rx) = sync_channel::<Job>(window);
        let (done_tx, done_rx) = channel::<(u64, Result<String, String>)>();
        std::thread::scope(|scope| {
            let reader = std::thread::Builder::new()
                .name("jsonl-reader".into())
                .spawn_scoped(scope, move || read_lines(&mut input, &permit_rx, &job_tx))?;
            let job_rx = Arc::new(Mutex::new(job_rx));
            let mut spawned = Ok(());
            for n in 0..workers {
                let jobs = Arc::clone(&job_rx);
                let done = done_tx.clone();
                let worker = std::thread::Builder::new()
                    .name(format!("jsonl-worker-{n}"))
                    .spawn_scoped(scope, move || answer_jobs(&jobs, &done, gazetteer, format));
                if let Err(e) = worker {
                    spawned = Err(e);
                    break;
                }
            }
            // From here on only the workers hold these: when they stop, the reader and the
            // writer see their channels close instead of waiting for ever.
            drop(job_rx);
            drop(done_tx);
            let written =
                spawned.and_then(|()| write_in_order(&done_rx, &permit_tx, output, self.progress));
            // Unblock the reader if the writer stopped early, then collect its result.
            drop(permit_tx);
            drop(done_rx);
            let read = reader.join().unwrap_or_else(|_| {
                Err(std::io::Error::other(
                    "the input reader stopped unexpectedly",
                ))
            });
            written.and(read)
        })
    }
}

/// Reads lines into numbered jobs, one permit per line.
fn read_lines(
    input: &mut impl BufRead,
    permits: &Receiver<()>,
    jobs: &SyncSender<Job>,
) -> std::io::Result<()> {
    let mut seq = 0u64;
    let mut buf = Vec::new();
    loop {
        buf.clear();
        let limit = MAX_JSONL_LINE_BYTES as u64 + 1;
        if input.by_ref().take(limit).read_until(b'\n', &mut buf)? == 0 {
            return Ok(());
        }
        let too_long = buf.len() > MAX_JSONL_LINE_BYTES && buf.last() != Some(&b'\n');
        if too_long {
            // Skip the rest of the line without keeping it.
            loop {
                buf.clear();
                let n = input.by_ref().take(1 << 20).read_until(b'\n', &mut buf)?;
                if n == 0 || buf.last() == Some(&b'\n') {
                    break;
                }
            }
        } else if buf.iter().all(u8::is_ascii_whitespace) {
            continue;
        }
        if permits.recv().is_err() {
            // The writer has stopped: nothing more will be written.
            return Ok(());
        }
        let line = if too_long {
            Err(format!(
                "this line is longer than {} MB",
                MAX_JSONL_LINE_BYTES / 1_048_576
            ))
        } else {
            std::str::from_utf8(&buf)
                .map(str::to_owned)
                .map_err(|e| format!("this line is not UTF-8 text: {e}"))
        };
        if jobs.send((seq, line)).is_err() {
            return Ok(());
        }
        seq += 1;
    }
}

/// Answers jobs until there are none left.
fn answer_jobs(
    jobs: &Mutex<Receiver<Job>>,
    done: &std::sync::mpsc::Sender<(u64, Result<String, String>)>,
    gazetteer: &Gazetteer,
    format: Format,
) {
    loop {
        let job = jobs.lock().unwrap_or_else(PoisonError::into_inner).recv();
        let Ok((seq, line)) = job else {
            return;
        };
        let failed = |e: &str| match format {
            Format::Csv => Err(e.to_owned()),
            _ => Ok(format!("{}\n", json!({"id": null, "error": e}))),
        };
        let answer = match line {
            // The pipeline does not panic; if it ever did, the batch would still answer
            // every line, in order, instead of stalling.
            Ok(line) => std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| {
                answer_line_as(&line, gazetteer, format)
            }))
            .unwrap_or_else(|_| failed("internal error while analysing this line")),
            Err(e) => failed(&e),
        };
        if done.send((seq, answer)).is_err() {
            return;
        }
    }
}

/// Writes answers in sequence order as they arrive, giving back a permit per line written;
/// an error CSV cannot hold goes to standard error with the request's number (blank
/// lines not counted).
fn write_in_order(
    done: &Receiver<(u64, Result<String, String>)>,
    permits: &SyncSender<()>,
    output: &mut impl Write,
    progress: Option<&indicatif::ProgressBar>,
) -> std::io::Result<()> {
    let mut waiting: BTreeMap<u64, Result<String, String>> = BTreeMap::new();
    let mut next = 0u64;
    let mut write = |seq: u64, answer: Result<String, String>| -> std::io::Result<()> {
        match answer {
            Ok(text) => output.write_all(text.as_bytes())?,
            Err(e) => {
                let message = format!("itinera: request {}: {e}", seq + 1);
                match progress {
                    Some(bar) => bar.suspend(|| eprintln!("{message}")),
                    None => eprintln!("{message}"),
                }
            }
        }
        if let Some(bar) = progress {
            bar.inc(1);
        }
        Ok(())
    };
    for (seq, answer) in done {
        waiting.insert(seq, answer);
        while let Some(answer) = waiting.remove(&next) {
            write(next, answer)?;
            next += 1;
            let _ = permits.try_send(());
        }
    }
    // Every line has been answered by now; anything still waiting is written in order.
    for (seq, answer) in waiting {
        write(seq, answer)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn usage_errors_are_put_on_one_line() {
        let table = [
            (
                "error: the following required arguments were not provided:\n  <FILE>\n\nUsage: itinera extract <FILE>\n",
                "the following required arguments were not provided: <FILE> (see itinera --help)",
            ),
            (
                "error: unexpected argument '--x' found\n\n  tip: try '-- --x'\n",
                "unexpected argument '--x' found (see itinera --help)",
            ),
            ("", "invalid arguments (see itinera --help)"),
        ];
        for (rendered, expect) in table {
            assert_eq!(one_line_usage_error(rendered), expect);
        }
    }

    #[test]
    fn jsonl_answers_keep_input_order_with_many_workers() {
        let mut input = String::new();
        for i in 0..50 {
            input.push_str(&json!({"id": i, "text": format!("Line {i}.")}).to_string());
            input.push_str("\n\n");
        }
        let mut out = Vec::new();
        answer_jsonl(input.as_bytes(), &mut out, Gazetteer::embedded(), 7).unwrap();
        let ids: Vec<u64> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["id"]
                    .as_u64()
                    .unwrap()
            })
            .collect();
        assert_eq!(ids, (0..50).collect::<Vec<_>>());
    }

    #[test]
    fn jsonl_lines_that_are_not_utf8_are_answered_with_an_error() {
        let input = b"{\"id\":1,\"text\":\"ok\"}\n\xff\xfe\n";
        let mut out = Vec::new();
        answer_jsonl(&input[..], &mut out, Gazetteer::embedded(), 2).unwrap();
        let lines: Vec<Value> = String::from_utf8(out)
            .unwrap()
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 2);
        assert_eq!(lines[0]["id"], 1);
        assert!(lines[1]["error"].as_str().unwrap().contains("UTF-8"));
    }

    /// Answers `input` in `format` on two workers.
    fn batch(input: &str, format: Format) -> String {
        let mut out = Vec::new();
        let batch = Batch {
            gazetteer: Gazetteer::embedded(),
            workers: 2,
            format,
            progress: None,
        };
        batch.answer(input.as_bytes(), &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    const REQUESTS: &str = "{\"id\":\"a, b\",\"text\":\"President Kim arrived in Vladivostok on September 12, 2023.\"}\n\
        {\"id\":2,\"text\":\" \"}\n\
        {\"id\":3,\"text\":\"The ferry sailed from Helsinki to Tallinn on Monday.\"}\n";

    #[test]
    fn a_csv_batch_has_one_header_and_each_texts_rows_under_its_id() {
        let csv = batch(REQUESTS, Format::Csv);
        let rows: Vec<&str> = csv.split_terminator("\r\n").collect();
        assert!(rows[0].starts_with("id,actor,order,place,"), "{csv}");
        assert_eq!(
            rows.iter().filter(|r| r.starts_with("id,")).count(),
            1,
            "{csv}"
        );
        assert!(rows[1].starts_with("\"a, b\",Kim,1,Vladivostok,"), "{csv}");
        // the empty text has no row (its error goes to standard error); the ferry's follow
        assert!(rows[2..].iter().all(|r| r.starts_with("3,")), "{csv}");
        assert_eq!(rows.len(), 4, "{csv}");
    }

    #[test]
    fn a_geojson_batch_writes_a_feature_collection_per_line_with_its_id() {
        let out = batch(REQUESTS, Format::GeoJson);
        let lines: Vec<Value> = out
            .lines()
            .map(|l| serde_json::from_str(l).unwrap())
            .collect();
        assert_eq!(lines.len(), 3);
        assert_eq!(lines[0]["type"], "FeatureCollection");
        assert_eq!(lines[0]["id"], "a, b");
        assert_eq!(lines[1]["id"], 2);
        assert_eq!(lines[1]["error"], "the text is empty");
        assert_eq!(lines[2]["id"], 3);
    }

    /// A million requests, made as they are read.
    struct Generated {
        next: u64,
        line: Vec<u8>,
        at: usize,
    }

    impl Read for Generated {
        fn read(&mut self, buf: &mut [u8]) -> std::io::Result<usize> {
            let n = self.fill_buf()?.len().min(buf.len());
            buf[..n].copy_from_slice(&self.line[self.at..self.at + n]);
            self.consume(n);
            Ok(n)
        }
    }

    impl BufRead for Generated {
        fn fill_buf(&mut self) -> std::io::Result<&[u8]> {
            if self.at == self.line.len() && self.next < 1_000_000 {
                self.line = format!("{{\"id\":{},\"text\":\"\"}}\n", self.next).into_bytes();
                self.at = 0;
                self.next += 1;
            }
            Ok(&self.line[self.at..])
        }

        fn consume(&mut self, n: usize) {
            self.at += n;
        }
    }

    /// Checks each answer's id against the count so far, keeping nothing.
    struct InOrder {
        expected: u64,
        partial: Vec<u8>,
    }

    impl Write for InOrder {
        fn write(&mut self, buf: &[u8]) -> std::io::Result<usize> {
            self.partial.extend_from_slice(buf);
            while let Some(end) = self.partial.iter().position(|&b| b == b'\n') {
                let line: Value = serde_json::from_slice(&self.partial[..end])?;
                assert_eq!(line["id"], self.expected);
                self.expected += 1;
                self.partial.drain(..=end);
            }
            Ok(buf.len())
        }

        fn flush(&mut self) -> std::io::Result<()> {
            Ok(())
        }
    }

    #[test]
    fn a_million_requests_stream_through_in_order() {
        // the batch holds a bounded window of lines: the generator is read as the answers
        // are written, never all at once
        let input = Generated {
            next: 0,
            line: Vec::new(),
            at: 0,
        };
        let mut out = InOrder {
            expected: 0,
            partial: Vec::new(),
        };
        answer_jsonl(input, &mut out, Gazetteer::embedded(), 4).unwrap();
        assert_eq!(out.expected, 1_000_000);
        assert!(out.partial.is_empty());
    }
}
