// The SDK's metering helpers against the real API: any number of readings in batches of at most 10,000
// (a refused batch named, the ones before it kept), readings from CSV, events and index days.
import {
  GridshareClient,
  MeterBatchError,
  MeterReadingsDocument,
  RecordCurtailmentEventDocument,
  UploadHashpriceIndexDocument,
  parseMeterReadingsCsv,
  recordAllMeterReadings,
} from '@gridshare/sdk';
import { createApiKey, createPlatformOrg, platformPerson } from '../../testing/fixtures';
import { type MeteredDeal, createMeteredDeal, readingsFrom } from '../../testing/meter-fixtures';
import { type TestApi, startTestApi } from '../../testing/test-api';

let api: TestApi;
let deal: MeteredDeal;
let host: GridshareClient;

beforeAll(async () => {
  api = await startTestApi();
  deal = await createMeteredDeal(api);
  const key = await createApiKey(api, deal.host, ['METER_WRITE', 'METER_READ']);
  host = new GridshareClient({ url: `${api.url}/graphql`, apiKey: key.secret });
});
afterAll(() => api.close());

describe('recordAllMeterReadings', () => {
  it('sends 12,000 readings as three batches, two at a time, and adds up what they changed', async () => {
    const readings = readingsFrom('MINING', '2026-06-01T00:00:00Z', 12_000, 10_000);
    const progress: number[] = [];
    const result = await recordAllMeterReadings(host, deal.dealId, readings, { batchSize: 5_000, concurrency: 2, onBatch: ({ readings: n }) => progress.push(n) });
    expect(result).toEqual({ inserted: 12_000, corrected: 0, unchanged: 0, batches: 3 });
    expect(progress.sort()).toEqual([2_000, 5_000, 5_000]);
    const again = await recordAllMeterReadings(host, deal.dealId, readings.slice(0, 12), { batchSize: 5 });
    expect(again).toEqual({ inserted: 0, corrected: 0, unchanged: 12, batches: 3 });
  });

  it('stops at a refused batch, naming it and its first reading; the batches before it stay recorded', async () => {
    const readings = readingsFrom('SITE_IMPORT', '2026-06-01T00:00:00Z', 30, 1_000);
    readings[17] = { ...readings[17]!, kw: -1 };
    const refused = await recordAllMeterReadings(host, deal.dealId, readings, { batchSize: 10 }).catch((error: unknown) => error);
    expect(refused).toBeInstanceOf(MeterBatchError);
    const { batchIndex, firstReading, error } = refused as MeterBatchError;
    expect([batchIndex, firstReading, error.code, error.field]).toEqual([1, 10, 'BAD_USER_INPUT', 'input.readings.7.kw']);
    expect(await api.db.prisma.meterReading.count({ where: { dealId: deal.dealId, channel: 'SITE_IMPORT' } })).toBe(10);
  });
});

it('records readings parsed from CSV, an event and index days through the generated operations', async () => {
  const csv = parseMeterReadingsCsv('channel,intervalStart,intervalMinutes,kwh\nAI_IT,2026-07-01T00:00:00Z,15,7500\nAI_IT,2026-07-01T00:15:00Z,15,7400');
  expect(csv.errors).toEqual([]);
  expect(await recordAllMeterReadings(host, deal.dealId, csv.readings)).toEqual({ inserted: 2, corrected: 0, unchanged: 0, batches: 1 });
  const { meterReadings } = await host.request(MeterReadingsDocument, { dealId: deal.dealId, filter: { channel: 'AI_IT' } });
  expect(meterReadings.edges.map((edge) => edge.node.kwh)).toEqual([7500, 7400]);

  const { recordCurtailmentEvent } = await host.request(RecordCurtailmentEventDocument, {
    input: { dealId: deal.dealId, cause: 'DEMAND_RESPONSE', channel: 'MINING', startsAt: '2026-07-01T18:00:00Z', endsAt: '2026-07-01T20:00:00Z', mwAffected: 30, paymentUsdPerMwh: 100 },
  });
  expect(recordCurtailmentEvent).toEqual(expect.objectContaining({ cause: 'DEMAND_RESPONSE', status: 'RECORDED', paymentUsdPerMwh: 100 }));

  const admin = await platformPerson(api, await createPlatformOrg(api), 'ADMIN');
  const platform = new GridshareClient({ url: `${api.url}/graphql`, apiKey: admin.token });
  const { uploadHashpriceIndex } = await platform.request(UploadHashpriceIndexDocument, { input: { csv: 'day,usdPerPhDay\n2026-07-01,44.1\n2026-07-02,43.9' } });
  expect(uploadHashpriceIndex).toEqual({ inserted: 2, updated: 0, unchanged: 0 });
});
