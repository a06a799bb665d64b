// Charts drawn as plain SVG on the server: no chart library, no client JavaScript, readable in screenshots.
import { fmtNum } from '@/lib/format';

export interface Bar {
  label: string;
  value: number;
  max?: number;
  note?: string;
}

/** Horizontal bars, one per row (e.g. readiness sub-scores out of 100). */
export function HBarChart({ bars, max, unit = '', title }: { bars: Bar[]; max: number; unit?: string; title: string }) {
  const rowH = 26;
  const labelW = 250;
  const width = 640;
  const barW = width - labelW - 60;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${bars.length * rowH + 10}`} role="img" aria-label={title}>
      <title>{title}</title>
      {bars.map((b, i) => {
        const w = max > 0 ? Math.max(0, Math.min(1, b.value / max)) * barW : 0;
        const y = i * rowH + 5;
        const colour = b.value / max >= 0.7 ? 'var(--ok)' : b.value / max >= 0.4 ? 'var(--mining)' : 'var(--bad)';
        return (
          <g key={b.label}>
            <text x={labelW - 8} y={y + 15} textAnchor="end" fontSize="12" fill="var(--ink)">
              {b.label}
            </text>
            <rect x={labelW} y={y + 3} width={barW} height={16} fill="#eef1f5" rx="3" />
            <rect x={labelW} y={y + 3} width={w} height={16} fill={colour} rx="3" />
            <text x={labelW + barW + 6} y={y + 15} fontSize="12" fill="var(--muted)">
              {fmtNum(b.value, 0)}
              {unit}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** Vertical bars with a category axis (MW by region or by month). */
export function ColumnChart({ bars, title, colour = 'var(--brand)', unit = '' }: { bars: Bar[]; title: string; colour?: string; unit?: string }) {
  const width = 560;
  const height = 220;
  const pad = { l: 44, b: 48, t: 12, r: 8 };
  if (bars.every((b) => b.value === 0)) return <div className="empty">Nothing in this range yet.</div>;
  const max = Math.max(...bars.map((b) => b.value));
  const slot = (width - pad.l - pad.r) / Math.max(1, bars.length);
  const plotH = height - pad.t - pad.b;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {[0, 0.5, 1].map((f) => (
        <g key={f}>
          <line x1={pad.l} x2={width - pad.r} y1={pad.t + plotH * (1 - f)} y2={pad.t + plotH * (1 - f)} stroke="#e3e7ec" />
          <text x={pad.l - 4} y={pad.t + plotH * (1 - f) + 4} textAnchor="end" fontSize="10" fill="var(--muted)">
            {fmtNum(max * f, 0)}
          </text>
        </g>
      ))}
      {bars.map((b, i) => {
        const h = (b.value / max) * plotH;
        const x = pad.l + i * slot + slot * 0.15;
        return (
          <g key={b.label}>
            <rect x={x} y={pad.t + plotH - h} width={slot * 0.7} height={h} fill={colour} rx="2">
              <title>{`${b.label}: ${fmtNum(b.value)}${unit}`}</title>
            </rect>
            <text x={x + slot * 0.35} y={height - pad.b + 12} fontSize="10" textAnchor="end" fill="var(--ink)" transform={`rotate(-35 ${x + slot * 0.35} ${height - pad.b + 12})`}>
              {b.label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

/** One stacked series of an hourly chart: null hours (gaps in the data) draw nothing. */
export interface HourLayer {
  label: string;
  colour: string;
  values: readonly (number | null)[];
}

/** An hour-by-hour week: AI, mining and idle MW stacked, the energy price as a line on its own axis. */
export function StackedHourChart({ ai, mining, idle, price, title, dayLabels }: {
  ai: number[]; mining: number[]; idle: number[]; price: number[]; title: string;
  /** One label per day (e.g. "Mon 10 Mar"); default "Day n". */
  dayLabels?: string[];
}) {
  const layers: HourLayer[] = [
    { label: 'AI', colour: 'var(--ai)', values: ai },
    { label: 'Mining', colour: 'var(--mining)', values: mining },
    { label: 'Idle', colour: 'var(--idle)', values: idle },
  ];
  return <StackedHoursChart layers={layers} price={price} title={title} dayLabels={dayLabels} />;
}

/**
 * Hourly stacked bars (MW), bottom layer first; optionally a price line on its own axis. Days are labelled
 * "Day n" (or from `dayLabels`), every `dayStep` days.
 */
export function StackedHoursChart({ layers, price, title, dayStep = 1, dayLabels }: {
  layers: readonly HourLayer[]; price?: readonly number[]; title: string; dayStep?: number; dayLabels?: readonly string[];
}) {
  const width = 900;
  const height = 280;
  const pad = { l: 48, r: price ? 52 : 12, t: 10, b: 28 };
  const n = Math.max(0, ...layers.map((layer) => layer.values.length));
  const totals = Array.from({ length: n }, (_, i) => layers.reduce((sum, layer) => sum + (layer.values[i] ?? 0), 0));
  const maxMw = Math.max(1, ...totals);
  const maxPrice = Math.max(1, ...(price ?? []));
  const plotW = width - pad.l - pad.r;
  const plotH = height - pad.t - pad.b;
  const x = (i: number) => pad.l + (i / Math.max(1, n)) * plotW;
  const y = (mw: number) => pad.t + plotH - (mw / maxMw) * plotH;
  const yp = (p: number) => pad.t + plotH - (p / maxPrice) * plotH;
  const bw = plotW / Math.max(1, n);
  const base = new Array<number>(n).fill(0);
  const bars = layers.map((layer) =>
    layer.values.map((v, i) => {
      const from = base[i] ?? 0;
      if (v === null || v <= 0) return null;
      base[i] = from + v;
      return <rect key={`${layer.label}-${i}`} x={x(i)} y={y(from + v)} width={bw + 0.3} height={(v / maxMw) * plotH} fill={layer.colour} />;
    }),
  );
  const pricePath = (price ?? []).map((p, i) => `${i ? 'L' : 'M'}${(x(i) + bw / 2).toFixed(1)},${yp(p).toFixed(1)}`).join('');
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {[0, 0.25, 0.5, 0.75, 1].map((f) => (
        <g key={f}>
          <line x1={pad.l} x2={width - pad.r} y1={y(maxMw * f)} y2={y(maxMw * f)} stroke="#e3e7ec" />
          <text x={pad.l - 4} y={y(maxMw * f) + 4} textAnchor="end" fontSize="10" fill="var(--muted)">
            {fmtNum(maxMw * f, 0)}
          </text>
          {price && (
            <text x={width - pad.r + 4} y={yp(maxPrice * f) + 4} fontSize="10" fill="var(--price)">
              ${fmtNum(maxPrice * f, 0)}
            </text>
          )}
        </g>
      ))}
      {bars}
      {price && (
        <>
          <path d={pricePath} fill="none" stroke="#fff" strokeWidth="4" opacity="0.8" />
          <path d={pricePath} fill="none" stroke="var(--price)" strokeWidth="2" />
        </>
      )}
      {Array.from({ length: Math.ceil(n / 24 / dayStep) }, (_, k) => (
        <g key={k}>
          <line x1={x(k * 24 * dayStep)} x2={x(k * 24 * dayStep)} y1={pad.t} y2={pad.t + plotH + 4} stroke="#c9d0d8" strokeDasharray="2 3" />
          <text x={x(k * 24 * dayStep) + 4} y={height - 8} fontSize="11" fill="var(--ink)">
            {dayLabels?.[k * dayStep] ?? `Day ${k * dayStep + 1}`}
          </text>
        </g>
      ))}
      <text x={12} y={pad.t + plotH / 2} fontSize="10" fill="var(--muted)" transform={`rotate(-90 12 ${pad.t + plotH / 2})`}>
        MW
      </text>
    </svg>
  );
}

/** Colour keys for a chart's layers. */
export function Legend({ items }: { items: readonly { label: string; colour: string }[] }) {
  return (
    <div className="legend">
      {items.map((item) => (
        <span key={item.label}>
          <i style={{ background: item.colour }} />
          {item.label}
        </span>
      ))}
    </div>
  );
}

/** A grid of values coloured from red (low) to green (high); rows and columns are two inputs. */
export function Heatmap({ rows, cols, values, rowLabel, colLabel, format, title, mark }: {
  rows: number[]; cols: number[]; values: number[]; rowLabel: string; colLabel: string; format: (v: number) => string; title: string;
  /** The cell of the scenario on screen, outlined. */
  mark?: { row: number; col: number };
}) {
  const cell = { w: 82, h: 30 };
  const pad = { l: 90, t: 40 };
  const min = Math.min(...values);
  const max = Math.max(...values);
  const colour = (v: number) => {
    if (v < 0) {
      const f = min < 0 ? v / min : 0;
      return `hsl(0 70% ${92 - f * 40}%)`;
    }
    const f = max > 0 ? v / max : 0;
    return `hsl(140 50% ${92 - f * 50}%)`;
  };
  const width = pad.l + cols.length * cell.w + 10;
  const scaleY = pad.t + rows.length * cell.h + 12;
  const height = scaleY + 34;
  const stops = [min, min < 0 && max > 0 ? 0 : (min + max) / 2, max];
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title} style={{ maxWidth: width }}>
      <title>{title}</title>
      <text x={pad.l} y={12} fontSize="11" fill="var(--muted)">
        {colLabel} →
      </text>
      <text x={4} y={pad.t - 6} fontSize="11" fill="var(--muted)">
        {rowLabel} ↓
      </text>
      {cols.map((c, j) => (
        <text key={c} x={pad.l + j * cell.w + cell.w / 2} y={pad.t - 8} fontSize="11" textAnchor="middle">
          {c}
        </text>
      ))}
      {rows.map((r, i) => (
        <g key={r}>
          <text x={pad.l - 8} y={pad.t + i * cell.h + 19} fontSize="11" textAnchor="end">
            {r}
          </text>
          {cols.map((c, j) => {
            const v = values[i * cols.length + j] ?? 0;
            return (
              <g key={c}>
                <rect x={pad.l + j * cell.w} y={pad.t + i * cell.h} width={cell.w - 2} height={cell.h - 2} fill={colour(v)} rx="3" />
                <text x={pad.l + j * cell.w + cell.w / 2} y={pad.t + i * cell.h + 19} fontSize="11" textAnchor="middle">
                  {format(v)}
                </text>
                {mark?.row === i && mark.col === j && (
                  <rect x={pad.l + j * cell.w - 1} y={pad.t + i * cell.h - 1} width={cell.w} height={cell.h} fill="none" stroke="var(--ink)" strokeWidth="2.5" rx="3" data-current="true">
                    <title>{`This scenario: ${format(v)}`}</title>
                  </rect>
                )}
              </g>
            );
          })}
        </g>
      ))}
      {stops.map((v, k) => (
        <g key={k}>
          <rect x={pad.l + k * 110} y={scaleY} width={22} height={14} fill={colour(v)} rx="2" />
          <text x={pad.l + k * 110 + 28} y={scaleY + 11} fontSize="11" fill="var(--muted)">
            {k === 0 ? 'low ' : k === 2 ? 'high ' : ''}
            {format(v)}
          </text>
        </g>
      ))}
      <text x={pad.l} y={scaleY + 30} fontSize="10" fill="var(--muted)">
        Red below zero, green above; outlined: this scenario
      </text>
    </svg>
  );
}
