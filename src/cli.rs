//! Command-line interface: the clap definitions and the dispatch from a parsed command to an
//! `Outcome` (text to print and an exit code). The binary prints and exits; this never does.

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::{Args, CommandFactory, Parser, Subcommand, ValueEnum};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::time::Instant;

use crate::app::{self, CheckRequest};
use crate::batch::output::BatchRender;
use crate::batch::{self, BatchOptions, NoProgress, Progress, Shard};
use crate::codes::Code;
use crate::diagnose::{Diagnosis, Rejection, vendors};
use crate::finding::Subject;
use crate::images::ThumbnailSpec;
use crate::limits::{ReadError, human_bytes, read_file};
use crate::messages::Lang;
use crate::policy::Policy;
use crate::render::{self, RenderOptions};
use crate::report::Report;

/// Find out why an identity-verification (KYC) upload is likely to be rejected, before you
/// upload it, and how to fix it. Everything runs offline: nothing leaves your machine.
#[derive(Debug, Parser)]
#[command(name = "kyc-precheck", version, about, long_about = None)]
#[command(
    after_help = "Exit codes: 0 no likely rejection · 1 likely rejection (a `fail` finding; with --strict also `warn`) · 2 the tool could not run (bad arguments, unreadable profile or policy)."
)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Command,
    /// Language of messages and advice (default: from LANG, else English).
    #[arg(long, global = true, value_enum)]
    pub lang: Option<LangArg>,
    /// Colour in text output.
    #[arg(long, global = true, value_enum, default_value_t = ColorWhen::Auto)]
    pub color: ColorWhen,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Check a profile and its photos (or only photos) for likely rejection reasons.
    Check(CheckArgs),
    /// Start from a platform's rejection: check, then list first the findings that explain it.
    ///
    /// The rejection is a vendor code (veriff:204, sumsub:GRAPHIC_EDITOR, onfido:glare_on_photo,
    /// jumio:MISSING_BACK) or its words in English or Chinese ("document expired", "图片模糊").
    /// When no local check explains it, the report names what lies outside a local check (review
    /// backlog, risk rules, face match, liveness, unaccepted documents, duplicate accounts).
    Diagnose(DiagnoseArgs),
    /// Check every case under a folder, in parallel (for CI and support desks).
    ///
    /// Each folder under DIR holding a profile.json is a case, with an optional expect.json
    /// that its report must match. Exit 0 when every case is as expected.
    Batch(BatchArgs),
    /// Explain a reason code (or a vendor's code such as veriff:204 or sumsub:GRAPHIC_EDITOR).
    Explain {
        /// A reason code in any case (IMAGE_BLURRY, image-blurry) or vendor:CODE.
        code: String,
    },
    /// List every reason code with its default severity.
    Codes {
        #[arg(long, value_enum, default_value_t = ListFormat::Text)]
        format: ListFormat,
    },
    /// Print a built-in policy as commented TOML (a starting point for --policy FILE.toml).
    Policy {
        /// default, strict or a platform preset (`kyc-precheck policy --list`).
        #[arg(default_value = "default")]
        name: String,
        /// List every built-in policy: name, description, the platform's source and when it was read.
        #[arg(long)]
        list: bool,
    },
    /// Print the JSON Schema of the profile file.
    Schema,
    /// Print a shell completion script (e.g. `kyc-precheck completions bash > ~/.local/share/bash-completion/completions/kyc-precheck`).
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
    /// Print the manual page in roff (e.g. `kyc-precheck man > ~/.local/share/man/man1/kyc-precheck.1`).
    Man {
        /// A subcommand's own page (e.g. `batch` for kyc-precheck-batch(1)).
        command: Option<String>,
    },
}

#[derive(Debug, Args)]
#[command(
    after_help = "PROFILE may be left out when at least one photo is given: `kyc-precheck check --id-front front.jpg --selfie selfie.jpg` runs every image check and reports that the profile was not given."
)]
pub struct CheckArgs {
    /// The profile JSON (`-` reads standard input). Optional when a photo is given.
    pub profile: Option<String>,
    /// Photo of the document's front (overrides the profile's images.id_front).
    #[arg(long, value_name = "FILE")]
    pub id_front: Option<PathBuf>,
    /// Photo of the document's back (overrides images.id_back).
    #[arg(long, value_name = "FILE")]
    pub id_back: Option<PathBuf>,
    /// The selfie (overrides images.selfie).
    #[arg(long, value_name = "FILE")]
    pub selfie: Option<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

#[derive(Debug, Args)]
pub struct DiagnoseArgs {
    /// The rejection the platform sent: VENDOR:CODE (veriff:204, sumsub:GRAPHIC_EDITOR,
    /// onfido:glare_on_photo, jumio:MISSING_BACK), optionally followed by words, or only words
    /// ("document expired", "blurry photo", "图片模糊", "证件过期").
    #[arg(long, short = 'r', value_name = "VENDOR:CODE|TEXT")]
    pub rejection: String,
    #[command(flatten)]
    pub check: CheckArgs,
}

#[derive(Debug, Args)]
#[command(
    after_help = "A case is a folder holding profile.json (image paths relative to it), or photos named by role (id_front.jpg, id_back.png, selfie.heic…, any case) without a profile, and optionally expect.json: {\"codes\": [...], \"absent\": [...], \"verdict\": \"fail\"}. `codes` must each appear (list a code twice to require two findings), `absent` must not appear, `verdict` must be equal. Without expect.json a case passes when its report shows no likely rejection.\n\nExit codes: 0 every case as expected · 1 some case failed or missed its expect.json · 2 the batch could not run (folder missing, no cases, bad policy or arguments)."
)]
pub struct BatchArgs {
    /// The folder of cases (searched recursively; case names are paths relative to it).
    pub dir: PathBuf,
    /// Worker threads (default: every core).
    #[arg(long, short = 'j', value_name = "N", value_parser = clap::value_parser!(u16).range(1..))]
    pub jobs: Option<u16>,
    /// Run only the K-th of N slices of the sorted cases (1-based; case i goes to shard i mod N + 1),
    /// to spread a large set over a CI matrix or a job array.
    #[arg(long, value_name = "K/N")]
    pub shard: Option<Shard>,
    /// Where `--format html` writes index.html and one page per case (created when missing).
    #[arg(long, short = 'o', value_name = "DIR")]
    pub output: Option<PathBuf>,
    #[command(flatten)]
    pub common: CommonArgs,
}

/// Flags shared by `check` and `batch`.
#[derive(Debug, Args, Clone)]
pub struct CommonArgs {
    /// A built-in policy (default, strict) or a TOML file overriding some of its settings.
    #[arg(long, value_name = "NAME|FILE.toml", default_value = "default")]
    pub policy: String,
    /// The date to check expiry and age against (default: today's local date).
    #[arg(long, value_name = "YYYY-MM-DD")]
    pub today: Option<String>,
    #[arg(long, value_enum, default_value_t = Format::Text)]
    pub format: Format,
    /// Treat warnings as likely rejections (exit 1).
    #[arg(long)]
    pub strict: bool,
    /// Show names, ID numbers and MRZ text unmasked.
    #[arg(long)]
    pub show_pii: bool,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    Text,
    Json,
    /// JUnit XML for CI test reports.
    Junit,
    /// One self-contained HTML page: the photos with their findings drawn on them (batch: an
    /// index and a page per case, written to -o DIR).
    Html,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ListFormat {
    Text,
    Json,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum LangArg {
    En,
    Zh,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// What the binary should print and how it should exit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Outcome {
    pub stdout: String,
    pub exit: Exit,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Exit {
    /// 0: no likely rejection.
    Clean = 0,
    /// 1: at least one likely rejection.
    Findings = 1,
    /// 2: the tool could not do its job.
    Error = 2,
}

/// What the process environment says, gathered by `main` so this module stays pure.
#[derive(Debug, Clone)]
pub struct Environment {
    pub today: NaiveDate,
    /// `LC_ALL`/`LC_MESSAGES`/`LANG`, first one set.
    pub locale: Option<String>,
    /// Colour allowed: stdout is a terminal and `NO_COLOR` is unset.
    pub color_auto: bool,
    /// Standard input, read only when the profile is `-`, at most the given number of bytes
    /// plus one (`crate::limits::read_bounded`).
    pub read_stdin: fn(u64) -> Result<Vec<u8>, crate::limits::ReadError>,
    /// Where `batch` reports progress (the binary passes a progress bar when standard error is
    /// a terminal); `None` reports nothing.
    pub progress: Option<Arc<dyn Progress>>,
}

impl Cli {
    pub fn lang(&self, env: &Environment) -> Lang {
        match self.lang {
            Some(LangArg::En) => Lang::En,
            Some(LangArg::Zh) => Lang::Zh,
            None => env
                .locale
                .as_deref()
                .map(Lang::from_locale)
                .unwrap_or_default(),
        }
    }

    pub fn color(&self, env: &Environment) -> bool {
        match self.color {
            ColorWhen::Always => true,
            ColorWhen::Never => false,
            ColorWhen::Auto => env.color_auto,
        }
    }
}

pub fn run(cli: &Cli, env: &Environment) -> Result<Outcome> {
    let lang = cli.lang(env);
    let text = |stdout: String| Outcome {
        stdout,
        exit: Exit::Clean,
    };
    match &cli.command {
        Command::Check(args) => check(args, cli, env),
        Command::Diagnose(args) => diagnose(args, cli, env),
        Command::Batch(args) => run_batch(args, cli, env),
        Command::Completions { shell } => {
            let mut buf = Vec::new();
            clap_complete::generate(*shell, &mut Cli::command(), "kyc-precheck", &mut buf);
            Ok(text(
                String::from_utf8(buf).context("rendering the completions")?,
            ))
        }
        Command::Man { command } => man(command.as_deref()).map(text),
        Command::Explain { code } => explain(code, lang, cli.color(env)),
        Command::Codes { format } => Ok(text(render::catalog::codes(
            lang,
            *format == ListFormat::Json,
        ))),
        Command::Policy { name, list } => {
            if *list {
                Ok(text(crate::policy::presets::list(lang)))
            } else {
                let policy = Policy::preset(name)?;
                Ok(text(
                    crate::policy::presets::toml_header(name)
                        + &render::policy_toml::render(&policy),
                ))
            }
        }
        Command::Schema => Ok(text(
            serde_json::to_string_pretty(&crate::profile::json_schema())
                .context("rendering the schema")?
                + "\n",
        )),
    }
}

/// `--today`, or the local date.
pub fn today(arg: Option<&str>, env: &Environment) -> Result<NaiveDate> {
    match arg {
        None => Ok(env.today),
        Some(s) => NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d").with_context(|| {
            format!("--today `{s}` is not a date: write it as YYYY-MM-DD, e.g. 2026-11-22")
        }),
    }
}

/// What `check` and `diagnose` share: the checked report and how to present it.
struct Checked {
    report: Report,
    opts: RenderOptions,
    started: Instant,
    format: Format,
    strict: bool,
}

fn run_check(args: &CheckArgs, cli: &Cli, env: &Environment) -> Result<Checked> {
    let started = Instant::now();
    let policy = Policy::load(&args.common.policy)?;
    let today = today(args.common.today.as_deref(), env)?;
    let mut image_overrides = BTreeMap::new();
    for (subject, path) in [
        (Subject::IdFront, &args.id_front),
        (Subject::IdBack, &args.id_back),
        (Subject::Selfie, &args.selfie),
    ] {
        if let Some(p) = path {
            image_overrides.insert(subject, p.clone());
        }
    }
    let (bytes, name, base_dir) = match args.profile.as_deref() {
        None if image_overrides.is_empty() => bail!(
            "nothing to check: pass a PROFILE.json, or at least one photo with --id-front FILE, --id-back FILE or --selfie FILE (e.g. `kyc-precheck check --id-front front.jpg --selfie selfie.jpg`)"
        ),
        None => {
            let shown: Vec<String> = image_overrides
                .values()
                .map(|p| p.display().to_string())
                .collect();
            (None, shown.join(" + "), PathBuf::from("."))
        }
        Some("-") => {
            let bytes = match (env.read_stdin)(policy.limits.max_profile_bytes) {
                Ok(bytes) => bytes,
                Err(ReadError::TooLarge { size, limit }) => {
                    return Err(profile_too_large("<stdin>", size, limit));
                }
                Err(e) => bail!("reading the profile from standard input: {}", e.reason()),
            };
            (Some(bytes), "<stdin>".to_string(), PathBuf::from("."))
        }
        Some(profile) => {
            let path = Path::new(profile);
            if path.is_dir() {
                bail!(
                    "{profile} is a folder: pass the profile file inside it (e.g. {}/profile.json), or use `batch` for a folder of cases",
                    profile.trim_end_matches('/')
                );
            }
            let bytes = match read_file(path, policy.limits.max_profile_bytes) {
                Ok(bytes) => bytes,
                Err(ReadError::TooLarge { size, limit }) => {
                    return Err(profile_too_large(profile, size, limit));
                }
                Err(e) => bail!("cannot read the profile {profile}: {}", e.reason()),
            };
            let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
            (Some(bytes), profile.to_string(), base)
        }
    };
    let request = CheckRequest {
        profile: bytes,
        profile_name: name.clone(),
        base_dir,
        image_overrides,
        image_fallbacks: BTreeMap::new(),
        policy: policy.clone(),
        today,
        thumbnails: thumbnails_for(args.common.format),
    };
    let report = app::check(&request)?;
    let opts = RenderOptions {
        lang: cli.lang(env),
        show_pii: args.common.show_pii,
        color: cli.color(env) && args.common.format == Format::Text,
        profile_name: name,
        policy_name: policy.name.clone(),
        today: today.format("%Y-%m-%d").to_string(),
    };
    Ok(Checked {
        report,
        opts,
        started,
        format: args.common.format,
        strict: args.common.strict,
    })
}

/// Only the HTML report shows the photos: other formats skip encoding thumbnails.
fn thumbnails_for(format: Format) -> Option<ThumbnailSpec> {
    (format == Format::Html).then_some(ThumbnailSpec::HTML)
}

/// A profile over `limits.max_profile_bytes`, not read (exit 2).
fn profile_too_large(name: &str, size: Option<u64>, limit: u64) -> anyhow::Error {
    let size = size
        .map(|n| format!(" ({})", human_bytes(n)))
        .unwrap_or_default();
    anyhow::anyhow!(
        "{name}{size} is larger than {}, the largest profile read (limits.max_profile_bytes); a profile is a few hundred bytes of JSON: is this the right file?",
        human_bytes(limit)
    )
}

fn exit_for(report: &Report, strict: bool) -> Exit {
    if report.is_rejection(strict) {
        Exit::Findings
    } else {
        Exit::Clean
    }
}

fn check(args: &CheckArgs, cli: &Cli, env: &Environment) -> Result<Outcome> {
    let c = run_check(args, cli, env)?;
    let stdout = match c.format {
        Format::Text => render::text::render(&c.report, &c.opts),
        Format::Json => render::json::render(&c.report, &c.opts),
        Format::Junit => render::junit::check(&c.report, &c.opts, c.strict, c.started.elapsed()),
        Format::Html => render::html::check(&c.report, &c.opts),
    };
    Ok(Outcome {
        stdout,
        exit: exit_for(&c.report, c.strict),
    })
}

fn diagnose(args: &DiagnoseArgs, cli: &Cli, env: &Environment) -> Result<Outcome> {
    if args.rejection.trim().is_empty() {
        bail!(
            "--rejection is empty: pass the platform's code (e.g. veriff:204, sumsub:GRAPHIC_EDITOR) or its words (e.g. \"document expired\", \"图片模糊\")"
        );
    }
    let c = run_check(&args.check, cli, env)?;
    let diagnosis = Diagnosis::new(Rejection::parse(&args.rejection), &c.report);
    let stdout = match c.format {
        Format::Text => crate::diagnose::render::text(&c.report, &diagnosis, &c.opts),
        Format::Json => crate::diagnose::render::json(&c.report, &diagnosis, &c.opts),
        Format::Junit => render::junit::check(
            &diagnosis.ordered(&c.report),
            &c.opts,
            c.strict,
            c.started.elapsed(),
        ),
        Format::Html => render::html::diagnose(&c.report, &diagnosis, &c.opts),
    };
    Ok(Outcome {
        stdout,
        exit: exit_for(&c.report, c.strict),
    })
}

fn run_batch(args: &BatchArgs, cli: &Cli, env: &Environment) -> Result<Outcome> {
    let html = args.common.format == Format::Html;
    match (&args.output, html) {
        (None, true) => bail!(
            "batch --format html writes one page per case: give the folder to write them to with -o DIR (e.g. `kyc-precheck batch cases/ --format html -o report/`, then open report/index.html)"
        ),
        (Some(_), false) => bail!(
            "-o/--output is only used with --format html; other formats print to standard output"
        ),
        _ => {}
    }
    let policy = Policy::load(&args.common.policy)?;
    let today = today(args.common.today.as_deref(), env)?;
    let opts = BatchOptions {
        policy,
        today,
        strict: args.common.strict,
        jobs: args.jobs.map(usize::from),
        shard: args.shard,
        thumbnails: thumbnails_for(args.common.format),
    };
    let progress: &dyn Progress = match &env.progress {
        Some(p) => p.as_ref(),
        None => &NoProgress,
    };
    let result = batch::run(&args.dir, &opts, progress)?;
    let render = BatchRender {
        lang: cli.lang(env),
        show_pii: args.common.show_pii,
        color: cli.color(env) && args.common.format == Format::Text,
        policy_name: opts.policy.name.clone(),
        today: today.format("%Y-%m-%d").to_string(),
    };
    let stdout = match args.common.format {
        Format::Text => batch::output::text(&result, &render),
        Format::Json => batch::output::json_lines(&result, &render),
        Format::Junit => render::junit::batch(&result, &render),
        Format::Html => {
            let dir = args.output.as_deref().unwrap_or(Path::new("."));
            let written = render::html::write_batch(&result, &render, dir)?;
            crate::messages::html::written(
                &written.index.display().to_string(),
                written.pages,
                render.lang,
            )
        }
    };
    let exit = if result.all_passed() {
        Exit::Clean
    } else {
        Exit::Findings
    };
    Ok(Outcome { stdout, exit })
}

/// The man page of the tool, or of one of its subcommands.
fn man(command: Option<&str>) -> Result<String> {
    let mut cmd = Cli::command();
    cmd.build();
    let page = match command {
        None => cmd,
        Some(name) => match cmd.find_subcommand(name) {
            Some(sub) => sub.clone().version(env!("CARGO_PKG_VERSION")),
            None => bail!(
                "no subcommand `{name}` (subcommands: {})",
                cmd.get_subcommands()
                    .map(|s| s.get_name().to_string())
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        },
    };
    let mut buf = Vec::new();
    clap_mangen::Man::new(page)
        .render(&mut buf)
        .context("rendering the man page")?;
    String::from_utf8(buf).context("rendering the man page")
}

fn explain(code: &str, lang: Lang, color: bool) -> Result<Outcome> {
    match code.parse::<Code>() {
        Ok(c) => Ok(Outcome {
            stdout: render::catalog::explain(&[c], lang, color),
            exit: Exit::Clean,
        }),
        Err(err) => {
            // The same vendor-code lookup as `diagnose --rejection`.
            if let Some(vendor) = vendors::lookup(code).filter(|v| v.recognised()) {
                return Ok(Outcome {
                    stdout: crate::diagnose::render::vendor_explanation(&vendor, lang, color),
                    exit: Exit::Clean,
                });
            }
            match err.nearest {
                Some(near) => bail!(
                    "unknown reason code `{code}`: did you mean {near}? (`kyc-precheck codes` lists them all)"
                ),
                None => bail!(
                    "unknown reason code `{code}` (`kyc-precheck codes` lists them all; vendor codes look like veriff:204 or sumsub:GRAPHIC_EDITOR)"
                ),
            }
        }
    }
}
