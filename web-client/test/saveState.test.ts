import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { deriveSaveState, isProblem, SaveAnnouncer, type ProviderFacts, type SaveState } from '../src/saveState';

const online: ProviderFacts = { connection: 'connected', synced: true, unsyncedChanges: 0, denied: false, everConnected: true };

describe('deriveSaveState', () => {
  it('says saved only when connected, synced and nothing is waiting for the server', () => {
    expect(deriveSaveState(online)).toBe('saved');
  });

  it('says saving while an update waits for acknowledgement', () => {
    expect(deriveSaveState({ ...online, unsyncedChanges: 1 })).toBe('saving');
  });

  it('says saving while the handshake of a new connection is not finished', () => {
    expect(deriveSaveState({ ...online, synced: false })).toBe('saving');
  });

  it('says not saved — offline when disconnected with pending changes', () => {
    expect(deriveSaveState({ ...online, connection: 'disconnected', unsyncedChanges: 3 })).toBe('offline-unsaved');
    expect(deriveSaveState({ ...online, connection: 'connecting', unsyncedChanges: 1 })).toBe('offline-unsaved');
  });

  it('never says saved while disconnected, even with nothing pending', () => {
    expect(deriveSaveState({ ...online, connection: 'disconnected' })).toBe('offline');
    expect(deriveSaveState({ ...online, connection: 'disconnected', synced: true })).not.toBe('saved');
  });

  it('says connecting before the first connection', () => {
    expect(deriveSaveState({ connection: 'connecting', synced: false, unsyncedChanges: 0, denied: false, everConnected: false })).toBe('connecting');
  });

  it('says read only instead of saved when the server let us in read-only', () => {
    expect(deriveSaveState({ ...online, readonly: true })).toBe('readonly');
    expect(deriveSaveState({ ...online, readonly: true, connection: 'disconnected' })).toBe('offline');
  });

  it('does not wait for the acknowledgement of a read-only sync step 2 (nothing of its own to save)', () => {
    expect(deriveSaveState({ ...online, readonly: true, unsyncedChanges: 1 })).toBe('readonly');
    expect(deriveSaveState({ ...online, readonly: true, synced: false })).toBe('saving');
  });

  it('never says read only — up to date while own edits wait: a read-only reconnect refuses them', () => {
    expect(deriveSaveState({ ...online, readonly: true, ownChanges: true })).toBe('readonly-unsaved');
    expect(deriveSaveState({ ...online, readonly: true, ownChanges: true, synced: false, unsyncedChanges: 1 })).toBe('readonly-unsaved');
    expect(isProblem('readonly-unsaved')).toBe(true);
    // While writable, own edits are simply being saved.
    expect(deriveSaveState({ ...online, ownChanges: true, unsyncedChanges: 1 })).toBe('saving');
  });

  it('reports a refused document above everything else', () => {
    expect(deriveSaveState({ ...online, denied: true })).toBe('denied');
  });

  it('marks offline and denied as problems, not saving or saved', () => {
    expect((['offline-unsaved', 'offline', 'denied'] as SaveState[]).every(isProblem)).toBe(true);
    expect((['saved', 'saving', 'connecting'] as SaveState[]).some(isProblem)).toBe(false);
  });
});

describe('SaveAnnouncer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('announces a state once it has held for the settle time', () => {
    const heard: SaveState[] = [];
    const announcer = new SaveAnnouncer((s) => heard.push(s), 1000);
    announcer.prime('connecting');
    announcer.update('saved');
    vi.advanceTimersByTime(999);
    expect(heard).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(heard).toEqual(['saved']);
  });

  it('stays silent while typing flips between saving and saved', () => {
    const heard: SaveState[] = [];
    const announcer = new SaveAnnouncer((s) => heard.push(s), 1000);
    announcer.prime('saved');
    for (let i = 0; i < 20; i++) {
      announcer.update('saving');
      vi.advanceTimersByTime(100);
      announcer.update('saved');
      vi.advanceTimersByTime(100);
    }
    vi.advanceTimersByTime(5000);
    expect(heard).toEqual([]);
  });

  it('announces going offline and coming back, each once', () => {
    const heard: SaveState[] = [];
    const announcer = new SaveAnnouncer((s) => heard.push(s), 1000);
    announcer.prime('saved');
    announcer.update('offline-unsaved');
    vi.advanceTimersByTime(1500);
    announcer.update('offline-unsaved');
    vi.advanceTimersByTime(1500);
    announcer.update('saving');
    vi.advanceTimersByTime(200);
    announcer.update('saved');
    vi.advanceTimersByTime(1500);
    expect(heard).toEqual(['offline-unsaved', 'saved']);
  });

  it('announces nothing after dispose', () => {
    const heard: SaveState[] = [];
    const announcer = new SaveAnnouncer((s) => heard.push(s), 1000);
    announcer.update('offline');
    announcer.dispose();
    vi.advanceTimersByTime(5000);
    expect(heard).toEqual([]);
  });
});
