// The term model's charts, plain SVG on the server like components/charts.tsx.
import { fmtUsdCompact } from '@/lib/format';

export interface StackSeries {
  label: string;
  colour: string;
  values: number[];
}

/** One stacked column per year; positive parts stack up from zero, negative parts down. */
export function YearBars({ years, series, title }: { years: number[]; series: StackSeries[]; title: string }) {
  const width = 760;
  const height = 260;
  const pad = { l: 64, r: 10, t: 12, b: 30 };
  const ups = years.map((_, i) => series.reduce((s, x) => s + Math.max(0, x.values[i] ?? 0), 0));
  const downs = years.map((_, i) => series.reduce((s, x) => s + Math.min(0, x.values[i] ?? 0), 0));
  const top = Math.max(1, ...ups);
  const bottom = Math.min(0, ...downs);
  const plotH = height - pad.t - pad.b;
  const y = (v: number) => pad.t + ((top - v) / (top - bottom)) * plotH;
  const slot = (width - pad.l - pad.r) / Math.max(1, years.length);
  const ticks = [bottom, 0, top / 2, top].filter((v, i, all) => all.indexOf(v) === i);
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      {ticks.map((v) => (
        <g key={v}>
          <line x1={pad.l} x2={width - pad.r} y1={y(v)} y2={y(v)} stroke={v === 0 ? '#9aa5b1' : '#e3e7ec'} />
          <text x={pad.l - 4} y={y(v) + 4} textAnchor="end" fontSize="10" fill="var(--muted)">
            {fmtUsdCompact(v)}
          </text>
        </g>
      ))}
      {years.map((year, i) => {
        let up = 0;
        let down = 0;
        const x = pad.l + i * slot + slot * 0.15;
        return (
          <g key={year}>
            {series.map((s) => {
              const v = s.values[i] ?? 0;
              const from = v >= 0 ? up : down;
              if (v >= 0) up += v;
              else down += v;
              const to = from + v;
              return (
                <rect key={s.label} x={x} y={y(Math.max(from, to))} width={slot * 0.7} height={Math.abs(y(from) - y(to))} fill={s.colour}>
                  <title>{`Year ${year}, ${s.label}: ${fmtUsdCompact(v)}`}</title>
                </rect>
              );
            })}
            <text x={x + slot * 0.35} y={height - 10} fontSize="11" textAnchor="middle" fill="var(--ink)">
              Y{year}
            </text>
          </g>
        );
      })}
    </svg>
  );
}

export interface TornadoRow {
  label: string;
  low: number;
  high: number;
  lowLabel: string;
  highLabel: string;
}

/** Horizontal bars around the base value: each input's NPV at its low and its high end. */
export function TornadoChart({ rows, base, title }: { rows: TornadoRow[]; base: number; title: string }) {
  const width = 760;
  const rowH = 30;
  const pad = { l: 230, r: 20, t: 24 };
  const values = rows.flatMap((r) => [r.low, r.high]).concat(base);
  const min = Math.min(...values);
  const max = Math.max(...values);
  const span = max - min || 1;
  const plotW = width - pad.l - pad.r;
  const x = (v: number) => pad.l + ((v - min) / span) * plotW;
  const height = pad.t + rows.length * rowH + 10;
  return (
    <svg className="chart" viewBox={`0 0 ${width} ${height}`} role="img" aria-label={title}>
      <title>{title}</title>
      <line x1={x(base)} x2={x(base)} y1={pad.t - 6} y2={height - 6} stroke="var(--ink)" />
      <text x={x(base)} y={12} fontSize="11" textAnchor="middle" fill="var(--ink)">
        base {fmtUsdCompact(base)}
      </text>
      {rows.map((r, i) => {
        const yy = pad.t + i * rowH;
        const lo = Math.min(r.low, r.high);
        const hi = Math.max(r.low, r.high);
        return (
          <g key={r.label}>
            <text x={pad.l - 8} y={yy + 18} fontSize="11" textAnchor="end" fill="var(--ink)">
              {r.label}
            </text>
            <rect x={x(lo)} y={yy + 6} width={Math.max(1, x(hi) - x(lo))} height={16} fill="var(--mining)" rx="2">
              <title>{`${r.label}: ${r.lowLabel} → ${fmtUsdCompact(r.low)}, ${r.highLabel} → ${fmtUsdCompact(r.high)}`}</title>
            </rect>
            <text x={x(lo) - 4} y={yy + 18} fontSize="10" textAnchor="end" fill="var(--muted)">
              {r.low <= r.high ? r.lowLabel : r.highLabel}
            </text>
            <text x={x(hi) + 4} y={yy + 18} fontSize="10" fill="var(--muted)">
              {r.low <= r.high ? r.highLabel : r.lowLabel}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
