// The person's support people and their ready-made messages (Settings, Help now, Reach out).
// Every change goes through the core; a refusal is shown where it happened and nothing changes.
import type { SupportPerson } from '../ipc/bindings';
import { toFailure, type EbbClient } from '../ipc/client';

export class SupportPeople {
  people = $state<SupportPerson[]>([]);
  loaded = $state(false);
  error = $state<string | null>(null);
  busy = $state(false);

  constructor(private readonly client: EbbClient) {}

  async load(): Promise<void> {
    try {
      this.people = await this.client.listSupportPeople();
      this.error = null;
    } catch (error) {
      this.error = toFailure(error).message;
    }
    this.loaded = true;
  }

  private async run(action: () => Promise<unknown>): Promise<boolean> {
    this.busy = true;
    this.error = null;
    try {
      await action();
      this.people = await this.client.listSupportPeople();
      return true;
    } catch (error) {
      this.error = toFailure(error).message;
      return false;
    } finally {
      this.busy = false;
    }
  }

  add(name: string, phone: string, note: string): Promise<boolean> {
    return this.run(() => this.client.addSupportPerson({ name, phone, note: note || undefined }));
  }

  update(id: string, name: string, phone: string, note: string): Promise<boolean> {
    return this.run(() => this.client.updateSupportPerson({ id, name, phone, note: note || undefined }));
  }

  remove(id: string): Promise<boolean> {
    return this.run(() => this.client.deleteSupportPerson({ id }));
  }

  /** Moves a person one place up (-1) or down (+1). */
  move(id: string, by: -1 | 1): Promise<boolean> {
    const ids = this.people.map((p) => p.id);
    const from = ids.indexOf(id);
    const to = from + by;
    if (from < 0 || to < 0 || to >= ids.length) return Promise.resolve(false);
    [ids[from], ids[to]] = [ids[to]!, ids[from]!];
    return this.run(() => this.client.reorderSupportPeople({ ids }));
  }

  addMessage(personId: string, text: string): Promise<boolean> {
    return this.run(() => this.client.addSupportMessage({ personId, text }));
  }

  updateMessage(id: string, text: string): Promise<boolean> {
    return this.run(() => this.client.updateSupportMessage({ id, text }));
  }

  removeMessage(id: string): Promise<boolean> {
    return this.run(() => this.client.deleteSupportMessage({ id }));
  }
}
