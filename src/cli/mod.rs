//! The command line: argument parsing and the headless subcommands.

use std::io::{BufRead, Write};
use std::path::PathBuf;

use chrono::NaiveDate;
use clap::{Parser, Subcommand};
use serde_json::{Value, json};

use crate::analysis::{Options, analyze};
use crate::export::{Format, render, to_json};
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
    /// The article to read, or `-` for standard input.
    #[arg(required_unless_present = "jsonl")]
    pub file: Option<String>,
    /// Resolve relative dates against this date (YYYY-MM-DD).
    #[arg(long, value_parser = parse_date)]
    pub reference_date: Option<NaiveDate>,
    /// Output format.
    #[arg(long, default_value = "json")]
    pub format: Format,
    /// Batch mode: read `{"id","text"[,"reference_date"]}` lines on standard input, write one result per line.
    #[arg(long, conflicts_with_all = ["file", "format"])]
    pub jsonl: bool,
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
    let file = args.file.as_deref().unwrap_or("-");
    let document = if file == "-" {
        let mut bytes = Vec::new();
        std::io::Read::read_to_end(&mut std::io::stdin().lock(), &mut bytes)?;
        Document::from_bytes(&bytes)?
    } else {
        Document::from_path(std::path::Path::new(file))?
    };
    let options = Options {
        reference_date: args.reference_date,
    };
    let analysis = analyze(&document, Gazetteer::embedded(), &options);
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", render(&analysis, args.format))?;
    Ok(())
}

/// One line of `--jsonl` input, answered with a result or an error object.
#[must_use]
pub fn answer_jsonl_line(line: &str, gazetteer: &Gazetteer) -> Value {
    let request: Value = match serde_json::from_str(line) {
        Ok(v) => v,
        Err(e) => return json!({"id": null, "error": format!("not a JSON object: {e}")}),
    };
    let id = request.get("id").cloned().unwrap_or(Value::Null);
    let Some(text) = request.get("text").and_then(Value::as_str) else {
        return json!({"id": id, "error": "no \"text\" string in this line"});
    };
    let reference_date = match request.get("reference_date") {
        None | Some(Value::Null) => None,
        Some(Value::String(s)) => match parse_date(s) {
            Ok(d) => Some(d),
            Err(e) => return json!({"id": id, "error": e}),
        },
        Some(_) => {
            return json!({"id": id, "error": "\"reference_date\" must be a string YYYY-MM-DD"});
        }
    };
    if text.trim().is_empty() {
        return json!({"id": id, "error": IngestError::Empty.to_string()});
    }
    let document = Document::from_text(text);
    let analysis = analyze(&document, gazetteer, &Options { reference_date });
    to_json(&analysis, Some(&id))
}

fn extract_jsonl(_args: &ExtractArgs) -> Result<(), CliError> {
    let gazetteer = Gazetteer::embedded();
    let stdin = std::io::stdin().lock();
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    for line in stdin.lines() {
        let line = line?;
        if line.trim().is_empty() {
            continue;
        }
        writeln!(out, "{}", answer_jsonl_line(&line, gazetteer))?;
    }
    out.flush()?;
    Ok(())
}
