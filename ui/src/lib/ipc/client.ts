// The one door to the Rust side. Components never call `invoke` directly: they get an
// `EbbClient` (see context.ts), which tests replace with an in-memory fake.
import { invoke } from '@tauri-apps/api/core';
import type {
  AppStatus,
  IpcError,
  ListUrgesRequest,
  NewUrge,
  SetUrgeNoteRequest,
  Urge,
  UrgeIdRequest,
  UrgePage,
} from './bindings';

export interface EbbClient {
  appStatus(): Promise<AppStatus>;
  /** Tells the shell the first screen has rendered its first data (startup probe). */
  uiReady(): Promise<void>;
  logUrge(request: NewUrge): Promise<Urge>;
  setUrgeNote(request: SetUrgeNoteRequest): Promise<Urge>;
  deleteUrge(request: UrgeIdRequest): Promise<void>;
  listUrges(request: ListUrgesRequest): Promise<UrgePage>;
  countUrges(): Promise<number>;
}

/** A refusal or error from the Rust side, with its stable code and a message for people. */
export class IpcFailure extends Error implements IpcError {
  readonly code: string;

  constructor(code: string, message: string) {
    super(message);
    this.name = 'IpcFailure';
    this.code = code;
  }
}

/** Turns whatever a rejected `invoke` threw into an `IpcFailure` with a readable message. */
export function toFailure(error: unknown): IpcFailure {
  if (error instanceof IpcFailure) return error;
  if (
    typeof error === 'object' &&
    error !== null &&
    typeof (error as IpcError).code === 'string' &&
    typeof (error as IpcError).message === 'string'
  ) {
    const { code, message } = error as IpcError;
    return new IpcFailure(code, message);
  }
  const text = error instanceof Error ? error.message : String(error);
  return new IpcFailure('internal', `Something went wrong inside Ebb: ${text}`);
}

async function call<T>(command: string, args?: Record<string, unknown>): Promise<T> {
  try {
    return await invoke<T>(command, args);
  } catch (error) {
    throw toFailure(error);
  }
}

/** The real client, over Tauri's IPC. */
export function tauriClient(): EbbClient {
  return {
    appStatus: () => call('app_status'),
    uiReady: () => call('ui_ready'),
    logUrge: (request) => call('log_urge', { request }),
    setUrgeNote: (request) => call('set_urge_note', { request }),
    deleteUrge: (request) => call('delete_urge', { request }),
    listUrges: (request) => call('list_urges', { request }),
    countUrges: () => call('count_urges'),
  };
}
