// The month hour by hour: pass-through energy, mining settled within the tenant's idle reserved power, the
// backfill's net, demand-response income, and the gaps in the data. Sums stay unrounded (dollars); each
// statement line rounds its own sum once.
import { miningRevenuePerMwh } from '@gridshare/revenue';
import { MS_PER_DAY, hourInstant, isoDate, type MonthCalendar } from './calendar.js';
import type { EventLoad } from './events.js';
import type { DataGap, MeterChannel, SettlementMonthInput } from './types.js';

export interface HourlyTotals {
  readonly aiItMwh: number;
  readonly aiFacilityMwh: number;
  /** Σ AI_IT x PUE x price, $ (before the margin). */
  readonly aiEnergyUsd: number;
  readonly aiHoursBilled: number;
  readonly settledMiningMwh: number;
  readonly unsettledMiningMwh: number;
  readonly grossRevenueUsd: number;
  readonly miningEnergyUsd: number;
  readonly variableOpexUsd: number;
  /** Σ_h max(0, net_h) and Σ_h min(0, net_h), $. */
  readonly positiveNetUsd: number;
  readonly lossHoursNetUsd: number;
  /** Mining MWh settled on days without a hashprice: no net computed for them. */
  readonly unpricedMiningMwh: number;
  readonly curtailedMwh: number;
  readonly demandResponseUsd: number;
  /** Per clipped event (EventLoad.events): MWh curtailed within the headroom and its income, $. */
  readonly demandResponseByEvent: readonly { readonly mwh: number; readonly usd: number }[];
  /** $ per MWh mined, per day of the month (null without a hashprice). */
  readonly revenuePerMwhByDay: readonly (number | null)[];
  readonly gaps: readonly DataGap[];
  readonly missingHashpriceDays: readonly string[];
}

/** Runs of NaN hours in [from, until) as gaps of one channel. */
function gapsOf(cal: MonthCalendar, channel: MeterChannel, values: Float64Array, from: number, until: number): DataGap[] {
  const gaps: DataGap[] = [];
  let start = -1;
  for (let h = from; h <= until; h++) {
    const missing = h < until && Number.isNaN(values[h]!);
    if (missing && start < 0) start = h;
    if (!missing && start >= 0) {
      gaps.push({ channel, from: hourInstant(cal, start), until: hourInstant(cal, h), hours: h - start });
      start = -1;
    }
  }
  return gaps;
}

/**
 * @param contractedKwByDay contracted IT kW in force each day
 * @param active hours [from, until) inside the deal's active period; other hours count for nothing
 */
export function hourlyTotals(
  input: SettlementMonthInput,
  cal: MonthCalendar,
  active: { readonly from: number; readonly until: number },
  contractedKwByDay: Float64Array,
  load: EventLoad,
): HourlyTotals {
  const { terms, aiItMwh, miningMwh, energyPriceUsdPerMwh: price } = input;
  const pue = terms.pue;
  const opex = terms.variableOpexCentsPerMwh / 100;
  // Pool statements give the hashprice already net of the pool's fee.
  const poolFeePercent = terms.hashpriceSource === 'INDEX' ? terms.poolFeeBps / 100 : 0;
  const revenuePerMwhByDay = input.hashpriceUsdPerPhDay.map((hp) =>
    hp === null ? null : miningRevenuePerMwh(terms.jPerTh, hp, poolFeePercent),
  );
  const unpricedDays = new Set<number>();
  const drByEvent = load.events.map(() => ({ mwh: 0, usd: 0 }));

  let aiIt = 0;
  let aiEnergy = 0;
  let aiHours = 0;
  let settledSum = 0;
  let unsettledSum = 0;
  let gross = 0;
  let miningEnergy = 0;
  let varOpex = 0;
  let positive = 0;
  let losses = 0;
  let unpriced = 0;
  let curtailed = 0;
  let drUsd = 0;
  for (let h = active.from; h < active.until; h++) {
    const d = Math.floor(h / 24);
    const reserved = (contractedKwByDay[d]! / 1_000) * pue;
    const ai = aiItMwh[h]!;
    const p = price[h]!;
    // Without AI data nothing is billed for energy, and the tenant's reserved power counts as all idle: the
    // host keeps the meters, so a gap never works against the tenant.
    let headroom = reserved;
    if (!Number.isNaN(ai)) {
      aiIt += ai;
      aiEnergy += ai * pue * p;
      aiHours++;
      headroom = Math.max(0, reserved - ai * pue);
    }
    // Without mining data no backfill is credited (there is nothing to credit from).
    const mined = miningMwh[h]!;
    let settled = 0;
    if (!Number.isNaN(mined)) {
      settled = Math.min(mined, headroom);
      settledSum += settled;
      unsettledSum += mined - settled;
      const revenue = revenuePerMwhByDay[d] ?? null;
      if (settled > 0 && revenue === null) {
        unpricedDays.add(d);
        unpriced += settled;
      } else if (settled > 0 && revenue !== null) {
        gross += settled * revenue;
        miningEnergy += settled * p;
        varOpex += settled * opex;
        const net = settled * (revenue - p - opex);
        if (net > 0) positive += net;
        else losses += net;
      }
    }
    const slices = load.demandResponse.get(h);
    if (slices !== undefined) {
      // Curtailed within the tenant's headroom: what the fleet could have run there and did not.
      const idle = Math.max(0, headroom - settled);
      let room = idle;
      for (const s of slices) {
        const mwh = Math.min(Math.min(s.mw, idle) * s.hours, room);
        if (!(mwh > 0)) continue;
        room -= mwh;
        const usd = (mwh * s.centsPerMwh) / 100;
        const acc = drByEvent[s.event]!;
        acc.mwh += mwh;
        acc.usd += usd;
        curtailed += mwh;
        drUsd += usd;
      }
    }
  }

  return {
    aiItMwh: aiIt,
    aiFacilityMwh: aiIt * pue,
    aiEnergyUsd: aiEnergy,
    aiHoursBilled: aiHours,
    settledMiningMwh: settledSum,
    unsettledMiningMwh: unsettledSum,
    grossRevenueUsd: gross,
    miningEnergyUsd: miningEnergy,
    variableOpexUsd: varOpex,
    positiveNetUsd: positive,
    lossHoursNetUsd: losses,
    unpricedMiningMwh: unpriced,
    curtailedMwh: curtailed,
    demandResponseUsd: drUsd,
    demandResponseByEvent: drByEvent,
    revenuePerMwhByDay,
    gaps: [...gapsOf(cal, 'AI_IT', aiItMwh, active.from, active.until), ...gapsOf(cal, 'MINING', miningMwh, active.from, active.until)],
    missingHashpriceDays: [...unpricedDays].sort((a, b) => a - b).map((d) => isoDate(cal.startMs + d * MS_PER_DAY)),
  };
}
