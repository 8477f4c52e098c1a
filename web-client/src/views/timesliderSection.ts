// The timeslider: a native range input (arrow keys, Page keys, Home/End; its aria-valuetext
// says version, time and author) over the revisions, the text as it read at the chosen one,
// play/pause (never starts by itself; slower steps under prefers-reduced-motion), the
// "Wer hat was geschrieben?" toggle and, for those allowed, restoring the shown version.
import { errorDetail } from '../actionErrors';
import type { WaitListener } from '../api';
import { getAuthorship, getVersionText } from '../historyApi';
import type { AuthorSpan, Version } from '../history';
import { h, i18nText } from '../dom';
import { formatDateTime, t } from '../i18n';
import { createSlider, current, indexOfSeq, moveTo, pause, play, playbackDelay, tick, valueText, type SliderState } from '../timeslider';
import { authorStyles, renderLegend, renderVersionText } from './authorshipView';

export interface TimesliderOptions {
  name: string;
  versions: Version[];
  signal: AbortSignal;
  /** Offered only to those the server allows to restore; null hides the button. */
  restore: ((version: Version, button: HTMLElement) => void) | null;
  startSeq?: number | null;
  authorship?: boolean;
  /** Told while an authorship read waits for the server's Retry-After (the page says so). */
  wait?: WaitListener;
}

export interface Timeslider {
  element: HTMLElement;
  showSeq(seq: number): void;
  shownSeq(): number | null;
  authorshipOn(): boolean;
  dispose(): void;
}

/** Waits this long after the last slider move before loading (holding an arrow key moves fast). */
const LOAD_DELAY_MS = 150;

export function createTimeslider(options: TimesliderOptions): Timeslider {
  let state: SliderState = createSlider(options.versions);
  if (options.startSeq !== null && options.startSeq !== undefined) state = moveTo(state, indexOfSeq(state, options.startSeq));
  let authorship = options.authorship === true;
  const texts = new Map<number, string>();
  const authors = new Map<number, AuthorSpan[]>();
  let loadTimer: ReturnType<typeof setTimeout> | null = null;
  let playTimer: ReturnType<typeof setTimeout> | null = null;
  let loading: AbortController | null = null;
  const reducedMotion = () => window.matchMedia?.('(prefers-reduced-motion: reduce)').matches ?? false;

  const slider = h('input', { id: 'timeslider', type: 'range', min: 0, max: Math.max(0, state.steps.length - 1), step: 1, value: state.index, 'aria-describedby': 'timeslider-intro' });
  const position = h('output', { for: 'timeslider', class: 'timeslider-position' });
  const playButton = h('button', { type: 'button', class: 'button', 'aria-controls': 'version-view' });
  const toggle = h('button', { type: 'button', class: 'button authorship-toggle', 'aria-pressed': String(authorship), 'aria-controls': 'version-view' }, t('authorshipToggle'));
  const restoreButton = options.restore ? h('button', { type: 'button', class: 'button restore-button' }, t('restoreButton')) : null;
  const viewTitle = h('h3', { id: 'version-view-title' });
  const viewBody = h('div', { class: 'version-view-body' });
  const view = h('section', { id: 'version-view', class: 'version-view', 'aria-labelledby': 'version-view-title', 'aria-busy': 'false' }, viewTitle, viewBody);
  const element = h(
    'section',
    { class: 'timeslider', 'aria-labelledby': 'timeslider-title' },
    i18nText(h('h2', { id: 'timeslider-title' }), 'timesliderTitle'),
    i18nText(h('p', { id: 'timeslider-intro', class: 'muted' }), 'timesliderIntro'),
    h('div', { class: 'timeslider-row' }, i18nText(h('label', { for: 'timeslider' }), 'timesliderLabel'), slider, position),
    h('div', { class: 'timeslider-actions' }, playButton, toggle, restoreButton),
    view,
  );

  const format = {
    version: (seq: number) => t('versionLabel', { seq: String(seq) }),
    date: (iso: string) => formatDateTime(iso),
    by: (actor: string) => t('versionBy', { actor }),
    restored: (seq: number) => t('restoredFrom', { seq: String(seq) }),
  };

  function drawControls(): void {
    const version = current(state);
    slider.value = String(state.index);
    slider.setAttribute('aria-valuetext', valueText(version, format));
    position.textContent = t('timesliderPosition', { index: state.index + 1, count: state.steps.length });
    playButton.textContent = t(state.playing ? 'pause' : 'play');
    playButton.setAttribute('aria-pressed', String(state.playing));
    playButton.disabled = state.steps.length < 2;
    toggle.setAttribute('aria-pressed', String(authorship));
    element.dataset.shownSeq = version ? String(version.seq) : ''; // read by the end-to-end test
  }

  function scheduleLoad(immediately = false): void {
    if (loadTimer) clearTimeout(loadTimer);
    loadTimer = setTimeout(() => void load(), immediately ? 0 : LOAD_DELAY_MS);
  }

  async function load(): Promise<void> {
    const version = current(state);
    if (!version) return;
    loading?.abort();
    const abort = new AbortController();
    loading = abort;
    options.signal.addEventListener('abort', () => abort.abort(), { once: true });
    view.setAttribute('aria-busy', 'true');
    element.dataset.loaded = '';
    try {
      const seq = version.seq;
      let text = texts.get(seq);
      if (text === undefined) {
        text = await getVersionText(options.name, seq, abort.signal, options.wait);
        texts.set(seq, text);
      }
      let spans: AuthorSpan[] | null = null;
      if (authorship) {
        spans = authors.get(seq) ?? null;
        if (!spans) {
          spans = await getAuthorship(options.name, seq, text.length, abort.signal, options.wait);
          authors.set(seq, spans);
        }
      }
      if (abort.signal.aborted) return;
      viewTitle.textContent = `${t('versionTextTitle', { seq: String(seq) })}${version.at ? ` (${formatDateTime(version.at)})` : ''}`;
      const styles = spans ? authorStyles(spans) : null;
      viewBody.replaceChildren(...(spans && styles ? [renderLegend(spans, styles)] : []), renderVersionText(text, spans, styles));
      element.dataset.loaded = `${seq}${authorship ? '-authors' : ''}`; // read by the end-to-end test
    } catch (error) {
      if ((error as Error).name === 'AbortError') return;
      viewBody.replaceChildren(h('p', { class: 'notice notice-problem', role: 'alert' }, t('historyFailed', { detail: errorDetail(error) })));
    } finally {
      if (loading === abort) view.setAttribute('aria-busy', 'false');
    }
    if (state.playing) schedulePlayback();
  }

  function schedulePlayback(): void {
    if (playTimer) clearTimeout(playTimer);
    // The next step comes after the shown one has loaded, so playback never outruns the server.
    playTimer = setTimeout(() => {
      state = tick(state);
      drawControls();
      scheduleLoad(true);
    }, playbackDelay(reducedMotion()));
  }

  function stopPlayback(): void {
    if (playTimer) clearTimeout(playTimer);
    playTimer = null;
    state = pause(state);
  }

  slider.addEventListener('input', () => {
    stopPlayback();
    state = moveTo(state, Number(slider.value));
    drawControls();
    scheduleLoad();
  });
  playButton.addEventListener('click', () => {
    if (state.playing) stopPlayback();
    else {
      state = play(state);
      scheduleLoad(true);
    }
    drawControls();
  });
  toggle.addEventListener('click', () => {
    authorship = !authorship;
    drawControls();
    scheduleLoad(true);
  });
  restoreButton?.addEventListener('click', () => {
    const version = current(state);
    if (version && options.restore) {
      stopPlayback();
      drawControls();
      options.restore(version, restoreButton);
    }
  });

  drawControls();
  scheduleLoad(true);

  return {
    element,
    showSeq(seq: number) {
      stopPlayback();
      state = moveTo(state, indexOfSeq(state, seq));
      drawControls();
      scheduleLoad(true);
    },
    shownSeq: () => current(state)?.seq ?? null,
    authorshipOn: () => authorship,
    dispose() {
      stopPlayback();
      if (loadTimer) clearTimeout(loadTimer);
      loading?.abort();
    },
  };
}
