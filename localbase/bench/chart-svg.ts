/** A small latency-against-load chart as SVG text (pure: figures in, markup out), for BENCHMARKS.md. */

export interface ChartSeries {
  name: string;
  /** Points joined by a line in the order given. */
  points: { x: number; y: number; label?: string }[];
  color: string;
  dashed?: boolean;
}

export interface ChartOptions {
  title: string;
  xLabel: string;
  yLabel: string;
  width?: number;
  height?: number;
}

const escapeXml = (text: string) => text.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);

/** Round tick steps (1, 2, 5 × 10^n) from 0 to at least `max`. */
export function niceTicks(max: number, target = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const raw = max / target;
  const magnitude = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 5, 10].map((m) => m * magnitude).find((s) => s >= raw)!;
  const ticks: number[] = [];
  for (let t = 0; t < max + step; t += step) ticks.push(Number(t.toPrecision(12)));
  return ticks;
}

const tickText = (value: number, short: boolean) => (short && value >= 1000 ? `${(value / 1000).toLocaleString('en-US')}k` : value.toLocaleString('en-US'));

export function lineChartSvg(series: ChartSeries[], options: ChartOptions): string {
  const width = options.width ?? 640;
  const height = options.height ?? 400;
  const margin = { top: 40, right: 160, bottom: 56, left: 64 };
  const plotW = width - margin.left - margin.right;
  const plotH = height - margin.top - margin.bottom;
  const all = series.flatMap((s) => s.points).filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
  const xTicks = niceTicks(Math.max(0, ...all.map((p) => p.x)));
  const yTicks = niceTicks(Math.max(0, ...all.map((p) => p.y)));
  const xMax = xTicks.at(-1)!;
  const yMax = yTicks.at(-1)!;
  const sx = (x: number) => margin.left + (x / xMax) * plotW;
  const sy = (y: number) => margin.top + plotH - (y / yMax) * plotH;
  const f = (n: number) => n.toFixed(1);

  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="12">`,
    `<title>${escapeXml(options.title)}</title>`,
    `<rect width="${width}" height="${height}" fill="#ffffff"/>`,
    `<text x="${width / 2}" y="22" text-anchor="middle" font-size="14" font-weight="bold">${escapeXml(options.title)}</text>`,
  ];
  for (const t of xTicks) {
    out.push(`<line class="grid" x1="${f(sx(t))}" y1="${margin.top}" x2="${f(sx(t))}" y2="${margin.top + plotH}" stroke="#e5e5e5"/>`);
    out.push(`<text class="x-tick" x="${f(sx(t))}" y="${margin.top + plotH + 18}" text-anchor="middle">${tickText(t, true)}</text>`);
  }
  for (const t of yTicks) {
    out.push(`<line class="grid" x1="${margin.left}" y1="${f(sy(t))}" x2="${margin.left + plotW}" y2="${f(sy(t))}" stroke="#e5e5e5"/>`);
    out.push(`<text class="y-tick" x="${margin.left - 8}" y="${f(sy(t) + 4)}" text-anchor="end">${tickText(t, false)}</text>`);
  }
  out.push(
    `<line class="x-axis" x1="${margin.left}" y1="${margin.top + plotH}" x2="${margin.left + plotW}" y2="${margin.top + plotH}" stroke="#333"/>`,
    `<line class="y-axis" x1="${margin.left}" y1="${margin.top}" x2="${margin.left}" y2="${margin.top + plotH}" stroke="#333"/>`,
    `<text class="x-label" x="${margin.left + plotW / 2}" y="${height - 14}" text-anchor="middle">${escapeXml(options.xLabel)}</text>`,
    `<text class="y-label" transform="translate(18 ${margin.top + plotH / 2}) rotate(-90)" text-anchor="middle">${escapeXml(options.yLabel)}</text>`,
  );
  series.forEach((s, index) => {
    const points = s.points.filter((p) => Number.isFinite(p.x) && Number.isFinite(p.y));
    const dash = s.dashed ? ' stroke-dasharray="6 4"' : '';
    if (points.length > 1) {
      out.push(`<polyline class="series" fill="none" stroke="${s.color}" stroke-width="2"${dash} points="${points.map((p) => `${f(sx(p.x))},${f(sy(p.y))}`).join(' ')}"/>`);
    }
    for (const p of points) {
      const tip = `${s.name}${p.label ? `, ${p.label}` : ''}: ${p.y.toFixed(1)} ms at ${Math.round(p.x).toLocaleString('en-US')} events/s`;
      out.push(`<circle class="point" cx="${f(sx(p.x))}" cy="${f(sy(p.y))}" r="4" fill="${s.color}"><title>${escapeXml(tip)}</title></circle>`);
    }
    const ly = margin.top + 10 + index * 20;
    const lx = margin.left + plotW + 16;
    out.push(
      `<line x1="${lx}" y1="${ly}" x2="${lx + 24}" y2="${ly}" stroke="${s.color}" stroke-width="2"${dash}/>`,
      `<circle cx="${lx + 12}" cy="${ly}" r="4" fill="${s.color}"/>`,
      `<text class="legend" x="${lx + 30}" y="${ly + 4}">${escapeXml(s.name)}</text>`,
    );
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}
