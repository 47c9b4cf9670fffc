import { getContext, setContext } from 'svelte';
import type { EbbClient } from './client';
import type { Notifier } from '../outcomes/reminder';

const key = Symbol('ebb-client');

export function provideClient(client: EbbClient): void {
  setContext(key, client);
}

export function useClient(): EbbClient {
  const client = getContext<EbbClient | undefined>(key);
  if (!client) throw new Error('No EbbClient provided: App.svelte must call provideClient');
  return client;
}

const notifierKey = Symbol('ebb-notifier');

export function provideNotifier(notifier: Notifier): void {
  setContext(notifierKey, notifier);
}

export function useNotifier(): Notifier {
  const notifier = getContext<Notifier | undefined>(notifierKey);
  if (!notifier) throw new Error('No Notifier provided: App.svelte must call provideNotifier');
  return notifier;
}
