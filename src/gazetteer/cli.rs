//! `itinera gazetteer`: build the gazetteer from GeoNames dumps, or look names up in it.

use std::io::Write;
use std::path::PathBuf;

use clap::Subcommand;
use serde_json::Value;

use super::Gazetteer;
use super::builder::{Sources, read_sources, write_index, write_table};
use super::online::{self, SharedFallback};

/// Subcommands of `itinera gazetteer`.
#[derive(Debug, Subcommand)]
pub enum GazetteerCommand {
    /// Build a gazetteer from GeoNames (and Natural Earth) dump files.
    ///
    /// With `--out FILE.tsv.gz` (or `.tsv`) it writes the source table that `build.rs` embeds
    /// (replace `assets/gazetteer/places.tsv.gz` with it and rebuild itinera); with any other
    /// name, a ready index file that `itinera gazetteer lookup --index FILE` reads.
    Build(BuildArgs),
    /// Print the candidates for a name, best first, as a JSON array.
    Lookup(LookupArgs),
}

/// Arguments of `itinera gazetteer build`.
#[derive(Debug, clap::Args)]
pub struct BuildArgs {
    /// Directory with `cities500.txt` (or another `cities*.txt`, or `allCountries.txt`),
    /// `admin1CodesASCII.txt`, `countryInfo.txt` and optionally `admin2Codes.txt`,
    /// `admin1Alternates.tsv`, `admin2Alternates.tsv`, `alternateNamesV2.txt`.
    #[arg(long)]
    pub geonames: PathBuf,
    /// Directory with `ne_10m_admin_0_countries.tsv` and `ne_10m_lakes_named.geojson`.
    #[arg(long)]
    pub naturalearth: Option<PathBuf>,
    /// Extra places in the `features.tsv` format (repeatable).
    #[arg(long)]
    pub extra: Vec<PathBuf>,
    /// Places with at least this population keep their alternate names in every script;
    /// smaller ones keep Latin-script names only.
    #[arg(long, default_value_t = 15_000)]
    pub all_names_from: u64,
    /// Output file: a source table (`.tsv.gz`, `.tsv`) or an index file (anything else).
    #[arg(long)]
    pub out: PathBuf,
}

/// Arguments of `itinera gazetteer lookup`.
#[derive(Debug, clap::Args)]
pub struct LookupArgs {
    /// The name, as written in text.
    pub name: String,
    /// At most this many candidates.
    #[arg(long, default_value_t = 10)]
    pub limit: usize,
    /// Use an index file written by `itinera gazetteer build` instead of the embedded one.
    #[arg(long)]
    pub index: Option<PathBuf>,
    /// Online place search when the gazetteer knows no such name (off by default).
    #[command(flatten)]
    pub online: OnlineArgs,
}

/// The online fallback's command-line switches, shared by `extract` and `gazetteer lookup`.
#[derive(Debug, Clone, clap::Args)]
pub struct OnlineArgs {
    /// Ask a Nominatim-compatible web service for places the embedded gazetteer lacks
    /// (at most one request a second; answers are cached on disk).
    #[arg(long)]
    pub online: bool,
    /// Base URL of the Nominatim-compatible service used with `--online`.
    #[arg(long, value_name = "URL", default_value = online::DEFAULT_URL)]
    pub online_url: String,
}

impl OnlineArgs {
    /// The fallback these switches ask for: `None` without `--online`, or in a build without
    /// the `online` feature (a warning says so).
    #[must_use]
    pub fn fallback(&self) -> Option<SharedFallback> {
        if !self.online {
            return None;
        }
        #[cfg(feature = "online")]
        {
            Some(SharedFallback::new(online::Nominatim::new(
                &self.online_url,
            )))
        }
        #[cfg(not(feature = "online"))]
        {
            eprintln!(
                "itinera: this build has no online support (cargo feature `online`); --online is ignored"
            );
            None
        }
    }
}

fn other(e: impl std::fmt::Display) -> std::io::Error {
    std::io::Error::other(e.to_string())
}

/// Runs a `gazetteer` subcommand.
pub(crate) fn run(command: &GazetteerCommand) -> Result<(), crate::cli::CliError> {
    match command {
        GazetteerCommand::Build(args) => {
            let sources = Sources {
                geonames: args.geonames.clone(),
                naturalearth: args.naturalearth.clone(),
                extra: args.extra.clone(),
                all_names_from: args.all_names_from,
            };
            let entries = read_sources(&sources).map_err(other)?;
            let name = args.out.to_string_lossy();
            if name.ends_with(".tsv") || name.ends_with(".tsv.gz") {
                write_table(&entries, &args.out).map_err(other)?;
            } else {
                write_index(&entries, &args.out).map_err(other)?;
            }
            eprintln!("{} places written to {}", entries.len(), args.out.display());
            Ok(())
        }
        GazetteerCommand::Lookup(args) => {
            let loaded;
            let gazetteer = match &args.index {
                Some(path) => {
                    loaded = Gazetteer::open(path).map_err(other)?;
                    &loaded
                }
                None => Gazetteer::embedded(),
            };
            let mut found = gazetteer.lookup(&args.name);
            if found.is_empty()
                && let Some(fallback) = args.online.fallback()
            {
                match fallback.0.lookup(&args.name) {
                    Ok(online) => found = online,
                    Err(e) => eprintln!("itinera: {e}"),
                }
            }
            let list: Vec<Value> = found
                .iter()
                .take(args.limit)
                .map(|c| {
                    let mut v = crate::export::place_json(c);
                    if let Value::Object(m) = &mut v {
                        m.insert(
                            "importance".into(),
                            Value::from((f64::from(c.importance) * 1000.0).round() / 1000.0),
                        );
                    }
                    v
                })
                .collect();
            let mut out = std::io::stdout().lock();
            writeln!(
                out,
                "{}",
                serde_json::to_string_pretty(&Value::Array(list)).map_err(other)?
            )?;
            Ok(())
        }
    }
}
