//! Where "now" comes from. Injected so tests move time without sleeping.

use std::sync::Mutex;

use chrono::{DateTime, FixedOffset, Local, Offset, TimeZone, Utc};

/// A source of the current instant and of the person's local UTC offset.
pub trait Clock: Send + Sync {
    /// The current instant.
    fn now(&self) -> DateTime<Utc>;
    /// The person's local offset from UTC at `at` (daylight saving time included).
    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset;
}

/// The device's real clock and time zone.
#[derive(Debug, Default, Clone, Copy)]
pub struct SystemClock;

impl Clock for SystemClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now()
    }

    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        Local.from_utc_datetime(&at.naive_utc()).offset().fix()
    }
}

/// A clock that stands still until told to move: for tests and benchmarks.
#[derive(Debug)]
pub struct ManualClock {
    now: Mutex<DateTime<Utc>>,
    offset: FixedOffset,
}

impl ManualClock {
    /// A clock stopped at `now`, in a zone `offset_minutes` east of UTC.
    ///
    /// An offset beyond ±18 hours (which no zone has) is clamped to UTC.
    pub fn new(now: DateTime<Utc>, offset_minutes: i32) -> Self {
        let offset = FixedOffset::east_opt(offset_minutes * 60).unwrap_or(Utc.fix());
        Self { now: Mutex::new(now), offset }
    }

    /// Moves the clock to `now`.
    pub fn set(&self, now: DateTime<Utc>) {
        *self.now.lock().unwrap_or_else(|e| e.into_inner()) = now;
    }

    /// Moves the clock forward by `by`.
    pub fn advance(&self, by: chrono::Duration) {
        let mut now = self.now.lock().unwrap_or_else(|e| e.into_inner());
        *now += by;
    }
}

impl Clock for ManualClock {
    fn now(&self) -> DateTime<Utc> {
        *self.now.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn offset_at(&self, _at: DateTime<Utc>) -> FixedOffset {
        self.offset
    }
}

/// The system clock shifted by a fixed amount: lets a test run "come back ten minutes later"
/// without waiting. The shell honours it only in debug builds (`EBB_CLOCK_OFFSET_MINUTES`).
#[derive(Debug, Clone, Copy)]
pub struct OffsetClock {
    by: chrono::Duration,
}

impl OffsetClock {
    /// The system clock, `minutes` ahead (or behind, if negative).
    pub fn new(minutes: i64) -> Self {
        Self { by: chrono::Duration::minutes(minutes) }
    }
}

impl Clock for OffsetClock {
    fn now(&self) -> DateTime<Utc> {
        Utc::now() + self.by
    }

    fn offset_at(&self, at: DateTime<Utc>) -> FixedOffset {
        SystemClock.offset_at(at)
    }
}
