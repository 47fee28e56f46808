//! The `kyc-precheck` binary: parse arguments, run, print, exit.

use clap::Parser;
use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::sync::Arc;

use kyc_precheck::batch::{CaseResult, Progress};
use kyc_precheck::cli::{self, Cli, Environment, Exit};

/// `batch` progress on standard error; only created when standard error is a terminal.
#[derive(Debug)]
struct Bar(indicatif::ProgressBar);

impl Bar {
    fn new() -> Bar {
        let bar =
            indicatif::ProgressBar::with_draw_target(None, indicatif::ProgressDrawTarget::stderr());
        if let Ok(style) = indicatif::ProgressStyle::with_template(
            "{spinner} [{bar:30}] {pos}/{len} cases · {elapsed} · {msg}",
        ) {
            bar.set_style(style.progress_chars("=> "));
        }
        Bar(bar)
    }
}

impl Progress for Bar {
    fn start(&self, total: usize) {
        self.0.set_length(total as u64);
    }
    fn case_done(&self, result: &CaseResult) {
        self.0.set_message(result.case.name.clone());
        self.0.inc(1);
    }
    fn finish(&self) {
        self.0.finish_and_clear();
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let env = Environment {
        today: chrono::Local::now().date_naive(),
        locale: ["LC_ALL", "LC_MESSAGES", "LANG"]
            .iter()
            .filter_map(|k| std::env::var(k).ok())
            .find(|v| !v.is_empty()),
        color_auto: std::io::stdout().is_terminal()
            && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
        read_stdin: |limit| kyc_precheck::limits::read_bounded(std::io::stdin().lock(), limit),
        progress: (matches!(cli.command, cli::Command::Batch(_))
            && std::io::stderr().is_terminal())
        .then(|| Arc::new(Bar::new()) as Arc<dyn Progress>),
    };
    colored::control::set_override(cli.color(&env));
    match cli::run(&cli, &env) {
        Ok(outcome) => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`| head`) is not an error worth reporting.
            let _ = stdout.write_all(outcome.stdout.as_bytes());
            let _ = stdout.flush();
            ExitCode::from(outcome.exit as u8)
        }
        Err(err) => {
            eprintln!("kyc-precheck: error: {err:#}");
            ExitCode::from(Exit::Error as u8)
        }
    }
}
