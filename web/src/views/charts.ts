/**
 * Simple accessible bar charts as inline SVG: every bar carries its value as text, the chart has
 * a title for screen readers, and the same figures stand in a table beside it. No chart library.
 */
import { h } from '../dom.js';

const SVG = 'http://www.w3.org/2000/svg';

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attrs: Record<string, string | number>, text?: string): SVGElementTagNameMap[K] {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  if (text !== undefined) el.textContent = text;
  return el;
}

export interface Bar {
  readonly label: string;
  readonly value: number;
  /** The value as shown (e.g. "12,5 km"); default the number. */
  readonly text?: string;
}

/** Horizontal bars, one row per item, scaled to the largest value. */
export function barChart(title: string, bars: readonly Bar[], id: string): HTMLElement {
  const rowH = 28;
  const labelW = 190;
  const barW = 330;
  const width = labelW + barW + 90;
  const max = Math.max(1, ...bars.map((b) => b.value));
  const chart = svg('svg', { viewBox: `0 0 ${width} ${Math.max(1, bars.length) * rowH + 4}`, width: '100%', role: 'img', 'aria-labelledby': `${id}-title`, class: 'bar-chart' });
  chart.append(svg('title', { id: `${id}-title` }, `${title}: ${bars.map((b) => `${b.label} ${b.text ?? b.value}`).join(', ')}`));
  bars.forEach((b, i) => {
    const y = i * rowH + 2;
    const w = Math.max(b.value > 0 ? 2 : 0, (b.value / max) * barW);
    chart.append(
      svg('text', { x: labelW - 8, y: y + rowH / 2 + 5, 'text-anchor': 'end', class: 'bar-label' }, b.label),
      svg('rect', { x: labelW, y: y + 4, width: w.toFixed(1), height: rowH - 8, class: 'bar' }),
      svg('text', { x: labelW + w + 6, y: y + rowH / 2 + 5, class: 'bar-value' }, b.text ?? String(b.value)),
    );
  });
  return h('figure', { class: 'chart', id },
    h('figcaption', {}, title),
    bars.length ? chart : h('p', { class: 'muted' }, '—'),
  );
}
