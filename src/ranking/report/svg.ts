/**
 * Inline SVG charts for the HTML report: no script, no external asset, readable by screen
 * readers through <title> and a text table next to each chart.
 */
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

export interface Bar {
  label: string;
  value: number;
}

/** Vertical bars, e.g. number of sites per grade band. */
export function barChart(title: string, bars: readonly Bar[], opts: { width?: number; height?: number; color?: string } = {}): string {
  const width = opts.width ?? 480;
  const height = opts.height ?? 220;
  const pad = { top: 24, bottom: 40, left: 36, right: 8 };
  const max = Math.max(1, ...bars.map((b) => b.value));
  const slot = (width - pad.left - pad.right) / Math.max(1, bars.length);
  const plotH = height - pad.top - pad.bottom;
  const rects = bars
    .map((b, i) => {
      const h = (b.value / max) * plotH;
      const x = pad.left + i * slot + slot * 0.15;
      const y = pad.top + plotH - h;
      return `<rect x="${x.toFixed(1)}" y="${y.toFixed(1)}" width="${(slot * 0.7).toFixed(1)}" height="${h.toFixed(1)}" fill="${opts.color ?? '#0b4f8a'}"><title>${esc(`${b.label}: ${b.value}`)}</title></rect>
<text x="${(x + slot * 0.35).toFixed(1)}" y="${(y - 4).toFixed(1)}" text-anchor="middle" font-size="12">${b.value}</text>
<text x="${(x + slot * 0.35).toFixed(1)}" y="${height - pad.bottom + 16}" text-anchor="middle" font-size="12">${esc(b.label)}</text>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-label="${esc(title)}"><title>${esc(title)}</title>
<line x1="${pad.left}" y1="${pad.top + plotH}" x2="${width - pad.right}" y2="${pad.top + plotH}" stroke="#555"/>
${rects}
</svg>`;
}

/** Horizontal bars of a share (0…1) per label, e.g. mean points per category. */
export function shareChart(
  title: string,
  rows: readonly { label: string; share: number; text: string }[],
  opts: { width?: number } = {},
): string {
  const width = opts.width ?? 480;
  const rowH = 26;
  const labelW = Math.min(280, 12 + 6.5 * Math.max(10, ...rows.map((r) => r.label.length)));
  const height = rows.length * rowH + 10;
  const barW = width - labelW - 60;
  const body = rows
    .map((r, i) => {
      const y = 5 + i * rowH;
      const w = Math.max(0, Math.min(1, r.share)) * barW;
      return `<text x="${labelW - 6}" y="${y + 17}" text-anchor="end" font-size="12">${esc(r.label)}</text>
<rect x="${labelW}" y="${y + 4}" width="${barW}" height="18" fill="#e6eaf0"/>
<rect x="${labelW}" y="${y + 4}" width="${w.toFixed(1)}" height="18" fill="#2e7d32"><title>${esc(`${r.label}: ${r.text}`)}</title></rect>
<text x="${labelW + barW + 6}" y="${y + 17}" font-size="12">${esc(r.text)}</text>`;
    })
    .join('\n');
  return `<svg xmlns="http://www.w3.org/2000/svg" role="img" viewBox="0 0 ${width} ${height}" width="${width}" height="${height}" aria-label="${esc(title)}"><title>${esc(title)}</title>
${body}
</svg>`;
}
