//! The data key, and where it is kept.
//!
//! Every file Ebb writes is encrypted with one random 256-bit **data key** (SQLCipher, keyed
//! with the raw key, so opening costs no key derivation). [`KEY_FILE`] beside the store says
//! where that key lives:
//! - `keystore`: the platform keystore (Secret Service, Keychain, Credential Manager), reached
//!   through the [`Keystore`] trait, which the shell implements;
//! - `file`: no keystore answered and no passcode is set, so the key is in [`KEY_FILE`] itself,
//!   readable by this user only (0600), and Settings says plainly that a passcode is what
//!   protects it on this device;
//! - `passcode`: wrapped with XChaCha20-Poly1305 under a key that Argon2id derives from the
//!   person's PIN or passphrase, and wrapped once more under a one-time recovery code. Changing
//!   or removing the passcode re-wraps the key only; the database is never re-encrypted.
//!
//! Wrong passcodes are counted in [`KEY_FILE`] (so a restart doesn't reset the count); after
//! [`FREE_TRIES`] each try waits longer ([`retry_delay`]). Nothing is ever erased by failed
//! tries. Key material lives in [`Zeroizing`] buffers, wiped when dropped, and is never logged:
//! [`DataKey`]'s `Debug` prints nothing of it.

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};

use argon2::{Algorithm, Argon2, Params, Version};
use chacha20poly1305::aead::{Aead, Payload};
use chacha20poly1305::{KeyInit, XChaCha20Poly1305, XNonce};
use serde::{Deserialize, Serialize};
use ts_rs::TS;
use zeroize::Zeroizing;

use crate::{Clock, Error, Invalid, Result, files};

/// The key file's name inside the data folder.
pub const KEY_FILE: &str = "ebb.keys";

/// Wrong tries allowed before each further try has to wait.
pub const FREE_TRIES: u32 = 5;

/// The longest wait between tries, however many went wrong.
pub const MAX_RETRY_DELAY_SECONDS: i64 = 60 * 60;

/// Argon2id's memory, iterations and lanes for new wraps: OWASP's minimum (19 MiB, 2, 1).
/// Stored beside each wrap, so they can be raised later without breaking older files.
const ARGON2_MEMORY_KIB: u32 = 19 * 1024;
const ARGON2_ITERATIONS: u32 = 2;
const ARGON2_LANES: u32 = 1;

/// Bounds on stored parameters: a hostile key file must not make Ebb allocate gigabytes.
const MAX_MEMORY_KIB: u32 = 1024 * 1024;
const MAX_ITERATIONS: u32 = 16;
const MAX_LANES: u32 = 8;

const FORMAT: &str = "ebb-keys";
const FORMAT_VERSION: u32 = 1;
const PASSCODE_AAD: &[u8] = b"ebb-keys-v1:passcode";
const RECOVERY_AAD: &[u8] = b"ebb-keys-v1:recovery";

/// Crockford's base32: no I, L, O or U, so a code copied by hand reads back the same.
const RECOVERY_ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
/// 24 characters × 5 bits = 120 bits, shown as six groups of four.
const RECOVERY_CHARS: usize = 24;

/// The longest passcode accepted (a pasted novel is refused before Argon2 sees it).
const MAX_PASSCODE_CHARS: usize = 256;
/// The shortest passphrase.
pub const MIN_PASSPHRASE_CHARS: usize = 8;

/// The random 256-bit key every file of the store is encrypted with. Wiped from memory when
/// dropped; its `Debug` shows nothing of it.
#[derive(Clone)]
pub struct DataKey(Zeroizing<[u8; 32]>);

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(…)")
    }
}

impl DataKey {
    /// A fresh random key from the operating system's generator.
    pub fn generate() -> Result<Self> {
        let mut bytes = Zeroizing::new([0u8; 32]);
        random(&mut bytes[..])?;
        Ok(Self(bytes))
    }

    /// The key as 64 lowercase hex digits (for a keystore entry).
    pub fn to_hex(&self) -> Zeroizing<String> {
        hex(&self.0[..])
    }

    /// A key from 32 bytes (derived elsewhere, e.g. an export's passphrase).
    pub(crate) fn from_bytes(bytes: [u8; 32]) -> Self {
        Self(Zeroizing::new(bytes))
    }

    /// Reads 64 hex digits; `None` if it isn't one.
    pub fn from_hex(text: &str) -> Option<Self> {
        let bytes = unhex(text.trim())?;
        let array: [u8; 32] = bytes.as_slice().try_into().ok()?;
        Some(Self(Zeroizing::new(array)))
    }

    /// SQLCipher's raw-key form, `x'…'`: the key is used as it is, with no derivation.
    pub(crate) fn sqlcipher_literal(&self) -> Zeroizing<String> {
        let hex = self.to_hex();
        Zeroizing::new(format!("x'{}'", hex.as_str()))
    }
}

/// A platform keystore holding one secret for this data folder. The shell implements it with
/// the `keyring` crate; tests use [`MemoryKeystore`]; tools with no keystore use [`NoKeystore`].
pub trait Keystore: Send + Sync {
    /// The keystore's name for Settings ("Secret Service", "Keychain").
    fn name(&self) -> String;
    /// The stored secret, `Ok(None)` if there is none, `Err` if the keystore didn't answer.
    fn load(&self) -> std::result::Result<Option<Zeroizing<String>>, String>;
    /// Stores the secret, replacing any earlier one.
    fn save(&self, secret: &str) -> std::result::Result<(), String>;
    /// Removes the secret (no error if there was none).
    fn delete(&self) -> std::result::Result<(), String>;
}

/// No keystore: the key falls back to the key file (tools, CI, a bare Linux session).
#[derive(Debug, Default, Clone, Copy)]
pub struct NoKeystore;

impl Keystore for NoKeystore {
    fn name(&self) -> String {
        "none".to_owned()
    }
    fn load(&self) -> std::result::Result<Option<Zeroizing<String>>, String> {
        Err("no keystore on this device".to_owned())
    }
    fn save(&self, _secret: &str) -> std::result::Result<(), String> {
        Err("no keystore on this device".to_owned())
    }
    fn delete(&self) -> std::result::Result<(), String> {
        Ok(())
    }
}

/// A keystore in memory, for tests.
#[derive(Debug, Default)]
pub struct MemoryKeystore {
    secret: Mutex<Option<Zeroizing<String>>>,
}

impl MemoryKeystore {
    /// Whether it holds a secret now.
    pub fn holds_secret(&self) -> bool {
        self.secret.lock().unwrap_or_else(|e| e.into_inner()).is_some()
    }
    /// Forgets the secret, as a reinstalled system or another device would.
    pub fn forget(&self) {
        *self.secret.lock().unwrap_or_else(|e| e.into_inner()) = None;
    }
}

impl Keystore for MemoryKeystore {
    fn name(&self) -> String {
        "Test keystore".to_owned()
    }
    fn load(&self) -> std::result::Result<Option<Zeroizing<String>>, String> {
        Ok(self.secret.lock().unwrap_or_else(|e| e.into_inner()).clone())
    }
    fn save(&self, secret: &str) -> std::result::Result<(), String> {
        *self.secret.lock().unwrap_or_else(|e| e.into_inner()) =
            Some(Zeroizing::new(secret.to_owned()));
        Ok(())
    }
    fn delete(&self) -> std::result::Result<(), String> {
        self.forget();
        Ok(())
    }
}

/// Where the data key is kept now.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum KeyProtection {
    /// In the platform keystore; no passcode.
    Keystore,
    /// In the key file, readable by this user only; no keystore answered and no passcode is set.
    File,
    /// Wrapped by a PIN or passphrase (and by the recovery code).
    Passcode,
}

/// A PIN (4–8 digits) or a passphrase (8 or more characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum PasscodeKind {
    /// 4 to 8 digits.
    Pin,
    /// 8 to 256 characters.
    Passphrase,
}

impl PasscodeKind {
    fn word(self) -> &'static str {
        match self {
            PasscodeKind::Pin => "PIN",
            PasscodeKind::Passphrase => "passphrase",
        }
    }
}

/// What the lock screen and Settings show about the lock.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct LockStatus {
    /// The store is closed: only the unlock pad and Help now are shown.
    pub locked: bool,
    /// Where the data key is kept.
    pub protection: KeyProtection,
    /// The kind of passcode, when there is one.
    pub passcode_kind: Option<PasscodeKind>,
    /// The keystore's name, when the key is in one.
    pub keystore_name: Option<String>,
    /// Wrong tries since the last right one.
    pub wrong_tries: u32,
    /// Seconds until another try is allowed (0: now).
    pub retry_in_seconds: u32,
}

/// The one-time recovery code, shown once when a passcode is set.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
#[ts(rename_all = "camelCase")]
pub struct RecoveryCode {
    /// Six groups of four characters, e.g. `K7QM-3XJ9-…`.
    pub code: String,
}

/// Argon2id's parameters and salt, stored beside each wrap.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Kdf {
    algorithm: String,
    memory_kib: u32,
    iterations: u32,
    lanes: u32,
    salt: String,
}

/// The data key encrypted under a derived key.
#[derive(Debug, Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Wrap {
    kdf: Kdf,
    aead: String,
    nonce: String,
    ciphertext: String,
}

/// The key file, version 1 (documented in ARCHITECTURE.md).
#[derive(Clone, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct KeyFile {
    format: String,
    version: u32,
    protection: KeyProtection,
    /// The key in hex: only when `protection` is `file`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    key: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    passcode_kind: Option<PasscodeKind>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    passcode: Option<Wrap>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    recovery: Option<Wrap>,
    #[serde(default)]
    failures: u32,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    retry_at_ms: Option<i64>,
}

impl Drop for KeyFile {
    fn drop(&mut self) {
        if let Some(key) = &mut self.key {
            zeroize::Zeroize::zeroize(key);
        }
    }
}

/// How long the next try must wait after `failures` wrong tries: nothing for the first
/// [`FREE_TRIES`], then 30 s, doubling each time, at most an hour.
pub fn retry_delay(failures: u32) -> chrono::Duration {
    if failures < FREE_TRIES {
        return chrono::Duration::zero();
    }
    let doublings = (failures - FREE_TRIES).min(12);
    let seconds = (30_i64 << doublings).min(MAX_RETRY_DELAY_SECONDS);
    chrono::Duration::seconds(seconds)
}

/// The data folder's key file and keystore: the only way to the [`DataKey`].
pub struct Vault {
    path: PathBuf,
    file: Option<KeyFile>,
    keystore: Arc<dyn Keystore>,
    clock: Arc<dyn Clock>,
}

impl std::fmt::Debug for Vault {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Vault").field("path", &self.path).finish_non_exhaustive()
    }
}

impl Vault {
    /// Reads the key file in `dir` (none yet is fine: the first open makes one).
    pub fn load(dir: &Path, keystore: Arc<dyn Keystore>, clock: Arc<dyn Clock>) -> Result<Self> {
        let path = dir.join(KEY_FILE);
        let file = match std::fs::read(&path) {
            Ok(bytes) => Some(parse_key_file(&path, &bytes)?),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
            Err(e) => return Err(Error::KeysUnreadable { path, reason: e.to_string() }),
        };
        Ok(Self { path, file, keystore, clock })
    }

    /// Whether a PIN or passphrase must be entered before the data opens.
    pub fn has_passcode(&self) -> bool {
        self.file.as_ref().is_some_and(|f| f.protection == KeyProtection::Passcode)
    }

    /// Whether a key was ever made for this folder.
    pub fn exists(&self) -> bool {
        self.file.is_some()
    }

    /// What the lock screen and Settings show; `locked` is the shell's knowledge.
    pub fn status(&self, locked: bool) -> LockStatus {
        let protection = self.file.as_ref().map_or(KeyProtection::File, |f| f.protection);
        let failures = self.file.as_ref().map_or(0, |f| f.failures);
        LockStatus {
            locked,
            protection,
            passcode_kind: self.file.as_ref().and_then(|f| f.passcode_kind),
            keystore_name: (protection == KeyProtection::Keystore).then(|| self.keystore.name()),
            wrong_tries: failures,
            retry_in_seconds: self.wait_seconds(),
        }
    }

    /// The key when no passcode is set: from the keystore or the key file. The first time, a
    /// key is made and kept in the keystore if one answers, else in the key file.
    ///
    /// If the store at `db` already holds encrypted data, a missing key is an error (the data
    /// can't be read without it), never a reason to make a new one.
    pub fn open_without_passcode(&mut self, db: &Path) -> Result<DataKey> {
        let missing = |detail: String| Error::KeyMissing { path: db.to_path_buf(), detail };
        let Some(file) = &self.file else {
            if holds_encrypted_data(db) {
                // An encrypted store is whole pages; anything else was never Ebb's data.
                if std::fs::metadata(db).is_ok_and(|m| m.len() % 4096 != 0) {
                    return Err(Error::Unreadable {
                        path: db.to_path_buf(),
                        reason: "it isn't a database".to_owned(),
                    });
                }
                return Err(missing(format!("there is no key file ({KEY_FILE}) beside it")));
            }
            return self.create();
        };
        match file.protection {
            KeyProtection::Passcode => Err(Error::Locked),
            KeyProtection::File => {
                file.key.as_deref().and_then(DataKey::from_hex).ok_or_else(|| {
                    Error::KeysUnreadable {
                        path: self.path.clone(),
                        reason: "the key in it is damaged".to_owned(),
                    }
                })
            }
            KeyProtection::Keystore => match self.keystore.load() {
                Ok(Some(secret)) => DataKey::from_hex(&secret).ok_or_else(|| {
                    missing(format!("the key in {} is damaged", self.keystore.name()))
                }),
                Ok(None) => Err(missing(format!("{} has no key for it", self.keystore.name()))),
                Err(reason) => {
                    Err(missing(format!("the keystore didn't answer ({})", short(&reason))))
                }
            },
        }
    }

    fn create(&mut self) -> Result<DataKey> {
        let key = DataKey::generate()?;
        // The keystore first: if Ebb stops before the key file is written, the next start
        // simply makes a new key (no store was encrypted with this one yet).
        let file = match self.keystore.save(&key.to_hex()) {
            Ok(()) => new_file(KeyProtection::Keystore, None),
            Err(_) => new_file(KeyProtection::File, Some(key.to_hex().to_string())),
        };
        self.write(file)?;
        Ok(key)
    }

    /// Unwraps the key with the person's PIN or passphrase. A wrong one is counted (and may
    /// make the next try wait); nothing is ever erased.
    pub fn unlock(&mut self, passcode: &str) -> Result<DataKey> {
        let file = self.file.clone().ok_or(Error::NoPasscode)?;
        let (Some(kind), Some(wrap)) = (file.passcode_kind, &file.passcode) else {
            return Err(Error::NoPasscode);
        };
        check_entered(passcode, kind)?;
        self.check_wait()?;
        match unwrap(wrap, passcode.as_bytes(), PASSCODE_AAD)? {
            Some(key) => {
                self.record_success()?;
                Ok(key)
            }
            None => Err(self.record_failure(kind.word())?),
        }
    }

    /// Unwraps the key with the recovery code and sets a new passcode (the recovery code keeps
    /// working).
    pub fn recover(
        &mut self,
        recovery_code: &str,
        kind: PasscodeKind,
        passcode: &str,
    ) -> Result<DataKey> {
        let file = self.file.clone().ok_or(Error::NoPasscode)?;
        let Some(wrap) = &file.recovery else { return Err(Error::NoPasscode) };
        let code = normalize_recovery_code(recovery_code)?;
        validate_passcode(kind, passcode)?;
        self.check_wait()?;
        let Some(key) = unwrap(wrap, code.as_bytes(), RECOVERY_AAD)? else {
            return Err(self.record_failure("recovery code")?);
        };
        let mut next = file.clone();
        next.passcode_kind = Some(kind);
        next.passcode = Some(wrap_key(&key, passcode.as_bytes(), PASSCODE_AAD)?);
        next.failures = 0;
        next.retry_at_ms = None;
        self.write(next)?;
        Ok(key)
    }

    /// Sets a first passcode over `key` (the open store's) and returns the recovery code to
    /// show once. The key then leaves the keystore and the key file.
    pub fn set_passcode(
        &mut self,
        key: &DataKey,
        kind: PasscodeKind,
        passcode: &str,
    ) -> Result<RecoveryCode> {
        if self.has_passcode() {
            return Err(Invalid::new(
                "passcode",
                "A passcode is already set. Change it, or remove it first.",
            )
            .into());
        }
        validate_passcode(kind, passcode)?;
        let code = new_recovery_code()?;
        let mut file = new_file(KeyProtection::Passcode, None);
        file.passcode_kind = Some(kind);
        file.passcode = Some(wrap_key(key, passcode.as_bytes(), PASSCODE_AAD)?);
        file.recovery = Some(wrap_key(key, code.as_bytes(), RECOVERY_AAD)?);
        // Written before the keystore entry goes, so at every moment one of them opens the data.
        self.write(file)?;
        // Best effort: if the keystore keeps a copy, the passcode still guards the screen.
        let _ = self.keystore.delete();
        Ok(RecoveryCode { code: group(&code) })
    }

    /// Replaces the passcode, given the current one. Re-wraps the key; the data is untouched.
    pub fn change_passcode(
        &mut self,
        current: &str,
        kind: PasscodeKind,
        passcode: &str,
    ) -> Result<()> {
        validate_passcode(kind, passcode)?;
        let key = self.unlock(current)?;
        let mut next = self.file.clone().ok_or(Error::NoPasscode)?;
        next.passcode_kind = Some(kind);
        next.passcode = Some(wrap_key(&key, passcode.as_bytes(), PASSCODE_AAD)?);
        self.write(next)
    }

    /// Removes the passcode, given the current one: the key goes back to the keystore, or to
    /// the key file if no keystore answers.
    pub fn remove_passcode(&mut self, current: &str) -> Result<()> {
        let key = self.unlock(current)?;
        let file = match self.keystore.save(&key.to_hex()) {
            Ok(()) => new_file(KeyProtection::Keystore, None),
            Err(_) => new_file(KeyProtection::File, Some(key.to_hex().to_string())),
        };
        self.write(file)
    }

    fn wait_seconds(&self) -> u32 {
        let Some(at) = self.file.as_ref().and_then(|f| f.retry_at_ms) else { return 0 };
        let left_ms = at - self.clock.now().timestamp_millis();
        if left_ms <= 0 {
            return 0;
        }
        // A clock set back can't make the wait longer than the longest wait.
        let seconds = (left_ms + 999) / 1000;
        seconds.min(MAX_RETRY_DELAY_SECONDS) as u32
    }

    fn check_wait(&self) -> Result<()> {
        match self.wait_seconds() {
            0 => Ok(()),
            seconds => Err(Error::TryLater { seconds }),
        }
    }

    fn record_failure(&mut self, what: &'static str) -> Result<Error> {
        let mut next = self.file.clone().ok_or(Error::NoPasscode)?;
        next.failures = next.failures.saturating_add(1);
        let delay = retry_delay(next.failures);
        next.retry_at_ms = (delay > chrono::Duration::zero())
            .then(|| (self.clock.now() + delay).timestamp_millis());
        let failures = next.failures;
        self.write(next)?;
        Ok(Error::WrongPasscode {
            what,
            tries_left: FREE_TRIES.saturating_sub(failures),
            wait_seconds: self.wait_seconds(),
        })
    }

    fn record_success(&mut self) -> Result<()> {
        let Some(file) = &self.file else { return Ok(()) };
        if file.failures == 0 && file.retry_at_ms.is_none() {
            return Ok(());
        }
        let mut next = file.clone();
        next.failures = 0;
        next.retry_at_ms = None;
        self.write(next)
    }

    fn write(&mut self, file: KeyFile) -> Result<()> {
        let json = Zeroizing::new(serde_json::to_vec_pretty(&file).map_err(|e| {
            Error::KeysUnreadable { path: self.path.clone(), reason: e.to_string() }
        })?);
        files::write_atomic(&self.path, &json).map_err(Error::Io)?;
        self.file = Some(file);
        Ok(())
    }
}

/// The key of the store at `db` for a tool with no keystore and no passcode prompt (`ebb-cli`,
/// `ebb-generate`, tests): read from the key file beside it, or made there for a new folder.
/// A folder whose key is in a keystore or behind a passcode is refused with a clear error.
pub fn tool_key(db: &Path) -> Result<DataKey> {
    let dir = db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let mut vault = Vault::load(dir, Arc::new(NoKeystore), Arc::new(crate::SystemClock))?;
    vault.open_without_passcode(db)
}

/// Whether the file at `db` already holds data that only its own key can read (anything but
/// nothing, an empty file, or a plain store from an older Ebb, which gets a new key).
pub fn holds_encrypted_data(db: &Path) -> bool {
    !matches!(
        crate::cipher::inspect(db),
        Ok(crate::cipher::Found::Nothing | crate::cipher::Found::Plain)
    )
}

fn new_file(protection: KeyProtection, key: Option<String>) -> KeyFile {
    KeyFile {
        format: FORMAT.to_owned(),
        version: FORMAT_VERSION,
        protection,
        key,
        passcode_kind: None,
        passcode: None,
        recovery: None,
        failures: 0,
        retry_at_ms: None,
    }
}

fn parse_key_file(path: &Path, bytes: &[u8]) -> Result<KeyFile> {
    let unreadable = |reason: String| Error::KeysUnreadable { path: path.to_path_buf(), reason };
    let file: KeyFile = serde_json::from_slice(bytes)
        .map_err(|e| unreadable(format!("it isn't Ebb's key file ({})", short(&e.to_string()))))?;
    if file.format != FORMAT {
        return Err(unreadable("it isn't Ebb's key file".to_owned()));
    }
    if file.version > FORMAT_VERSION {
        return Err(unreadable(format!(
            "it was written by a newer Ebb (key file version {})",
            file.version
        )));
    }
    let complete = match file.protection {
        KeyProtection::File => file.key.is_some(),
        KeyProtection::Keystore => true,
        KeyProtection::Passcode => {
            file.passcode_kind.is_some() && file.passcode.is_some() && file.recovery.is_some()
        }
    };
    if !complete {
        return Err(unreadable("parts of it are missing".to_owned()));
    }
    for wrap in [&file.passcode, &file.recovery].into_iter().flatten() {
        params_of(&wrap.kdf).map_err(|reason| unreadable(reason.to_owned()))?;
    }
    Ok(file)
}

fn params_of(kdf: &Kdf) -> std::result::Result<Params, &'static str> {
    if kdf.algorithm != "argon2id" {
        return Err("it names a key derivation Ebb doesn't use");
    }
    if kdf.memory_kib > MAX_MEMORY_KIB || kdf.iterations > MAX_ITERATIONS || kdf.lanes > MAX_LANES {
        return Err("its key derivation settings are out of range");
    }
    Params::new(kdf.memory_kib, kdf.iterations, kdf.lanes, Some(32))
        .map_err(|_| "its key derivation settings are out of range")
}

fn derive(secret: &[u8], kdf: &Kdf) -> Result<Zeroizing<[u8; 32]>> {
    let params = params_of(kdf).map_err(|r| Error::Crypto(r.to_owned()))?;
    let salt = unhex(&kdf.salt).ok_or_else(|| Error::Crypto("damaged salt".to_owned()))?;
    let mut out = Zeroizing::new([0u8; 32]);
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
        .hash_password_into(secret, &salt, &mut out[..])
        .map_err(|e| Error::Crypto(e.to_string()))?;
    Ok(out)
}

fn wrap_key(key: &DataKey, secret: &[u8], aad: &[u8]) -> Result<Wrap> {
    let mut salt = [0u8; 16];
    random(&mut salt)?;
    let mut nonce = [0u8; 24];
    random(&mut nonce)?;
    let kdf = Kdf {
        algorithm: "argon2id".to_owned(),
        memory_kib: ARGON2_MEMORY_KIB,
        iterations: ARGON2_ITERATIONS,
        lanes: ARGON2_LANES,
        salt: hex(&salt).to_string(),
    };
    let wrapping = derive(secret, &kdf)?;
    let cipher = XChaCha20Poly1305::new_from_slice(&wrapping[..])
        .map_err(|e| Error::Crypto(e.to_string()))?;
    let ciphertext = cipher
        .encrypt(XNonce::from_slice(&nonce), Payload { msg: &key.0[..], aad })
        .map_err(|e| Error::Crypto(e.to_string()))?;
    Ok(Wrap {
        kdf,
        aead: "xchacha20poly1305".to_owned(),
        nonce: hex(&nonce).to_string(),
        ciphertext: hex(&ciphertext).to_string(),
    })
}

/// `Ok(None)` when the secret is wrong (the AEAD tag doesn't match).
fn unwrap(wrap: &Wrap, secret: &[u8], aad: &[u8]) -> Result<Option<DataKey>> {
    if wrap.aead != "xchacha20poly1305" {
        return Err(Error::Crypto("unknown key wrapping".to_owned()));
    }
    let nonce = unhex(&wrap.nonce).filter(|n| n.len() == 24);
    let ciphertext = unhex(&wrap.ciphertext);
    let (Some(nonce), Some(ciphertext)) = (nonce, ciphertext) else {
        return Err(Error::Crypto("damaged key wrapping".to_owned()));
    };
    let wrapping = derive(secret, &wrap.kdf)?;
    let cipher = XChaCha20Poly1305::new_from_slice(&wrapping[..])
        .map_err(|e| Error::Crypto(e.to_string()))?;
    let Ok(plain) = cipher.decrypt(XNonce::from_slice(&nonce), Payload { msg: &ciphertext, aad })
    else {
        return Ok(None);
    };
    let plain = Zeroizing::new(plain);
    let array: [u8; 32] = plain
        .as_slice()
        .try_into()
        .map_err(|_| Error::Crypto("damaged key wrapping".to_owned()))?;
    Ok(Some(DataKey(Zeroizing::new(array))))
}

/// Checks a new passcode; the messages are shown to the person as they are.
pub fn validate_passcode(kind: PasscodeKind, passcode: &str) -> Result<(), Invalid> {
    let chars = passcode.chars().count();
    match kind {
        PasscodeKind::Pin => {
            if !passcode.chars().all(|c| c.is_ascii_digit()) {
                return Err(Invalid::new("passcode", "A PIN is digits only, 0 to 9."));
            }
            if !(4..=8).contains(&chars) {
                return Err(Invalid::new(
                    "passcode",
                    format!("A PIN is 4 to 8 digits; this one has {chars}."),
                ));
            }
        }
        PasscodeKind::Passphrase => {
            if passcode.trim().chars().count() < MIN_PASSPHRASE_CHARS {
                return Err(Invalid::new(
                    "passcode",
                    format!(
                        "A passphrase needs at least {MIN_PASSPHRASE_CHARS} characters (not \
                         counting spaces at either end)."
                    ),
                ));
            }
            if chars > MAX_PASSCODE_CHARS {
                return Err(Invalid::new(
                    "passcode",
                    format!("A passphrase can be at most {MAX_PASSCODE_CHARS} characters."),
                ));
            }
            if passcode.chars().any(char::is_control) {
                return Err(Invalid::new(
                    "passcode",
                    "A passphrase can't hold invisible control characters.",
                ));
            }
        }
    }
    Ok(())
}

/// A passcode typed at the pad: refused without counting a try when it can't be one.
fn check_entered(passcode: &str, kind: PasscodeKind) -> Result<(), Invalid> {
    if passcode.is_empty() {
        return Err(Invalid::new("passcode", format!("Enter your {}.", kind.word())));
    }
    if passcode.chars().count() > MAX_PASSCODE_CHARS {
        return Err(Invalid::new(
            "passcode",
            format!("That is longer than any {} Ebb accepts.", kind.word()),
        ));
    }
    Ok(())
}

fn new_recovery_code() -> Result<Zeroizing<String>> {
    let mut bytes = Zeroizing::new([0u8; RECOVERY_CHARS]);
    random(&mut bytes[..])?;
    // Each byte picks one of 32 characters: 256 is a multiple of 32, so every one is as likely.
    let code: String = bytes.iter().map(|b| RECOVERY_ALPHABET[(b % 32) as usize] as char).collect();
    Ok(Zeroizing::new(code))
}

fn group(code: &str) -> String {
    code.as_bytes()
        .chunks(4)
        .map(|c| String::from_utf8_lossy(c).into_owned())
        .collect::<Vec<_>>()
        .join("-")
}

/// Reads a recovery code as a person may type it: any case, with spaces or dashes, and O/I/L
/// for 0/1.
pub fn normalize_recovery_code(text: &str) -> Result<Zeroizing<String>, Invalid> {
    let mut code = Zeroizing::new(String::with_capacity(RECOVERY_CHARS));
    for c in text.chars().take(4 * RECOVERY_CHARS) {
        if c.is_whitespace() || c == '-' {
            continue;
        }
        let c = match c.to_ascii_uppercase() {
            'O' => '0',
            'I' | 'L' => '1',
            other => other,
        };
        if !RECOVERY_ALPHABET.contains(&(c as u8)) || !c.is_ascii() {
            return Err(Invalid::new(
                "recoveryCode",
                "A recovery code has only letters and digits, in six groups of four.",
            ));
        }
        code.push(c);
    }
    if code.len() != RECOVERY_CHARS {
        return Err(Invalid::new(
            "recoveryCode",
            format!(
                "A recovery code has {RECOVERY_CHARS} letters and digits (six groups of four); \
                 this one has {}.",
                code.len()
            ),
        ));
    }
    Ok(code)
}

fn random(buf: &mut [u8]) -> Result<()> {
    getrandom::fill(buf).map_err(|e| Error::Crypto(format!("no random numbers: {e}")))
}

fn hex(bytes: &[u8]) -> Zeroizing<String> {
    const DIGITS: &[u8; 16] = b"0123456789abcdef";
    let mut out = Zeroizing::new(String::with_capacity(bytes.len() * 2));
    for b in bytes {
        out.push(DIGITS[(b >> 4) as usize] as char);
        out.push(DIGITS[(b & 15) as usize] as char);
    }
    out
}

fn unhex(text: &str) -> Option<Zeroizing<Vec<u8>>> {
    if !text.len().is_multiple_of(2) {
        return None;
    }
    let digit = |c: u8| (c as char).to_digit(16);
    let mut out = Zeroizing::new(Vec::with_capacity(text.len() / 2));
    for pair in text.as_bytes().chunks(2) {
        out.push((digit(pair[0])? * 16 + digit(pair[1])?) as u8);
    }
    Some(out)
}

/// At most 80 characters of an outside message (never the whole of a hostile input).
fn short(text: &str) -> String {
    let mut out: String = text.chars().take(80).collect();
    if text.chars().count() > 80 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recovery_codes_read_back_as_typed_by_hand() {
        let code = new_recovery_code().expect("random numbers");
        let shown = group(&code);
        assert_eq!(shown.len(), 29, "six groups of four with five dashes: {shown}");
        let typed = shown.to_lowercase().replace('-', " ").replace('0', "o").replace('1', "l");
        let read = normalize_recovery_code(&typed).expect("a hand-copied code reads");
        assert_eq!(read.as_str(), code.as_str(), "lower case, spaces and O/L must read back");
    }

    #[test]
    fn delays_grow_after_five_tries_and_stop_at_an_hour() {
        assert_eq!(retry_delay(4), chrono::Duration::zero(), "four wrong tries cost nothing");
        assert_eq!(retry_delay(5).num_seconds(), 30, "the fifth starts a short wait");
        assert_eq!(retry_delay(6).num_seconds(), 60, "each further try doubles it");
        assert_eq!(retry_delay(40).num_seconds(), 3600, "never more than an hour");
    }

    #[test]
    fn hex_round_trips_and_refuses_junk() {
        let key = DataKey::generate().expect("random numbers");
        let back = DataKey::from_hex(&key.to_hex()).expect("its own hex reads");
        assert_eq!(&back.0[..], &key.0[..], "the same 32 bytes");
        assert!(DataKey::from_hex("zz").is_none(), "not hex");
        assert!(DataKey::from_hex(&"ab".repeat(31)).is_none(), "31 bytes is not a key");
        assert_eq!(format!("{key:?}"), "DataKey(…)", "Debug must never print key material");
    }
}
