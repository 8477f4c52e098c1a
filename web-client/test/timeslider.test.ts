import { describe, expect, it } from 'vitest';
import type { Version } from '../src/history';
import { clampIndex, createSlider, current, indexOfSeq, moveTo, pause, play, playbackDelay, tick, valueText, withNamedSteps } from '../src/timeslider';

const v = (seq: number, actor: string | null = 'Anna', restoredSeq: number | null = null): Version => ({ seq, at: `2026-03-12T10:0${seq % 10}:00Z`, actor, note: null, size: 1, restoredSeq });
const newestFirst = [v(30), v(20, 'Ben'), v(10)];

describe('timeslider state', () => {
  it('orders the steps oldest first and starts at the newest (the current text)', () => {
    const s = createSlider(newestFirst);
    expect(s.steps.map((x) => x.seq)).toEqual([10, 20, 30]);
    expect(current(s)?.seq).toBe(30);
    expect(s.playing).toBe(false);
  });

  it('clamps moves to the ends (Home/End and arrows cannot leave the range)', () => {
    const s = createSlider(newestFirst);
    expect(current(moveTo(s, -5))?.seq).toBe(10);
    expect(current(moveTo(s, 99))?.seq).toBe(30);
    expect(clampIndex(s, Number.NaN)).toBe(0);
    expect(clampIndex(createSlider([]), 3)).toBe(0);
    expect(current(createSlider([]))).toBeNull();
  });

  it('finds the step of a seq, or the newest step before it', () => {
    const s = createSlider(newestFirst);
    expect(indexOfSeq(s, 20)).toBe(1);
    expect(indexOfSeq(s, 25)).toBe(1);
    expect(indexOfSeq(s, 5)).toBe(0);
    expect(indexOfSeq(s, 1000)).toBe(2);
  });

  it('plays step by step and stops on the newest; play at the end starts again from the oldest', () => {
    let s = play(createSlider(newestFirst));
    expect(s.playing).toBe(true);
    expect(current(s)?.seq).toBe(10);
    s = tick(s);
    expect(current(s)?.seq).toBe(20);
    expect(s.playing).toBe(true);
    s = tick(s);
    expect(current(s)?.seq).toBe(30);
    expect(s.playing).toBe(false);
    expect(tick(s)).toBe(s); // paused: nothing moves
    const mid = play(moveTo(createSlider(newestFirst), 1));
    expect(current(mid)?.seq).toBe(20);
    expect(pause(mid).playing).toBe(false);
    expect(play(createSlider([v(1)])).playing).toBe(false);
  });

  it('plays slower when reduced motion is asked for', () => {
    expect(playbackDelay(true)).toBeGreaterThan(playbackDelay(false));
  });

  it('speaks version, time, author and restore in the slider value', () => {
    const format = { version: (s: number) => `Version ${s}`, date: (iso: string) => `am ${iso.slice(0, 10)}`, by: (a: string) => `von ${a}`, restored: (s: number) => `Wiederherstellung von Version ${s}` };
    expect(valueText(v(20, 'Ben'), format)).toBe('Version 20, am 2026-03-12, von Ben');
    expect(valueText(v(40, null, 10), format)).toBe('Version 40, am 2026-03-12, Wiederherstellung von Version 10');
    expect(valueText(null, format)).toBe('');
  });

  it('adds steps for named versions inside a revision, once', () => {
    const steps = withNamedSteps(newestFirst, [
      { seq: 25, name: 'Fassung nach Ausschuss, 12.03.', at: '2026-03-12T10:00:00Z' },
      { seq: 20, name: 'schon ein Schritt', at: '' },
      { seq: 25, name: 'doppelt', at: '' },
    ]);
    expect(steps.map((x) => x.seq)).toEqual([30, 25, 20, 10]);
    expect(steps[1].note).toBe('Fassung nach Ausschuss, 12.03.');
  });
});
