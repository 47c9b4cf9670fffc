import { getContext, setContext } from 'svelte';
import type { EbbClient } from './client';

const key = Symbol('ebb-client');

export function provideClient(client: EbbClient): void {
  setContext(key, client);
}

export function useClient(): EbbClient {
  const client = getContext<EbbClient | undefined>(key);
  if (!client) throw new Error('No EbbClient provided: App.svelte must call provideClient');
  return client;
}
