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
}

impl Error {
    /// A stable machine code for the kind of error, for the UI to branch on.
    pub fn code(&self) -> &'static str {
        match self {
            Error::Invalid(_) => "invalid_input",
            Error::NotFound { .. } => "not_found",
            Error::TooNew { .. } => "data_too_new",
            Error::Unreadable { .. } => "data_unreadable",
            Error::Storage(_) => "storage",
        }
    }
}

/// The core's result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
