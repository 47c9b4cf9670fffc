// Limits the core enforces (crates/core/src/urge.rs), mirrored for the UI's hints only: the core
// is the judge, and its message is what the person sees when a limit is crossed.
export const MAX_NOTE_CHARS = 10_000;
