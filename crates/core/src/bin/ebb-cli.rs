//! `ebb-cli`: Ebb's store from a terminal, with no UI. For scripting, support, and the
//! durability test (which kills it mid-write).
//!
//! ```text
//! ebb-cli log <db> <intensity> [--note TEXT] [--repeat N]   prints "saved <n> <id>" per craving
//! ebb-cli list <db> [--limit N]                             newest first, one per line
//! ebb-cli count <db>
//! ebb-cli helps <db>                                        "what helps me", best first
//! ebb-cli counts <db>                                       builds History's count bitmaps
//! ebb-cli backup <db>                                       prints the backup's file name
//! ebb-cli restore <db> <backup name>                        backs up the store first
//! ebb-cli import <db> <export file> <passphrase>            merges an export
//! ```

use std::io::Write;
use std::process::ExitCode;

use ebb_core::{Intensity, NewUrge, Store};

const USAGE: &str = "usage:\n  ebb-cli log <db> <intensity> [--note TEXT] [--repeat N]\n  \
                     ebb-cli list <db> [--limit N]\n  ebb-cli count <db>\n  ebb-cli helps <db>\n  ebb-cli counts <db>\n  ebb-cli backup <db>\n  \
                     ebb-cli restore <db> <backup name>\n  \
                     ebb-cli import <db> <export file> <passphrase>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("{message}");
            ExitCode::FAILURE
        }
    }
}

fn flag<'a>(args: &'a [String], name: &str) -> Option<&'a str> {
    args.iter().position(|a| a == name).and_then(|i| args.get(i + 1)).map(String::as_str)
}

fn number(args: &[String], name: &str, default: u64) -> Result<u64, String> {
    flag(args, name)
        .map(|v| v.parse().map_err(|_| format!("{name} takes a whole number; got {v:?}")))
        .unwrap_or(Ok(default))
}

fn run(args: &[String]) -> Result<(), String> {
    let (command, db) = match args {
        [command, db, ..] => (command.as_str(), db),
        _ => return Err(USAGE.to_owned()),
    };
    let path = std::path::Path::new(db);
    let key = ebb_core::keys::tool_key(path).map_err(|e| e.to_string())?;
    let mut out = std::io::stdout().lock();
    if command == "restore" {
        // The store must be closed while its file is replaced: no Store is opened here.
        let name = args.get(2).ok_or(USAGE)?;
        let before = ebb_core::backup::restore_backup(path, &key, name, chrono::Utc::now())
            .map_err(|e| e.to_string())?;
        writeln!(out, "restored {name}; the store as it was is in {}", before.name)
            .map_err(|e| e.to_string())?;
        return Ok(());
    }
    let mut store = Store::open(db, &key).map_err(|e| e.to_string())?;
    match command {
        "import" => {
            let (file, passphrase) = match args {
                [_, _, file, passphrase, ..] => (file, passphrase),
                _ => return Err(USAGE.to_owned()),
            };
            let folder = path.parent().unwrap_or(std::path::Path::new("."));
            let import = ebb_core::transfer::ImportFile::open(
                std::path::Path::new(file),
                passphrase,
                folder,
            )
            .map_err(|e| e.to_string())?;
            let report = store.merge_import(&import, None).map_err(|e| e.to_string())?;
            writeln!(out, "added {}, updated {}", report.added, report.updated)
                .map_err(|e| e.to_string())?;
        }
        "backup" => {
            let info = ebb_core::backup::make_backup(
                path,
                &key,
                chrono::Utc::now(),
                ebb_core::BackupReason::Manual,
            )
            .map_err(|e| e.to_string())?;
            writeln!(out, "{}", info.name).map_err(|e| e.to_string())?;
        }
        "log" => {
            let raw = args.get(2).ok_or(USAGE)?;
            let value: i64 =
                raw.parse().map_err(|_| format!("Intensity is a whole number; got {raw:?}"))?;
            let intensity = Intensity::try_from(value).map_err(|e| e.to_string())?;
            let note = flag(args, "--note").map(str::to_owned);
            for n in 1..=number(args, "--repeat", 1)? {
                let urge = store
                    .log_urge(NewUrge { note: note.clone(), ..NewUrge::now(intensity) })
                    .map_err(|e| e.to_string())?;
                // Printed only after the commit returned: a reported row is a durable row.
                writeln!(out, "saved {n} {}", urge.id).map_err(|e| e.to_string())?;
                out.flush().map_err(|e| e.to_string())?;
            }
        }
        "list" => {
            let limit = u32::try_from(number(args, "--limit", 20)?).unwrap_or(u32::MAX);
            let page = store.urges_page(None, limit).map_err(|e| e.to_string())?;
            for urge in page.urges {
                let note = urge.note.unwrap_or_default();
                writeln!(
                    out,
                    "{}\t{}\t{}\t{note}",
                    urge.occurred_at.to_rfc3339(),
                    urge.intensity,
                    urge.id
                )
                .map_err(|e| e.to_string())?;
            }
        }
        "count" => {
            let count = store.count_urges().map_err(|e| e.to_string())?;
            writeln!(out, "{count}").map_err(|e| e.to_string())?;
        }
        "helps" => {
            let helps = store.what_helps().map_err(|e| e.to_string())?;
            for t in &helps.techniques {
                writeln!(
                    out,
                    "{}: {:+.2} (90%: {:+.2} to {:+.2}), {}",
                    t.name, t.benefit, t.low, t.high, t.confidence
                )
                .map_err(|e| e.to_string())?;
            }
        }
        "counts" => {
            store.refresh_counts().map_err(|e| e.to_string())?;
            writeln!(out, "built").map_err(|e| e.to_string())?;
        }
        _ => return Err(USAGE.to_owned()),
    }
    Ok(())
}
