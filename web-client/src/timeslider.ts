// The timeslider's state, apart from the DOM: the revisions as steps from oldest to newest, the
// step shown, the spoken value of the slider, and what playback does next. Playback never
// starts by itself; only the play button starts it (the page also honours reduced motion).
import type { Version } from './history';

export interface SliderState {
  /** Revisions from oldest to newest: the slider's positions. */
  steps: Version[];
  index: number;
  playing: boolean;
}

/** Steps from a newest-first version list; starts at the newest (the current text). */
export function createSlider(versions: readonly Version[]): SliderState {
  const steps = [...versions].sort((a, b) => a.seq - b.seq);
  return { steps, index: Math.max(0, steps.length - 1), playing: false };
}

export function clampIndex(state: SliderState, index: number): number {
  if (state.steps.length === 0 || !Number.isFinite(index)) return 0;
  return Math.min(state.steps.length - 1, Math.max(0, Math.round(index)));
}

export function moveTo(state: SliderState, index: number): SliderState {
  return { ...state, index: clampIndex(state, index) };
}

/** The step showing version seq, or the newest step before it (a seq inside a revision). */
export function indexOfSeq(state: SliderState, seq: number): number {
  let found = 0;
  state.steps.forEach((step, i) => {
    if (step.seq <= seq) found = i;
  });
  return found;
}

export function current(state: SliderState): Version | null {
  return state.steps[state.index] ?? null;
}

/** Starting playback at the newest step replays from the oldest. */
export function play(state: SliderState): SliderState {
  if (state.steps.length < 2) return { ...state, playing: false };
  const atEnd = state.index >= state.steps.length - 1;
  return { ...state, playing: true, index: atEnd ? 0 : state.index };
}

export function pause(state: SliderState): SliderState {
  return { ...state, playing: false };
}

/** One playback tick: the next step; playback stops on the newest. */
export function tick(state: SliderState): SliderState {
  if (!state.playing) return state;
  const index = clampIndex(state, state.index + 1);
  return { ...state, index, playing: index < state.steps.length - 1 };
}

/** Milliseconds between playback steps: slower when the person asked for reduced motion. */
export function playbackDelay(reducedMotion: boolean): number {
  return reducedMotion ? 2500 : 1000;
}

/** What a screen reader says for the slider's value: version, time and author. */
export function valueText(version: Version | null, format: { version: (seq: number) => string; date: (iso: string) => string; by: (actor: string) => string; restored?: (seq: number) => string }): string {
  if (!version) return '';
  const parts = [format.version(version.seq)];
  if (version.at) parts.push(format.date(version.at));
  if (version.actor) parts.push(format.by(version.actor));
  if (version.restoredSeq !== null && format.restored) parts.push(format.restored(version.restoredSeq));
  return parts.join(', ');
}

/**
 * Adds a step for every named version whose seq is not the end of a revision (named inside a
 * run of edits), so the slider can show each named version exactly.
 */
export function withNamedSteps(versions: readonly Version[], named: readonly { seq: number; name: string; at: string }[]): Version[] {
  const seqs = new Set(versions.map((v) => v.seq));
  const extra: Version[] = [];
  for (const n of named) {
    if (seqs.has(n.seq)) continue;
    seqs.add(n.seq);
    extra.push({ seq: n.seq, at: n.at, actor: null, note: n.name, size: null, restoredSeq: null });
  }
  return [...versions, ...extra].sort((a, b) => b.seq - a.seq);
}
