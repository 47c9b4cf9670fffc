// An in-memory EbbClient for unit tests: behaves like the store for the calls the UI makes,
// including its refusals, so state classes are tested against real rules, not stubs.
import { IpcFailure, type EbbClient } from './client';
import type { ListUrgesRequest, NewUrge, Urge, UrgePage } from './bindings';

export class FakeClient implements EbbClient {
  urges: Urge[] = [];
  calls: string[] = [];
  failNext: IpcFailure | null = null;
  now = new Date('2026-11-26T20:40:00Z');
  private seq = 0;

  private check(name: string): void {
    this.calls.push(name);
    const refusal = this.failNext;
    if (refusal) {
      this.failNext = null;
      throw refusal;
    }
  }

  async appStatus() {
    this.check('appStatus');
    return { dataPath: '/tmp/ebb.db', problem: null };
  }

  async uiReady() {
    this.check('uiReady');
  }

  async logUrge(request: NewUrge): Promise<Urge> {
    this.check('logUrge');
    if (!Number.isInteger(request.intensity) || request.intensity < 0 || request.intensity > 10) {
      throw new IpcFailure(
        'invalid_input',
        `Intensity is a whole number from 0 to 10; got ${request.intensity}.`,
      );
    }
    const at = request.occurredAt ?? this.now.toISOString();
    const urge: Urge = {
      id: `urge-${++this.seq}`,
      occurredAt: at,
      utcOffsetMinutes: 0,
      intensity: request.intensity,
      note: request.note?.trim() || null,
      createdAt: at,
      updatedAt: at,
    };
    this.urges.push(urge);
    return urge;
  }

  async setUrgeNote(request: { id: string; note?: string | null }): Promise<Urge> {
    this.check('setUrgeNote');
    const urge = this.find(request.id);
    urge.note = request.note?.trim() || null;
    return { ...urge };
  }

  async deleteUrge(request: { id: string }): Promise<void> {
    this.check('deleteUrge');
    this.find(request.id);
    this.urges = this.urges.filter((u) => u.id !== request.id);
  }

  async listUrges(request: ListUrgesRequest): Promise<UrgePage> {
    this.check('listUrges');
    const sorted = [...this.urges].sort((a, b) =>
      a.occurredAt === b.occurredAt ? b.id.localeCompare(a.id) : b.occurredAt.localeCompare(a.occurredAt),
    );
    const after = request.after;
    const start = after ? sorted.findIndex((u) => u.id === after.id) + 1 : 0;
    const urges = sorted.slice(start, start + request.limit);
    const more = start + request.limit < sorted.length;
    const last = urges[urges.length - 1];
    return {
      urges,
      next: more && last ? { occurredAt: last.occurredAt, id: last.id } : null,
    };
  }

  async countUrges(): Promise<number> {
    this.check('countUrges');
    return this.urges.length;
  }

  private find(id: string): Urge {
    const urge = this.urges.find((u) => u.id === id);
    if (!urge) throw new IpcFailure('not_found', "That craving isn't here any more.");
    return urge;
  }
}
