//! Writes realistic generated data (see `ebb_core::GenerateOptions`) into a data folder, for
//! screenshots, benchmarks and end-to-end tests: `ebb-generate <folder> [cravings] [seed]`.
//! The folder's `ebb.db` is created if needed; generated rows are added beside any there.

use std::process::ExitCode;

use ebb_core::{GenerateOptions, Store};

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let Some(folder) = args.first() else {
        eprintln!("usage: ebb-generate <data folder> [cravings, default 2000] [seed, default 1]");
        return ExitCode::from(2);
    };
    let parse = |i: usize, default: u64| -> Result<u64, String> {
        args.get(i).map_or(Ok(default), |s| s.parse().map_err(|_| format!("not a number: {s}")))
    };
    let (cravings, seed) = match (parse(1, 2_000), parse(2, 1)) {
        (Ok(c), Ok(s)) => (c, s),
        (Err(e), _) | (_, Err(e)) => {
            eprintln!("{e}");
            return ExitCode::from(2);
        }
    };
    if let Err(e) = std::fs::create_dir_all(folder) {
        eprintln!("can't create {folder}: {e}");
        return ExitCode::FAILURE;
    }
    let run = || -> ebb_core::Result<ebb_core::GenerateReport> {
        let db = std::path::Path::new(folder).join("ebb.db");
        let key = ebb_core::keys::tool_key(&db)?;
        let mut store = Store::open(&db, &key)?;
        store.generate(&GenerateOptions::new(cravings as usize, seed, chrono::Utc::now()))
    };
    match run() {
        Ok(report) => {
            println!(
                "wrote {} cravings ({} with a check-in, {} technique sessions) to {folder}/ebb.db",
                report.cravings, report.rated, report.sessions
            );
            ExitCode::SUCCESS
        }
        Err(e) => {
            eprintln!("{e}");
            ExitCode::FAILURE
        }
    }
}
