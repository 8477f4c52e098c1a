// Line numbers in the margin, as councils use them to refer to a passage ("Zeile 12").
// They count rendered lines: every text block (paragraph, heading, list item paragraph) is
// split into as many lines as its height holds at its line height.

export interface BlockBox {
  /** Offset of the block's content box from the top of the gutter's container, in px. */
  top: number;
  /** Height of the block's content box in px. */
  height: number;
  /** Computed line height in px. */
  lineHeight: number;
}

export interface LineMark {
  number: number;
  top: number;
  /** Line height of the block, so the number can be centred on its line. */
  height: number;
}

/** Numbers each rendered line of the given blocks, top to bottom, starting at 1. */
export function computeLineMarks(blocks: readonly BlockBox[]): LineMark[] {
  const marks: LineMark[] = [];
  let number = 1;
  for (const block of blocks) {
    if (!(block.lineHeight > 0) || !(block.height >= 0)) continue;
    const lines = Math.max(1, Math.round(block.height / block.lineHeight));
    for (let i = 0; i < lines; i++) {
      marks.push({ number: number++, top: block.top + i * block.lineHeight, height: block.lineHeight });
    }
  }
  return marks;
}

/** Which numbers to print: every line, or every fifth (plus the first) on narrow screens. */
export function visibleMarks(marks: readonly LineMark[], every: number): LineMark[] {
  if (every <= 1) return [...marks];
  return marks.filter((mark) => mark.number === 1 || mark.number % every === 0);
}

const TEXT_BLOCKS = 'p, h1, h2, h3, h4, h5, h6, pre';

/**
 * Keeps a gutter element filled with line numbers for an editor element. Both must share the
 * same positioned container. Recomputed after every change and resize, batched per frame.
 */
export class LineNumberGutter {
  private frame = 0;
  private readonly observer: ResizeObserver;

  constructor(
    private readonly editorElement: HTMLElement,
    private readonly gutter: HTMLElement,
  ) {
    this.observer = new ResizeObserver(() => this.schedule());
    this.observer.observe(editorElement);
    this.schedule();
  }

  schedule(): void {
    if (this.frame !== 0) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.render();
    });
  }

  private render(): void {
    const origin = this.gutter.getBoundingClientRect().top;
    const blocks: BlockBox[] = [];
    for (const element of this.editorElement.querySelectorAll<HTMLElement>(TEXT_BLOCKS)) {
      const style = getComputedStyle(element);
      const rect = element.getBoundingClientRect();
      const paddingTop = parseFloat(style.paddingTop) || 0;
      const paddingBottom = parseFloat(style.paddingBottom) || 0;
      let lineHeight = parseFloat(style.lineHeight);
      if (Number.isNaN(lineHeight)) lineHeight = (parseFloat(style.fontSize) || 16) * 1.2;
      blocks.push({ top: rect.top - origin + paddingTop, height: rect.height - paddingTop - paddingBottom, lineHeight });
    }
    const marks = computeLineMarks(blocks);
    const fragment = document.createDocumentFragment();
    for (const mark of visibleMarks(marks, 1)) {
      const span = document.createElement('span');
      span.className = 'line-number';
      span.textContent = String(mark.number);
      span.style.top = `${mark.top}px`;
      span.style.height = `${mark.height}px`;
      span.style.lineHeight = `${mark.height}px`;
      fragment.appendChild(span);
    }
    this.gutter.replaceChildren(fragment);
  }

  dispose(): void {
    if (this.frame !== 0) cancelAnimationFrame(this.frame);
    this.observer.disconnect();
    this.gutter.replaceChildren();
  }
}
