//! Export and import (#11): an encrypted export opens in a fresh folder with every table and
//! column; two diverged copies merge to the union with the newer edits; a second import changes
//! nothing; every bad file is refused with a specific message and changes nothing; a SIGKILL
//! during an import leaves the store as it was.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::sync::Arc;

use chrono::Utc;
use ebb_core::transfer::{ImportFile, replace_with_import};
use ebb_core::{GenerateOptions, Intensity, NewJournalEntry, NewUrge, Store};

use crate::support::table_sums;

const PASS: &str = "correct horse battery";

fn contains(haystack: &[u8], needle: &str) -> bool {
    haystack.windows(needle.len()).any(|w| w == needle.as_bytes())
}

struct Folder {
    _dir: tempfile::TempDir,
    path: PathBuf,
}

impl Folder {
    fn new() -> Self {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().to_path_buf();
        Self { _dir: dir, path }
    }
    fn db(&self) -> PathBuf {
        self.path.join("ebb.db")
    }
    fn store(&self) -> Store {
        Store::open(self.db(), &crate::test_key()).unwrap()
    }
}

/// Somewhere outside both data folders to save exports.
fn outside() -> tempfile::TempDir {
    tempfile::tempdir().unwrap()
}

fn populated() -> Folder {
    let folder = Folder::new();
    let mut store = folder.store();
    store.generate(&GenerateOptions::new(400, 11, Utc::now())).unwrap();
    let urge = store
        .log_urge(NewUrge {
            note: Some("EXPORT-MARKER-a41f".into()),
            ..NewUrge::now(Intensity::try_from(8).unwrap())
        })
        .unwrap();
    store
        .create_journal_entry(NewJournalEntry {
            body: "A journal entry".into(),
            urge_id: Some(urge.id),
            ..Default::default()
        })
        .unwrap();
    folder
}

#[test]
fn an_export_imported_into_a_fresh_folder_equals_the_original() {
    let from = populated();
    let out = outside();
    let file = out.path().join("ebb-export.ebb");
    let store = from.store();
    let report = store.export_encrypted(&file, PASS, None).unwrap();
    assert_eq!(report.cravings, 401);
    let bytes = std::fs::read(&file).unwrap();
    assert!(!contains(&bytes, "EXPORT-MARKER-a41f"), "an export is encrypted");
    assert!(!contains(&bytes, "SQLite format 3"), "not even the header is plain");

    let to = Folder::new();
    let import = ImportFile::open(&file, PASS, &to.path).unwrap();
    replace_with_import(&to.db(), &crate::test_key(), &import, Utc::now()).unwrap();
    drop(import);
    let moved = to.store();
    assert_eq!(
        table_sums(moved.connection()),
        table_sums(store.connection()),
        "every table and column arrives as it was"
    );
    let leftovers: Vec<_> = std::fs::read_dir(&to.path)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with(".import"))
        .collect();
    assert!(leftovers.is_empty(), "the import's working copy is gone: {leftovers:?}");
}

#[test]
fn two_diverged_copies_merge_to_the_union_with_the_newer_edits() {
    let a = populated();
    let out = outside();
    let first = out.path().join("a.ebb");
    a.store().export_encrypted(&first, PASS, None).unwrap();

    // B starts as a copy of A, then each goes its own way.
    let b = Folder::new();
    let import = ImportFile::open(&first, PASS, &b.path).unwrap();
    replace_with_import(&b.db(), &crate::test_key(), &import, Utc::now()).unwrap();
    drop(import);

    let mut sa = a.store();
    let ids: Vec<String> =
        sa.urges_page(None, 3).unwrap().urges.into_iter().map(|u| u.id).collect();
    std::thread::sleep(std::time::Duration::from_millis(5));
    sa.set_urge_note(&ids[0], Some("edited on A".into())).unwrap();
    let only_a = sa.log_urge(NewUrge::now(Intensity::try_from(3).unwrap())).unwrap().id;

    let mut sb = b.store();
    sb.set_urge_note(&ids[1], Some("edited on B".into())).unwrap();
    let only_b = sb.log_urge(NewUrge::now(Intensity::try_from(4).unwrap())).unwrap().id;
    let second = out.path().join("b.ebb");
    sb.export_encrypted(&second, PASS, None).unwrap();

    let import = ImportFile::open(&second, PASS, &a.path).unwrap();
    let preview = sa.preview_import(&import).unwrap();
    let cravings = preview.counts.iter().find(|c| c.what == "cravings").unwrap();
    assert_eq!((cravings.in_file, cravings.already_here), (402, 401), "{preview:?}");
    let report = sa.merge_import(&import, None).unwrap();
    assert!(report.added >= 1 && report.updated >= 1, "{report:?}");
    assert!(sa.urge(&only_a).is_ok() && sa.urge(&only_b).is_ok(), "the union of both");
    assert_eq!(
        sa.urge(&ids[0]).unwrap().note.as_deref(),
        Some("edited on A"),
        "A's newer edit stays"
    );
    assert_eq!(
        sa.urge(&ids[1]).unwrap().note.as_deref(),
        Some("edited on B"),
        "B's newer edit wins"
    );
    assert_eq!(sa.count_urges().unwrap(), 403);

    // Importing the same file again changes nothing.
    let before = table_sums(sa.connection());
    let again = sa.merge_import(&import, None).unwrap();
    assert_eq!((again.added, again.updated), (0, 0), "a second import adds nothing");
    assert_eq!(table_sums(sa.connection()), before, "and changes nothing");
    let insights =
        sa.insights(&ebb_core::InsightsRequest { range: ebb_core::InsightsRange::All }).unwrap();
    assert_eq!(insights.counters.cravings, 403, "Insights' totals follow the merged cravings");
}

fn export_of(folder: &Folder, out: &Path, name: &str) -> PathBuf {
    let file = out.join(name);
    folder.store().export_encrypted(&file, PASS, None).unwrap();
    file
}

/// Rewrites an export's content with raw SQL under its own key (a hostile or damaged file).
fn tamper(file: &Path, sql: &str) {
    let mut salt = [0u8; 16];
    use std::io::Read;
    std::fs::File::open(file).unwrap().read_exact(&mut salt).unwrap();
    let params = argon2::Params::new(19 * 1024, 2, 1, Some(32)).unwrap();
    let mut key = [0u8; 32];
    argon2::Argon2::new(argon2::Algorithm::Argon2id, argon2::Version::V0x13, params)
        .hash_password_into(PASS.as_bytes(), &salt, &mut key)
        .unwrap();
    let hex: String = key.iter().map(|b| format!("{b:02x}")).collect();
    let conn = rusqlite::Connection::open(file).unwrap();
    conn.pragma_update(None, "key", format!("x'{hex}'")).unwrap();
    conn.execute_batch(sql).unwrap();
}

#[test]
fn bad_files_get_a_specific_message_and_change_nothing() {
    let here = populated();
    let source = populated();
    let out = outside();
    let good = export_of(&source, out.path(), "good.ebb");
    let before = table_sums(here.store().connection());

    let truncated = out.path().join("truncated.ebb");
    let bytes = std::fs::read(&good).unwrap();
    std::fs::write(&truncated, &bytes[..bytes.len() / 2 / 4096 * 4096]).unwrap();
    let junk = out.path().join("junk.ebb");
    std::fs::write(&junk, vec![7u8; 8192]).unwrap();
    let plain = out.path().join("plain.db");
    rusqlite::Connection::open(&plain)
        .unwrap()
        .execute_batch("CREATE TABLE urges (id); INSERT INTO urges VALUES (1);")
        .unwrap();
    let enormous = out.path().join("enormous.ebb");
    std::fs::File::create(&enormous).unwrap().set_len(10 * 1024 * 1024 * 1024).unwrap();
    let newer = export_of(&source, out.path(), "newer.ebb");
    tamper(&newer, "PRAGMA user_version = 999;");
    let nul = export_of(&source, out.path(), "nul.ebb");
    tamper(&nul, "UPDATE urges SET note = 'a' || char(0) || 'b' WHERE rowid = 1;");
    let huge = export_of(&source, out.path(), "huge.ebb");
    tamper(&huge, "INSERT INTO settings (key, value) VALUES ('x', printf('%.*c', 200000, 'x'));");
    let dangling = export_of(&source, out.path(), "dangling.ebb");
    tamper(
        &dangling,
        "PRAGMA foreign_keys = OFF; INSERT INTO outcomes (urge_id, intensity_after, action, recorded_at, updated_at) VALUES ('no-such-craving', 3, 'didnt_use', 1, 1);",
    );

    let cases: Vec<(&Path, &str, &str)> = vec![
        (&good, "wrong passphrase!", "passphrase doesn't open"),
        (&truncated, PASS, "damaged or incomplete"),
        (&junk, PASS, "isn't an Ebb export"),
        (&plain, PASS, "plain database"),
        (&enormous, PASS, "far larger than any Ebb export"),
        (&newer, PASS, "newer Ebb"),
        (&nul, PASS, "NUL characters"),
        (&huge, PASS, "over 100000 characters"),
        (&dangling, PASS, "links to records that aren't in it"),
        (Path::new("/no/such/file.ebb"), PASS, "can't find"),
    ];
    for (file, passphrase, words) in cases {
        let result = ImportFile::open(file, passphrase, &here.path)
            .and_then(|import| here.store().merge_import(&import, None).map(|_| ()));
        let err = result.expect_err(&format!("{} must be refused", file.display()));
        assert_eq!(err.code(), "invalid_input", "{}: {err:?}", file.display());
        assert!(err.to_string().contains(words), "{}: {err}", file.display());
        assert!(err.to_string().chars().count() < 300, "a short message: {err}");
        assert_eq!(
            table_sums(here.store().connection()),
            before,
            "{} changed nothing",
            file.display()
        );
    }
}

#[test]
fn cancel_stops_an_import_and_changes_nothing() {
    let here = populated();
    let source = populated();
    let out = outside();
    let file = export_of(&source, out.path(), "x.ebb");
    let mut store = here.store();
    let before = table_sums(store.connection());
    let import = ImportFile::open(&file, PASS, &here.path).unwrap();
    let cancel = Arc::new(std::sync::atomic::AtomicBool::new(true));
    let err = store.merge_import(&import, Some(cancel)).unwrap_err();
    assert_eq!(err.code(), "cancelled", "{err:?}");
    assert_eq!(table_sums(store.connection()), before, "a cancelled import changes nothing");
}

#[test]
fn sigkill_during_an_import_leaves_the_store_as_it_was() {
    let here = Folder::new();
    let db = here.db();
    let key = ebb_core::keys::tool_key(&db).unwrap();
    let mut store = Store::open(&db, &key).unwrap();
    store.log_urge(NewUrge::now(Intensity::try_from(5).unwrap())).unwrap();
    let before = table_sums(store.connection());
    drop(store);
    let source = populated();
    let out = outside();
    let file = export_of(&source, out.path(), "x.ebb");

    let mut child = Command::new(env!("CARGO_BIN_EXE_ebb-cli"))
        .args(["import", db.to_str().unwrap(), file.to_str().unwrap(), PASS])
        .env("EBB_PAUSE_AT", "import-merged")
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let line = BufReader::new(child.stderr.take().unwrap()).lines().next();
    assert_eq!(line.map(Result::unwrap).unwrap_or_default(), "paused-at import-merged");
    child.kill().unwrap();
    assert!(!child.wait().unwrap().success());

    let store = Store::open(&db, &key).unwrap();
    assert_eq!(table_sums(store.connection()), before, "the killed import left nothing");
}

#[test]
fn the_csv_zip_has_every_craving_quoted_safely_and_says_it_is_not_encrypted() {
    let folder = populated();
    let mut store = folder.store();
    store
        .log_urge(NewUrge {
            note: Some("=SUM(1), \"quoted\"\nsecond line".into()),
            ..NewUrge::now(Intensity::try_from(2).unwrap())
        })
        .unwrap();
    let out = outside();
    let file = out.path().join("ebb-csv.zip");
    let report = store.export_csv(&file, None).unwrap();
    assert_eq!(report.cravings, 402);

    let mut zip = zip::ZipArchive::new(std::fs::File::open(&file).unwrap()).unwrap();
    let mut read = |name: &str| {
        let mut text = String::new();
        std::io::Read::read_to_string(&mut zip.by_name(name).unwrap(), &mut text).unwrap();
        text
    };
    let cravings = read("cravings.csv");
    assert!(cravings.starts_with("id,occurred_at_utc,occurred_at_local,"), "a header row");
    assert!(
        cravings.contains("\"'=SUM(1), \"\"quoted\"\"\nsecond line\""),
        "commas, quotes and line breaks quoted; a formula defused"
    );
    assert!(cravings.contains("EXPORT-MARKER-a41f"), "the person's words, as written");
    assert!(read("sessions.csv").starts_with("id,craving_id,technique,"));
    assert!(read("journal.csv").contains("A journal entry"));
    assert!(read("README.txt").contains("NOT encrypted"), "the README says it plainly");

    let inside = store.export_csv(&folder.path.join("x.zip"), None).unwrap_err();
    assert_eq!(inside.code(), "invalid_input", "not into Ebb's own folder: {inside:?}");
    let relative = store.export_csv(Path::new("x.zip"), None).unwrap_err();
    assert_eq!(relative.code(), "invalid_input");
}
