//! Where the data key lives (#10): keystore or key file, a passcode that wraps it, the recovery
//! code, re-wrapping without touching the data, and a wait after wrong tries that survives a
//! restart and never erases anything.

use std::path::Path;
use std::sync::Arc;

use ebb_core::keys::{KEY_FILE, MemoryKeystore, NoKeystore};
use ebb_core::{Clock, DataKey, KeyProtection, ManualClock, PasscodeKind, Store, Vault};

use crate::support::t0;

fn vault(dir: &Path, keystore: &Arc<MemoryKeystore>, clock: &Arc<ManualClock>) -> Vault {
    Vault::load(dir, keystore.clone(), clock.clone() as Arc<dyn Clock>).unwrap()
}

fn key_file(dir: &Path) -> String {
    std::fs::read_to_string(dir.join(KEY_FILE)).unwrap()
}

fn same(a: &DataKey, b: &DataKey) -> bool {
    a.to_hex().as_str() == b.to_hex().as_str()
}

struct Folder {
    dir: tempfile::TempDir,
    keystore: Arc<MemoryKeystore>,
    clock: Arc<ManualClock>,
    key: DataKey,
}

/// A data folder with a store holding one craving, its key in a (test) keystore.
fn folder() -> Folder {
    let dir = tempfile::tempdir().unwrap();
    let keystore = Arc::new(MemoryKeystore::default());
    let clock = Arc::new(ManualClock::new(t0(), 0));
    let key = vault(dir.path(), &keystore, &clock)
        .open_without_passcode(&dir.path().join("ebb.db"))
        .unwrap();
    let mut store = Store::open(dir.path().join("ebb.db"), &key).unwrap();
    store.log_urge(ebb_core::NewUrge::now(ebb_core::Intensity::try_from(5).unwrap())).unwrap();
    Folder { dir, keystore, clock, key }
}

#[test]
fn the_first_key_goes_to_the_keystore_and_never_beside_the_data() {
    let f = folder();
    assert!(f.keystore.holds_secret(), "a keystore that answers holds the key");
    let hex = f.key.to_hex();
    assert!(!key_file(f.dir.path()).contains(hex.as_str()), "the key file must not hold the key");
    let again = vault(f.dir.path(), &f.keystore, &f.clock)
        .open_without_passcode(&f.dir.path().join("ebb.db"))
        .unwrap();
    assert!(same(&again, &f.key), "the next start finds the same key");
    assert_eq!(
        vault(f.dir.path(), &f.keystore, &f.clock).status(false).protection,
        KeyProtection::Keystore
    );
}

#[test]
fn with_no_keystore_the_key_is_in_a_file_only_this_user_reads() {
    let dir = tempfile::tempdir().unwrap();
    let mut vault =
        Vault::load(dir.path(), Arc::new(NoKeystore), Arc::new(ebb_core::SystemClock)).unwrap();
    let key = vault.open_without_passcode(&dir.path().join("ebb.db")).unwrap();
    assert_eq!(vault.status(false).protection, KeyProtection::File, "Settings must say so plainly");
    assert!(key_file(dir.path()).contains(key.to_hex().as_str()), "the fallback keeps it there");
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        let mode = std::fs::metadata(dir.path().join(KEY_FILE)).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600, "only the user may read the key file");
    }
}

#[test]
fn a_missing_keystore_entry_is_a_clear_error_and_changes_nothing() {
    let f = folder();
    let db = f.dir.path().join("ebb.db");
    let before = std::fs::read(&db).unwrap();
    f.keystore.forget();
    let err = vault(f.dir.path(), &f.keystore, &f.clock)
        .open_without_passcode(&f.dir.path().join("ebb.db"))
        .unwrap_err();
    assert_eq!(err.code(), "key_missing", "{err:?}");
    assert!(err.to_string().contains("Nothing was changed"), "{err}");
    assert_eq!(std::fs::read(&db).unwrap(), before, "the data is left as it was");
    assert!(!f.keystore.holds_secret(), "and no new key is made over it");
}

#[test]
fn a_passcode_wraps_the_key_and_the_recovery_code_opens_it_too() {
    let f = folder();
    let mut v = vault(f.dir.path(), &f.keystore, &f.clock);
    let recovery = v.set_passcode(&f.key, PasscodeKind::Pin, "2580").unwrap();
    assert_eq!(recovery.code.len(), 29, "six groups of four: {}", recovery.code);
    assert!(!f.keystore.holds_secret(), "with a passcode, the keystore no longer holds the key");
    assert!(!key_file(f.dir.path()).contains(f.key.to_hex().as_str()), "nor the key file");

    // A restart: locked until the PIN is entered.
    let mut v = vault(f.dir.path(), &f.keystore, &f.clock);
    assert!(v.has_passcode());
    assert_eq!(v.open_without_passcode(&f.dir.path().join("ebb.db")).unwrap_err().code(), "locked");
    let err = v.unlock("1111").unwrap_err();
    assert_eq!(err.code(), "wrong_passcode", "{err:?}");
    let key = v.unlock("2580").unwrap();
    assert!(same(&key, &f.key), "the PIN gives back the very key the data is encrypted with");
    assert_eq!(Store::open(f.dir.path().join("ebb.db"), &key).unwrap().count_urges().unwrap(), 1);

    // Forgot the PIN: the recovery code (typed loosely) opens it and sets a new one.
    let typed = recovery.code.to_lowercase().replace('-', " ");
    let key = v.recover(&typed, PasscodeKind::Passphrase, "a new long passphrase").unwrap();
    assert!(same(&key, &f.key), "recovery gives the same key");
    assert_eq!(v.unlock("2580").unwrap_err().code(), "wrong_passcode", "the old PIN is gone");
    assert!(same(&v.unlock("a new long passphrase").unwrap(), &f.key), "the new one works");
    let again = v.recover(&recovery.code, PasscodeKind::Pin, "97531").unwrap();
    assert!(same(&again, &f.key), "the recovery code keeps working");
    let err = v.recover("0000-0000-0000-0000-0000-0000", PasscodeKind::Pin, "1234").unwrap_err();
    assert_eq!(err.code(), "wrong_recovery_code", "{err:?}");
}

#[test]
fn changing_or_removing_the_passcode_rewraps_and_never_touches_the_data() {
    let f = folder();
    let db = f.dir.path().join("ebb.db");
    let before = std::fs::read(&db).unwrap();
    let mut v = vault(f.dir.path(), &f.keystore, &f.clock);
    v.set_passcode(&f.key, PasscodeKind::Pin, "2580").unwrap();
    let err = v.change_passcode("0000", PasscodeKind::Pin, "13579").unwrap_err();
    assert_eq!(err.code(), "wrong_passcode", "changing needs the current one: {err:?}");
    v.change_passcode("2580", PasscodeKind::Pin, "13579").unwrap();
    assert!(same(&v.unlock("13579").unwrap(), &f.key));
    assert_eq!(std::fs::read(&db).unwrap(), before, "re-wrapping never re-encrypts the data");

    v.remove_passcode("13579").unwrap();
    assert!(f.keystore.holds_secret(), "without a passcode the key goes back to the keystore");
    let mut v = vault(f.dir.path(), &f.keystore, &f.clock);
    assert!(!v.has_passcode());
    assert!(same(&v.open_without_passcode(&f.dir.path().join("ebb.db")).unwrap(), &f.key));
    assert_eq!(std::fs::read(&db).unwrap(), before, "the data file is the same, byte for byte");
}

#[test]
fn bad_new_passcodes_get_specific_messages_and_change_nothing() {
    let f = folder();
    let mut v = vault(f.dir.path(), &f.keystore, &f.clock);
    let before = key_file(f.dir.path());
    for (kind, code, words) in [
        (PasscodeKind::Pin, "123", "4 to 8 digits; this one has 3"),
        (PasscodeKind::Pin, "123456789", "4 to 8 digits; this one has 9"),
        (PasscodeKind::Pin, "12a4", "digits only"),
        (PasscodeKind::Pin, "١٢٣٤", "digits only"),
        (PasscodeKind::Passphrase, "short", "at least 8 characters"),
        (PasscodeKind::Passphrase, "        x       ", "at least 8 characters"),
        (PasscodeKind::Passphrase, "with\u{0}a nul inside", "control characters"),
    ] {
        let err = v.set_passcode(&f.key, kind, code).unwrap_err();
        assert_eq!(err.code(), "invalid_input", "{code:?}");
        assert!(err.to_string().contains(words), "{code:?}: {err}");
    }
    assert_eq!(key_file(f.dir.path()), before, "a refused passcode changes nothing");
    assert!(f.keystore.holds_secret(), "and the key stays where it was");
}

#[test]
fn wrong_tries_wait_longer_survive_a_restart_and_erase_nothing() {
    let f = folder();
    let db = f.dir.path().join("ebb.db");
    let mut v = vault(f.dir.path(), &f.keystore, &f.clock);
    v.set_passcode(&f.key, PasscodeKind::Pin, "2580").unwrap();
    let before = std::fs::read(&db).unwrap();

    for n in 1..=4 {
        let err = v.unlock("0000").unwrap_err();
        assert_eq!(err.code(), "wrong_passcode", "try {n}");
        assert_eq!(v.status(true).retry_in_seconds, 0, "the first four tries cost no wait");
    }
    let err = v.unlock("0000").unwrap_err();
    assert!(err.to_string().contains("try again in 30 seconds"), "the fifth says the wait: {err}");
    let err = v.unlock("2580").unwrap_err();
    assert_eq!(err.code(), "try_later", "even the right PIN waits: the delay is real: {err:?}");

    // A restart doesn't reset it.
    let mut v = vault(f.dir.path(), &f.keystore, &f.clock);
    let status = v.status(true);
    assert_eq!((status.wrong_tries, status.retry_in_seconds), (5, 30), "kept across a restart");
    assert_eq!(v.unlock("2580").unwrap_err().code(), "try_later");

    f.clock.advance(chrono::Duration::seconds(31));
    let err = v.unlock("0000").unwrap_err();
    assert!(err.to_string().contains("1 minute"), "the sixth doubles the wait: {err}");
    f.clock.advance(chrono::Duration::seconds(61));
    assert!(same(&v.unlock("2580").unwrap(), &f.key), "after the wait the right PIN opens");
    assert_eq!(v.status(false).wrong_tries, 0, "a right PIN clears the count");
    assert_eq!(std::fs::read(&db).unwrap(), before, "no failed try ever changed the data");
}

#[test]
fn a_damaged_or_hostile_key_file_is_refused_and_left_as_it_is() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(KEY_FILE);
    let hostile = r#"{"format":"ebb-keys","version":1,"protection":"passcode","passcodeKind":"pin",
      "passcode":{"kdf":{"algorithm":"argon2id","memoryKib":4000000000,"iterations":2,"lanes":1,
      "salt":"00"},"aead":"xchacha20poly1305","nonce":"00","ciphertext":"00"},
      "recovery":{"kdf":{"algorithm":"argon2id","memoryKib":19456,"iterations":2,"lanes":1,
      "salt":"00"},"aead":"xchacha20poly1305","nonce":"00","ciphertext":"00"}}"#;
    for (bytes, words) in [
        (b"not json at all".to_vec(), "isn't Ebb's key file"),
        (
            br#"{"format":"ebb-keys","version":99,"protection":"file","key":"00"}"#.to_vec(),
            "newer Ebb",
        ),
        (hostile.as_bytes().to_vec(), "out of range"),
        (br#"{"format":"ebb-keys","version":1,"protection":"file"}"#.to_vec(), "missing"),
    ] {
        std::fs::write(&path, &bytes).unwrap();
        let err = Vault::load(dir.path(), Arc::new(NoKeystore), Arc::new(ebb_core::SystemClock))
            .unwrap_err();
        assert_eq!(err.code(), "keys_unreadable", "{err:?}");
        assert!(err.to_string().contains(words), "{err}");
        assert_eq!(std::fs::read(&path).unwrap(), bytes, "the key file is left as it was");
    }
}
