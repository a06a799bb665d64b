// The demo deal's metered hours: an inference tenant's IT load and the backfill fleet on its idle reserved
// power, shaped by ../shared/notes/domain-figures.md ("AI load shapes"):
// - inference follows US Eastern office hours: peak ~8am-2pm, trough midnight-6am, peak-to-trough 2:1
//   (the note's suggested default), weekends 25% lower (its 20-30%);
// - mining fills what the AI load leaves of the reserved facility power (contracted IT MW x PUE), at the
//   fleet's ~97% uptime, and drops to zero while an event curtails it (mining curtails >95% within 30 s,
//   so an hour-resolution reading reads zero);
// - an event on the tenant's power (AI_IT) takes its MW off the AI reading; a FACILITY fault stops the fleet too.
// Deterministic (±3% noise from a hash of the hour), so a re-seed sends identical readings and changes nothing.

export interface DemoEvent {
  cause: 'GRID_EMERGENCY' | 'DEMAND_RESPONSE' | 'PRICE' | 'FACILITY' | 'TENANT' | 'MAINTENANCE_PLANNED';
  channel: 'AI_IT' | 'MINING';
  startsAt: Date;
  endsAt: Date;
  mwAffected: number;
  paymentUsdPerMwh?: number;
  note: string;
}

export interface LoadProfileTerms {
  contractedMw: number;
  pue: number;
}

export interface MeteredHour {
  hour: Date;
  aiMw: number;
  miningMw: number;
}

const HOUR_MS = 3_600_000;
/** US Eastern standard time; the hour of the trough matters, not daylight saving. */
const EASTERN_OFFSET_HOURS = -5;
const TROUGH = 0.45;
const PEAK = 0.9;
const WEEKEND_FACTOR = 0.75;
const FLEET_UPTIME = 0.97;

/** Utilisation of the contracted IT MW at a US Eastern hour: a smooth daily bump centred at 11:00. */
export function inferenceUtilisation(hourEastern: number, weekend: boolean): number {
  const distance = Math.min(Math.abs(hourEastern - 11), 24 - Math.abs(hourEastern - 11));
  const bump = distance >= 9 ? 0 : (1 + Math.cos((Math.PI * distance) / 9)) / 2;
  return TROUGH + (PEAK - TROUGH) * bump * (weekend ? WEEKEND_FACTOR : 1);
}

const overlaps = (event: DemoEvent, hour: Date) => event.startsAt.getTime() < hour.getTime() + HOUR_MS && event.endsAt.getTime() > hour.getTime();

/** Share of the hour an event covers (events start and end on the quarter hour). */
const coverage = (event: DemoEvent, hour: Date) =>
  (Math.min(event.endsAt.getTime(), hour.getTime() + HOUR_MS) - Math.max(event.startsAt.getTime(), hour.getTime())) / HOUR_MS;

const round3 = (value: number) => Math.round(value * 1000) / 1000;

/** A repeatable number in [0, 1) for an hour (the fractional part of a scaled sine: enough for meter noise). */
function hourNoise(at: number): number {
  const x = Math.sin(at / HOUR_MS) * 43_758.5453;
  return x - Math.floor(x);
}

/** Every hour of [from, until): the AI and mining MW the meters read, given the events that happened. */
export function demoMeteredHours(terms: LoadProfileTerms, events: readonly DemoEvent[], from: Date, until: Date): MeteredHour[] {
  const hours: MeteredHour[] = [];
  for (let at = from.getTime(); at < until.getTime(); at += HOUR_MS) {
    const hour = new Date(at);
    const eastern = new Date(at + EASTERN_OFFSET_HOURS * HOUR_MS);
    const weekend = eastern.getUTCDay() === 0 || eastern.getUTCDay() === 6;
    const noise = 1 + 0.03 * (2 * hourNoise(at) - 1);
    let aiMw = Math.min(terms.contractedMw, terms.contractedMw * inferenceUtilisation(eastern.getUTCHours(), weekend) * noise);
    let miningShare = 1;
    for (const event of events.filter((e) => overlaps(e, hour))) {
      if (event.channel === 'AI_IT') aiMw = Math.max(0, aiMw - event.mwAffected * coverage(event, hour));
      // A facility fault takes the fleet on the same feeders down with the AI hall.
      if (event.channel === 'MINING' || event.cause === 'FACILITY') miningShare -= coverage(event, hour);
    }
    const headroomMw = Math.max(0, terms.contractedMw - aiMw) * terms.pue;
    hours.push({ hour, aiMw: round3(aiMw), miningMw: round3(headroomMw * FLEET_UPTIME * Math.max(0, miningShare)) });
  }
  return hours;
}
