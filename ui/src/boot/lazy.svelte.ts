// A place loaded on first use from its own chunk (issue #13: the first screen loads only what
// it shows). A template asks `get()`: null until the chunk is in, then the component, so every
// later visit draws it at once, in the same frame as the tap.

/** Said where the place would be if its chunk can't be read (a damaged install); opening the
 *  place again tries again. */
export const LOAD_FAILED = 'This page couldn’t be opened. Try again, or restart Ebb.';

export class Lazy<C> {
  #component = $state<C | null>(null);
  error = $state<string | null>(null);
  #loading: Promise<C> | null = null;

  constructor(private readonly importer: () => Promise<{ default: C }>) {}

  /** The component once loaded, else null (and its chunk is asked for, once). */
  get(): C | null {
    if (this.#component === null && this.#loading === null) this.load().catch(() => {});
    return this.#component;
  }

  /** Loads the chunk (once; again if it couldn’t be read) and resolves with the component. */
  load(): Promise<C> {
    this.#loading ??= this.importer().then(
      (module) => {
        this.#component = module.default;
        this.error = null;
        return module.default;
      },
      (error: unknown) => {
        this.#loading = null;
        this.error = LOAD_FAILED;
        throw error;
      },
    );
    return this.#loading;
  }
}
