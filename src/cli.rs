//! The command line for analysts and scripts, defined with `clap` (derive): each command has
//! its own flags and help, so a flag that does not apply to a command is refused. Exit codes:
//! 0 ok, 1 a plan that cannot be used or a file that cannot be written (every problem in
//! words), 2 bad usage. Never panics. The commands themselves are in [`commands`].
//!
//! `by-i-balance PLAN.ron` (one argument that exists, not a command) opens the app with that
//! plan, or with the Visionsplan and a message when it is not one (a folder);
//! `main` decides that with [`opens_in_app`] before this parser runs.

mod commands;
mod new;
mod output;
mod restart;
mod search;

use crate::i18n::Language;
use crate::model::{FIRST_YEAR, LATEST_START, RuleSetId, Span};
use clap::{Parser, Subcommand, ValueEnum};
use std::ffi::{OsStr, OsString};
use std::io::Write;
use std::path::PathBuf;

/// Exit status of a command.
pub const EXIT_OK: i32 = 0;
pub const EXIT_BAD_PLAN: i32 = 1;
pub const EXIT_USAGE: i32 = 2;

const AFTER_HELP: &str = "\
Without a command, the workshop app opens with the Visionsplan; with a plan file as the only
argument, it opens with that plan.

Exit status: 0 ok, 1 a plan that cannot be used or a file that cannot be written, 2 bad usage.";

/// By i balance: projects a plan for Høje-Taastrup's housing estates to 2040.
#[derive(Debug, Parser)]
#[command(name = "by-i-balance", version, after_help = AFTER_HELP, disable_help_subcommand = true)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

/// What `--format` can be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
enum Format {
    #[default]
    Json,
    Csv,
}

/// What `explain --format` can be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
enum ExplainFormat {
    #[default]
    Text,
    Json,
}

/// What `--lang` can be.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, ValueEnum)]
enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    fn language(self) -> Language {
        match self {
            Self::Da => Language::Danish,
            Self::En => Language::English,
        }
    }
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Project a plan to 2040: every area and year, the score and the flows, as JSON or CSV.
    Project {
        /// The plan file.
        plan: PathBuf,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Judge by this rule set instead of the plan's own: in_force (the law of each year), 2010, 2014, 2018 or 2021.
        #[arg(long, value_parser = parse_rules)]
        rules: Option<RuleSetId>,
        /// Add the 10th/90th percentiles of the score and each estate's share of runs listed
        /// (200 runs with the uncertain assumptions drawn; JSON only).
        #[arg(long)]
        bands: bool,
        /// Write to this file (atomically) instead of standard output; `-` is standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The plan's change against the Basisforløb at a year, split by score component and by
    /// the plan's parts.
    Explain {
        /// The plan file.
        plan: PathBuf,
        /// A year of the plan (2016–2040 for a plan from 2016); its first milestone (2025 from
        /// 2016, 2030 from 2026) if left out.
        #[arg(long, value_parser = parse_year)]
        year: Option<u16>,
        #[arg(long, value_enum, default_value_t)]
        format: ExplainFormat,
        /// The language of the words.
        #[arg(long, value_enum, default_value_t)]
        lang: Lang,
    },
    /// Print the balance score and each estate's status in one year.
    Score {
        /// The plan file.
        plan: PathBuf,
        /// A year of the plan; its last (2040 for a plan from 2016) if left out.
        #[arg(long, value_parser = parse_year)]
        year: Option<u16>,
        /// Judge by this rule set instead of the plan's own: in_force (the law of each year), 2010, 2014, 2018 or 2021.
        #[arg(long, value_parser = parse_rules)]
        rules: Option<RuleSetId>,
    },
    /// Check that a plan can be used, naming every problem and where it is.
    Check {
        /// The plan file.
        plan: PathBuf,
    },
    /// Compare plans side by side at a year: scores, differences, each estate's status.
    Compare {
        /// Two or more plan files; the first is the reference.
        #[arg(required = true, num_args = 2.., value_name = "PLAN")]
        plans: Vec<PathBuf>,
        /// A year every plan reaches; 2040 if left out.
        #[arg(long, value_parser = parse_year)]
        year: Option<u16>,
        #[arg(long, value_enum, default_value_t)]
        format: Format,
        /// Judge every plan by this rule set instead of its own.
        #[arg(long, value_parser = parse_rules)]
        rules: Option<RuleSetId>,
        /// Write to this file (atomically) instead of standard output; `-` is standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Rewrite a plan of an earlier file format in the current one (keeping a .bak).
    Upgrade {
        /// The plan file.
        plan: PathBuf,
        /// Write the upgraded plan here instead of over the file itself; `-` is standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// A plan for any municipality from its table of areas (CSV) and, optionally, its area
    /// outlines (GeoJSON in WGS84 or EPSG:25832). Every problem is named by row and column or
    /// feature; nothing is written unless the plan is whole.
    New {
        /// The table of areas: id, name, district, kind, homes per tenure, residents per group.
        #[arg(long, value_name = "AREAS.csv")]
        areas: PathBuf,
        /// The areas' outlines, matched by their `id` property; a schematic map without.
        #[arg(long, value_name = "MAP.geojson")]
        map: Option<PathBuf>,
        /// The plan's name; the output file's name if left out.
        #[arg(long)]
        name: Option<String>,
        /// The year whose 1 January the table describes, and the plan starts in (2016–2035);
        /// this year if left out.
        #[arg(long, value_parser = parse_start_year)]
        start_year: Option<u16>,
        /// Where to write the plan.
        #[arg(short, long, value_name = "PLAN.ron")]
        output: PathBuf,
    },
    /// Start a plan again in a later year: its projected state on 1 January of that year
    /// becomes the new plan's table, its decisions from that year on stay, and it is compared
    /// with its own start.
    Restart {
        /// The plan file.
        plan: PathBuf,
        /// The year to start in, after the plan's start (at most 2035).
        #[arg(long, value_parser = parse_start_year)]
        year: u16,
        /// Take the decisions (actions, efforts, letting, name, notes, baseline) from this plan
        /// of that year instead (to write a plan of today again on a new projection).
        #[arg(long, value_name = "PLAN")]
        decisions: Option<PathBuf>,
        /// Write to this file (atomically) instead of standard output; `-` is standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// What would it take? Searches the plans within the limits for ones meeting the goals:
    /// 3–5 plans on the trade-off (residents displaced, homes removed, the score), each
    /// explained part by part and checked against the band, or the closest plan and the goal
    /// out of reach; and how often each lever is used among the good plans.
    Search {
        /// The plan to start from.
        plan: PathBuf,
        /// A goal (one or more): off-list:ESTATE:YEAR (off the list from that year on),
        /// 168a:ESTATE[:YEAR] (at most 40 % almene family homes by 1 January 2030),
        /// score:VALUE[:YEAR] (the balance score at least VALUE, in the plan's last year if no
        /// year) or fewest-displaced.
        #[arg(long = "goal", required = true, value_name = "GOAL")]
        goals: Vec<String>,
        /// A limit (any number): levers=KIND,… (demolish, sell, convert_youth,
        /// convert_elderly, merge, build_almen, build_private, build_owned, flexible_letting,
        /// allocation, job_consultants), areas=ID,…, most-removed=HOMES (demolished or sold),
        /// most-displaced=RESIDENTS, most-built=HOMES, years=FIRST-LAST. Without: every lever,
        /// in the estates the goals name, from next year to the year before the last goal.
        #[arg(long = "limit", value_name = "LIMIT")]
        limits: Vec<String>,
        /// The seed: the same seed gives the same plans.
        #[arg(long, default_value_t = 1)]
        seed: u64,
        #[arg(long, value_enum, default_value_t)]
        format: ExplainFormat,
        /// The language of the words.
        #[arg(long, value_enum, default_value_t)]
        lang: Lang,
        /// Write to this file (atomically) instead of standard output; `-` is standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// The workshop report for one or more plans, as one self-contained HTML file.
    Report {
        /// One or more plan files.
        #[arg(required = true, value_name = "PLAN")]
        plans: Vec<PathBuf>,
        /// Write to this file (atomically) instead of standard output; `-` is standard output.
        #[arg(short, long, value_name = "FILE")]
        output: Option<PathBuf>,
        /// The report's language.
        #[arg(long, value_enum, default_value_t)]
        lang: Lang,
    },
}

fn parse_rules(text: &str) -> Result<RuleSetId, String> {
    RuleSetId::parse(text).ok_or(format!("unknown rule set '{text}' ({})", RuleSetId::CHOICES))
}

/// A year any plan may hold: from the first start to the horizon of the latest (each command
/// then holds it to the plan's own years).
fn parse_year(text: &str) -> Result<u16, String> {
    let year: u16 = text.parse().map_err(|_| format!("'{text}' is not a year"))?;
    let last = Span::starting(LATEST_START).last;
    if (FIRST_YEAR..=last).contains(&year) {
        Ok(year)
    } else {
        Err(format!("the year {year} is outside {FIRST_YEAR}–{last}"))
    }
}

fn parse_start_year(text: &str) -> Result<u16, String> {
    let year: u16 = text.parse().map_err(|_| format!("'{text}' is not a year"))?;
    if (FIRST_YEAR..=LATEST_START).contains(&year) {
        Ok(year)
    } else {
        Err(format!("a plan starts in {FIRST_YEAR}–{LATEST_START}, not {year}"))
    }
}

/// The names of the commands, which a file of the same name never shadows.
fn is_command(arg: &OsStr) -> bool {
    use clap::CommandFactory;
    let command = Cli::command();
    let named = command.get_subcommands().any(|c| arg == c.get_name());
    named || arg.to_str().is_some_and(|a| a.starts_with('-'))
}

/// Whether the command line is one plan file to open in the app (a double-click, an "open
/// with", a folder dropped on the program): one argument, not a command, naming something that
/// exists. What is not a plan (a folder, a device) opens the app with the Visionsplan and a
/// message saying why, rather than "unrecognized subcommand".
pub fn opens_in_app(args: &[OsString]) -> bool {
    match args {
        [single] => !is_command(single) && std::fs::metadata(single).is_ok(),
        _ => false,
    }
}

pub use output::standard_output;

/// Runs a command line (without the program name); writes to `out` (buffered here, and
/// flushed before it returns) and `err`; returns the exit status. A command whose output could
/// not all be written to `out` fails (exit 1) with the reason in words.
pub fn run<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let mut checked = output::Checked::new(out);
    let code = run_checked(args, &mut checked, err);
    output::finish(checked, code, err)
}

fn run_checked<I, T>(args: I, out: &mut dyn Write, err: &mut dyn Write) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let argv = std::iter::once(OsString::from("by-i-balance")).chain(args.into_iter().map(Into::into));
    let cli = match Cli::try_parse_from(argv) {
        Ok(cli) => cli,
        Err(e) => {
            let text = e.render().to_string();
            return if matches!(e.kind(), clap::error::ErrorKind::DisplayHelp | clap::error::ErrorKind::DisplayVersion) {
                let _ = write!(out, "{text}");
                EXIT_OK
            } else {
                let _ = write!(err, "{text}");
                EXIT_USAGE
            };
        }
    };
    match cli.command {
        Command::Project { plan, format, rules, bands, output } => {
            if bands && format == Format::Csv {
                return output::refuse(err, "--bands goes with --format json (the bands have no CSV columns)");
            }
            let how = commands::Projecting { csv: format == Format::Csv, rules, bands };
            commands::project(&plan, how, output.as_deref(), out, err)
        }
        Command::Explain { plan, year, format, lang } => {
            commands::explain(&plan, year, format == ExplainFormat::Json, lang.language(), out, err)
        }
        Command::Score { plan, year, rules } => commands::score(&plan, year, rules, out, err),
        Command::Check { plan } => commands::check(&plan, out, err),
        Command::Compare { plans, year, format, rules, output } => {
            commands::compare(&plans, year, format == Format::Csv, rules, output.as_deref(), out, err)
        }
        Command::Upgrade { plan, output } => commands::upgrade(&plan, output.as_deref(), out, err),
        Command::New { areas, map, name, start_year, output } => new::new_plan(
            &new::Inputs {
                areas: &areas,
                map: map.as_deref(),
                name: name.as_deref(),
                start_year: start_year.unwrap_or_else(crate::import::this_year),
                output: &output,
            },
            out,
            err,
        ),
        Command::Restart { plan, year, decisions, output } => restart::restart(
            &restart::Inputs { plan: &plan, year, decisions: decisions.as_deref(), output: output.as_deref() },
            out,
            err,
        ),
        Command::Search { plan, goals, limits, seed, format, lang, output } => search::search(
            &search::Inputs {
                plan: &plan,
                goals: &goals,
                limits: &limits,
                seed,
                json: format == ExplainFormat::Json,
                language: lang.language(),
                output: output.as_deref(),
            },
            out,
            err,
        ),
        Command::Report { plans, output, lang } => {
            commands::report(&plans, output.as_deref(), lang.language(), out, err)
        }
    }
}
