//! Record ids: UUIDv7, so they sort by creation time and merge without coordination.

use chrono::{DateTime, Utc};
use rand::{Rng, SeedableRng, rngs::StdRng};
use uuid::Uuid;

/// Makes a new id for a record created at `at`.
pub trait IdSource: Send {
    /// A fresh UUIDv7 whose timestamp is `at`.
    fn next_id(&mut self, at: DateTime<Utc>) -> Uuid;
}

fn v7(at: DateTime<Utc>, random: [u8; 10]) -> Uuid {
    // Instants before 1970 cannot be logged (validation stops them at 2000), so 0 is never reached.
    let millis = u64::try_from(at.timestamp_millis()).unwrap_or(0);
    uuid::Builder::from_unix_timestamp_millis(millis, &random).into_uuid()
}

/// Ids with random bits from the operating system's generator.
#[derive(Debug, Default)]
pub struct RandomIds;

impl IdSource for RandomIds {
    fn next_id(&mut self, at: DateTime<Utc>) -> Uuid {
        v7(at, rand::rng().random())
    }
}

/// Ids with random bits from a seeded generator: the same seed and clock give the same ids.
#[derive(Debug)]
pub struct SeededIds(StdRng);

impl SeededIds {
    /// A generator that always produces the same sequence for `seed`.
    pub fn new(seed: u64) -> Self {
        Self(StdRng::seed_from_u64(seed))
    }
}

impl IdSource for SeededIds {
    fn next_id(&mut self, at: DateTime<Utc>) -> Uuid {
        v7(at, self.0.random())
    }
}
