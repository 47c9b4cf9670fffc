//! The one error type of the core. Each variant says what happened in words a person can read.

use std::path::PathBuf;

/// A rejected input: which field, and a message to show the person as it is.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{message}")]
pub struct Invalid {
    /// The input field at fault, as named in the request (`intensity`, `note`, …).
    pub field: &'static str,
    /// A specific, human sentence: what was wrong and what is accepted.
    pub message: String,
}

impl Invalid {
    /// A rejection of `field` with `message`.
    pub fn new(field: &'static str, message: impl Into<String>) -> Self {
        Self { field, message: message.into() }
    }
}

/// Everything that can go wrong in the core.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The input was refused; nothing was changed.
    #[error(transparent)]
    Invalid(#[from] Invalid),
    /// No record of this kind has this id (it may have been deleted).
    #[error("That {what} isn't here any more (it may have been deleted).")]
    NotFound {
        /// What kind of record: "craving", "chip", "tracked thing".
        what: &'static str,
        /// The id that was asked for.
        id: String,
    },
    /// The database was written by a newer Ebb; it was left untouched.
    #[error(
        "Your data at {path} was saved by a newer version of Ebb (data version {found}; this one \
         reads up to {supported}). Nothing was changed: update Ebb to open it."
    )]
    TooNew {
        /// Where the database is.
        path: PathBuf,
        /// Its schema version.
        found: u32,
        /// The newest schema this build knows.
        supported: u32,
    },
    /// The file is not a readable SQLite database (damaged, or not Ebb's); it was left untouched.
    #[error("The file at {path} can't be read as Ebb's data ({reason}). It was left as it is.")]
    Unreadable {
        /// Where the file is.
        path: PathBuf,
        /// What SQLite said.
        reason: String,
    },
    /// Any other storage failure.
    #[error("Ebb couldn't read or write its data: {0}")]
    Storage(#[from] rusqlite::Error),
    /// Ebb is locked: the store is closed until the person unlocks it.
    #[error("Ebb is locked. Unlock it with your PIN or passphrase to see your data.")]
    Locked,
    /// An unlock or passcode change was asked for, but no passcode is set.
    #[error("No PIN or passphrase is set, so there is nothing to unlock.")]
    NoPasscode,
    /// The PIN, passphrase or recovery code didn't open the key. Counted; nothing erased.
    #[error("That isn't your {what}. {}", wrong_tail(*tries_left, *wait_seconds))]
    WrongPasscode {
        /// "PIN", "passphrase" or "recovery code".
        what: &'static str,
        /// Tries left before each try has to wait.
        tries_left: u32,
        /// Seconds before the next try is allowed (0: now).
        wait_seconds: u32,
    },
    /// Too many wrong tries: the next one has to wait.
    #[error("Too many tries for now. You can try again in {}.", duration_words(*seconds))]
    TryLater {
        /// Seconds left.
        seconds: u32,
    },
    /// The store is encrypted but its key isn't on this device.
    #[error(
        "Ebb can't find the key to your data at {path} on this device: {detail}. If the data \
         came from another device, open it there and export it. Nothing was changed."
    )]
    KeyMissing {
        /// The store's path.
        path: PathBuf,
        /// What is missing.
        detail: String,
    },
    /// The key file can't be read (damaged, or from a newer Ebb); it was left as it is.
    #[error("Ebb can't read its key file at {path}: {reason}. It was left as it is.")]
    KeysUnreadable {
        /// The key file's path.
        path: PathBuf,
        /// Why.
        reason: String,
    },
    /// The store doesn't open with the key on this device; it was left as it is.
    #[error(
        "Ebb couldn't open your data at {path} with the key kept on this device. It may come \
         from another device, or it may be damaged. Nothing was changed."
    )]
    WrongKey {
        /// Where the database is.
        path: PathBuf,
    },
    /// Key derivation, wrapping or the random generator failed.
    #[error("Ebb couldn't use its encryption key: {0}. Nothing was changed.")]
    Crypto(String),
    /// The person pressed Cancel; nothing was changed.
    #[error("Cancelled. Nothing was changed.")]
    Cancelled,
    /// A file beside the store (the key file, a temporary copy) couldn't be written.
    #[error("Ebb couldn't write a file in its data folder: {0}. Nothing was lost.")]
    Io(std::io::Error),
}

fn wrong_tail(tries_left: u32, wait_seconds: u32) -> String {
    match (wait_seconds, tries_left) {
        (0, 0) => "Please try again.".to_owned(),
        (0, 1) => "One more try, then a short wait.".to_owned(),
        (0, n) if n <= 3 => format!("{n} more tries, then a short wait."),
        (0, _) => "Please try again.".to_owned(),
        (s, _) => format!("You can try again in {}.", duration_words(s)),
    }
}

/// "30 seconds", "1 minute", "2 minutes", "1 hour": a wait in plain words, rounded up.
pub fn duration_words(seconds: u32) -> String {
    let plural = |n: u32, one: &str, many: &str| {
        if n == 1 { format!("1 {one}") } else { format!("{n} {many}") }
    };
    if seconds < 60 {
        plural(seconds.max(1), "second", "seconds")
    } else if seconds < 3600 {
        plural(seconds.div_ceil(60), "minute", "minutes")
    } else {
        plural(seconds.div_ceil(3600), "hour", "hours")
    }
}

impl Error {
    /// Whether SQLite found the file damaged (a page that doesn't decrypt or doesn't parse):
    /// the shell then stops writing to it and offers a backup.
    pub fn is_corrupt(&self) -> bool {
        matches!(
            self,
            Error::Storage(e) if matches!(
                e.sqlite_error_code(),
                Some(rusqlite::ErrorCode::DatabaseCorrupt | rusqlite::ErrorCode::NotADatabase)
            )
        )
    }

    /// A stable machine code for the kind of error, for the UI to branch on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "invalid_input",
            Error::NotFound { .. } => "not_found",
            Error::TooNew { .. } => "data_too_new",
            Error::Unreadable { .. } => "data_unreadable",
            Error::Storage(_) | Error::Io(_) => "storage",
            Error::Locked => "locked",
            Error::NoPasscode => "no_passcode",
            Error::WrongPasscode { what: "recovery code", .. } => "wrong_recovery_code",
            Error::WrongPasscode { .. } => "wrong_passcode",
            Error::TryLater { .. } => "try_later",
            Error::KeyMissing { .. } => "key_missing",
            Error::KeysUnreadable { .. } => "keys_unreadable",
            Error::WrongKey { .. } => "wrong_key",
            Error::Crypto(_) => "internal",
            Error::Cancelled => "cancelled",
        }
    }
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
