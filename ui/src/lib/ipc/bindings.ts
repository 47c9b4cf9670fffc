// Generated from the Rust types by `make bindings` (src-tauri/src/bindings.rs).
// Do not edit by hand: a test fails when this file and the Rust types differ.

export type IpcError = { 
/**
 * `invalid_input`, `not_found`, `data_too_new`, `data_unreadable`, `storage`,
 * `store_unavailable` or `internal`.
 */
code: string, 
/**
 * A sentence for the person.
 */
message: string, };

export type AppStatus = { 
/**
 * The database file.
 */
dataPath: string, 
/**
 * Why it could not be opened, if it could not.
 */
problem: IpcError | null, };

export type NewUrge = { 
/**
 * 0–10.
 */
intensity: number, 
/**
 * The person's own words, if any.
 */
note?: string, 
/**
 * When it happened, if not now (backdating).
 */
occurredAt?: string, };

export type Urge = { 
/**
 * UUIDv7.
 */
id: string, 
/**
 * When it happened (UTC).
 */
occurredAt: string, 
/**
 * The person's local offset from UTC when it happened, in minutes east.
 */
utcOffsetMinutes: number, 
/**
 * 0–10.
 */
intensity: number, 
/**
 * The person's own words, if any.
 */
note: string | null, 
/**
 * When it was logged.
 */
createdAt: string, 
/**
 * When it was last changed.
 */
updatedAt: string, };

export type UrgeCursor = { 
/**
 * The last craving's time.
 */
occurredAt: string, 
/**
 * The last craving's id (breaks ties between cravings at the same instant).
 */
id: string, };

export type UrgePage = { 
/**
 * The cravings on this page, newest first.
 */
urges: Array<Urge>, 
/**
 * Where the next page starts; `None` on the last page.
 */
next: UrgeCursor | null, };

export type ListUrgesRequest = { 
/**
 * Where the previous page ended; absent for the first page.
 */
after?: UrgeCursor, 
/**
 * How many cravings, 1–200.
 */
limit: number, };

export type UrgeIdRequest = { 
/**
 * The craving's id.
 */
id: string, };

export type SetUrgeNoteRequest = { 
/**
 * The craving's id.
 */
id: string, 
/**
 * The note; absent, null or blank clears it.
 */
note?: string, };
