// What the save indicator says, derived only from what the provider reports. "Saved" requires a
// live connection, a finished handshake and no update still waiting for the server's
// acknowledgement (the Hocuspocus provider counts those in unsyncedChanges).

export type Connection = 'connecting' | 'connected' | 'disconnected';

export interface ProviderFacts {
  connection: Connection;
  /** The provider's synced flag: the server answered our sync step 1 on the current connection. */
  synced: boolean;
  /** Updates sent (or queued) that the server has not yet acknowledged. */
  unsyncedChanges: number;
  /** The server refused the document (permission denied). */
  denied: boolean;
  /** A connection was open at least once. */
  everConnected: boolean;
  /** The server let us in read-only. */
  readonly?: boolean;
  /**
   * This window changed the text since the indicator last said "saved" (or since it opened):
   * own edits the server has not confirmed, e.g. typed offline.
   */
  ownChanges?: boolean;
  /**
   * The server closed this document alone (a refused change, the size limit) while the socket
   * stays: the provider neither saves nor reconnects it until it is authenticated again.
   */
  closed?: boolean;
}

export type SaveState = 'connecting' | 'saving' | 'saved' | 'offline-unsaved' | 'offline' | 'denied' | 'readonly' | 'readonly-unsaved' | 'closed';

export function deriveSaveState(f: ProviderFacts): SaveState {
  if (f.denied) return 'denied';
  if (f.closed) return 'closed';
  if (f.connection !== 'connected') {
    if (f.unsyncedChanges > 0) return 'offline-unsaved';
    return f.everConnected ? 'offline' : 'connecting';
  }
  // Own edits made before the connection came back read-only (typed offline, rights withdrawn in
  // the meantime) are refused by the server and exist only in this window: never "up to date".
  if (f.readonly && f.ownChanges) return 'readonly-unsaved';
  // Without own edits a read-only connection has nothing to save; its sync step 2 may stay
  // unacknowledged (a server that refuses it sends no positive SyncStatus), so it is not waited for.
  if (f.readonly) return f.synced ? 'readonly' : 'saving';
  if (!f.synced || f.unsyncedChanges > 0) return 'saving';
  return 'saved';
}

/** The message key of each state (see messages.ts). */
export const SAVE_STATE_MESSAGE = {
  connecting: 'save.connecting',
  saving: 'save.saving',
  saved: 'save.saved',
  'offline-unsaved': 'save.offlineUnsaved',
  offline: 'save.offline',
  denied: 'save.denied',
  readonly: 'save.readonly',
  'readonly-unsaved': 'save.readonlyUnsaved',
  closed: 'save.closed',
} as const satisfies Record<SaveState, string>;

/** A state that needs the user's attention is shown as a problem (with a shape, not only a colour). */
export function isProblem(state: SaveState): boolean {
  return state === 'offline-unsaved' || state === 'offline' || state === 'denied' || state === 'readonly-unsaved' || state === 'closed';
}

export interface Timers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/**
 * Decides what a polite live region announces. While typing, the state flips between "saving"
 * and "saved" many times a second; a screen reader should hear only the state that lasts.
 * A state is announced once it has held for `settleMs`, and never twice in a row.
 * Problems (offline, denied) are announced after the same delay, so a blink during a reconnect
 * stays silent too.
 */
export class SaveAnnouncer {
  private lastAnnounced: SaveState | null = null;
  private pending: unknown = null;

  constructor(
    private readonly announce: (state: SaveState) => void,
    private readonly settleMs = 1200,
    private readonly timers: Timers = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>) },
  ) {}

  /** The first state (e.g. "connecting" on page load) is taken as known, not announced. */
  prime(state: SaveState): void {
    this.lastAnnounced = state;
  }

  update(state: SaveState): void {
    if (this.pending !== null) {
      this.timers.clearTimeout(this.pending);
      this.pending = null;
    }
    if (state === this.lastAnnounced) return;
    this.pending = this.timers.setTimeout(() => {
      this.pending = null;
      this.lastAnnounced = state;
      this.announce(state);
    }, this.settleMs);
  }

  dispose(): void {
    if (this.pending !== null) this.timers.clearTimeout(this.pending);
    this.pending = null;
  }
}
