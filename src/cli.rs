//! Command-line interface: the clap definitions and the dispatch from a parsed command to an
//! `Outcome` (text to print and an exit code). The binary prints and exits; this never does.

use anyhow::{Context, Result, bail};
use chrono::NaiveDate;
use clap::{Args, Parser, Subcommand, ValueEnum};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use crate::app::{self, CheckRequest};
use crate::codes::{self, Code};
use crate::finding::Subject;
use crate::messages::Lang;
use crate::policy::Policy;
use crate::render::{self, RenderOptions};

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
    /// Check a profile (and its images) for likely rejection reasons.
    Check(CheckArgs),
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
        /// default or strict.
        #[arg(default_value = "default")]
        name: String,
    },
    /// Print the JSON Schema of the profile file.
    Schema,
}

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// The profile JSON (`-` reads standard input).
    pub profile: String,
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
    /// Standard input, read only when the profile is `-`.
    pub read_stdin: fn() -> std::io::Result<Vec<u8>>,
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
        Command::Explain { code } => explain(code, lang, cli.color(env)),
        Command::Codes { format } => Ok(text(render::catalog::codes(
            lang,
            *format == ListFormat::Json,
        ))),
        Command::Policy { name } => Ok(text(render::policy_toml::render(&Policy::preset(name)?))),
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

fn check(args: &CheckArgs, cli: &Cli, env: &Environment) -> Result<Outcome> {
    let policy = Policy::load(&args.common.policy)?;
    let today = today(args.common.today.as_deref(), env)?;
    let (bytes, name, base_dir) = if args.profile == "-" {
        let bytes = (env.read_stdin)().context("reading the profile from standard input")?;
        (bytes, "<stdin>".to_string(), PathBuf::from("."))
    } else {
        let path = Path::new(&args.profile);
        if path.is_dir() {
            bail!(
                "{} is a folder: pass the profile file inside it (e.g. {}/profile.json), or use `batch` for a folder of cases",
                args.profile,
                args.profile.trim_end_matches('/')
            );
        }
        let bytes = std::fs::read(path)
            .with_context(|| format!("cannot read the profile {}", args.profile))?;
        let base = path.parent().map(Path::to_path_buf).unwrap_or_default();
        (bytes, args.profile.clone(), base)
    };
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
    let request = CheckRequest {
        profile: bytes,
        profile_name: name.clone(),
        base_dir,
        image_overrides,
        policy: policy.clone(),
        today,
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
    let stdout = match args.common.format {
        Format::Text => render::text::render(&report, &opts),
        Format::Json => render::json::render(&report, &opts),
    };
    let exit = if report.is_rejection(args.common.strict) {
        Exit::Findings
    } else {
        Exit::Clean
    };
    Ok(Outcome { stdout, exit })
}

fn explain(code: &str, lang: Lang, color: bool) -> Result<Outcome> {
    match code.parse::<Code>() {
        Ok(c) => Ok(Outcome {
            stdout: render::catalog::explain(&[c], lang, color),
            exit: Exit::Clean,
        }),
        Err(err) => {
            let vendor = codes::codes_for_vendor(code);
            if !vendor.is_empty() {
                let mut out = render::catalog::vendor_intro(code, &vendor, lang);
                out.push_str(&render::catalog::explain(&vendor, lang, color));
                return Ok(Outcome {
                    stdout: out,
                    exit: Exit::Clean,
                });
            }
            match err.nearest {
                Some(near) => bail!(
                    "unknown reason code `{code}`: did you mean {near}? (`kyc-precheck codes` lists them all)"
                ),
                None => bail!("unknown reason code `{code}` (`kyc-precheck codes` lists them all)"),
            }
        }
    }
}
