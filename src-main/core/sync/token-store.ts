/**
 * Where the session token lives. The Electron side implements this with
 * safeStorage (the OS keychain); the browser bridge and tests keep it in
 * memory. The sync engine only ever loads, saves and clears it.
 */
export interface TokenStore {
  load(): Promise<string | null>;
  save(token: string): Promise<void>;
  clear(): Promise<void>;
}

export function memoryTokenStore(initial: string | null = null): TokenStore & { peek(): string | null } {
  let token = initial;
  return {
    load: () => Promise.resolve(token),
    save: (value) => {
      token = value;
      return Promise.resolve();
    },
    clear: () => {
      token = null;
      return Promise.resolve();
    },
    peek: () => token,
  };
}
