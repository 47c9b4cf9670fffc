// Damaged data (issue #11): when SQLite finds the store damaged, at start or later, the shell
// stops writing to it and answers every call but app_status, Help now's and the backups' own
// with the code `damaged`. Noticing that here, once, for every call, means no screen has to:
// whichever call meets it first sends the app to the damaged screen (DamagedView).
import type { AppStatus, IpcError } from '../ipc/bindings';
import type { EbbClient } from '../ipc/client';
import { watchRefusals } from '../ipc/watch';

/** The code the shell answers with while the data is damaged. */
export const DAMAGED = 'damaged';

export function isDamaged(problem: IpcError | null | undefined): boolean {
  return problem?.code === DAMAGED;
}

/** `client`, with `ondamaged` called (with the core's message) whenever any of its calls is
 *  refused because the data is damaged. The refusal still reaches the caller as before. */
export function watchDamaged(client: EbbClient, ondamaged: (problem: IpcError) => void): EbbClient {
  return watchRefusals(client, DAMAGED, ({ code, message }) => ondamaged({ code, message }));
}

/** What the app shows once a call met damaged data: the status it had, with the core's message
 *  as its problem. The same object when it already shows that (many refusals at once change
 *  nothing more); null while the app is still asking how things stand (its answer will say). */
export function withDamage(status: AppStatus | null, problem: IpcError): AppStatus | null {
  if (!status || isDamaged(status.problem)) return status;
  return { ...status, problem: { code: problem.code, message: problem.message } };
}
