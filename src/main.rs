//! The `kyc-precheck` binary: parse arguments, run, print, exit.

use clap::Parser;
use std::io::{IsTerminal, Read, Write};
use std::process::ExitCode;

use kyc_precheck::cli::{self, Cli, Environment, Exit};

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
        read_stdin: || {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf)?;
            Ok(buf)
        },
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
