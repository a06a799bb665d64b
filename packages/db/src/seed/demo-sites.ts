// Demo sites: 45 powered sites of six miners across nine grid operators, from mining-only sheds to an
// AI-ready campus. Figures follow docs in /work/shared/notes/domain-figures.md: immersion and free-air
// mining run at PUE ~1.05, liquid-cooled AI halls ~1.15-1.3, legacy air halls ~1.5; GB200-class racks
// need ~132 kW and direct-to-chip cooling.
import type {
  CoolingType,
  InterconnectionStatus,
  PermitStatus,
  Redundancy,
  VerificationStatus,
} from '../generated/prisma/enums';
import { addDays, utcDay } from './dates';
import { type MinerKey, orgId, orgJoined } from './demo-orgs';
import { stableUuid } from './stable-uuid';

interface GridArea {
  country: string;
  gridOperator: string;
  hub: string;
  /** Approximate renewable share of the area's generation (hydro, wind, solar; nuclear not counted). */
  renewablePct: number;
}

const GRIDS = {
  ERCOT: { country: 'US', gridOperator: 'ERCOT', hub: 'Dallas', renewablePct: 34 },
  PJM: { country: 'US', gridOperator: 'PJM', hub: 'Ashburn', renewablePct: 9 },
  MISO: { country: 'US', gridOperator: 'MISO', hub: 'Chicago', renewablePct: 28 },
  SPP: { country: 'US', gridOperator: 'SPP', hub: 'Dallas', renewablePct: 42 },
  QC: { country: 'CA', gridOperator: 'HYDRO_QUEBEC', hub: 'Montréal', renewablePct: 99 },
  NO: { country: 'NO', gridOperator: 'NORDPOOL', hub: 'Oslo', renewablePct: 98 },
  SE: { country: 'SE', gridOperator: 'NORDPOOL', hub: 'Stockholm', renewablePct: 69 },
  FI: { country: 'FI', gridOperator: 'NORDPOOL', hub: 'Helsinki', renewablePct: 52 },
  IS: { country: 'IS', gridOperator: 'LANDSNET', hub: 'London', renewablePct: 100 },
  PY: { country: 'PY', gridOperator: 'ANDE', hub: 'São Paulo', renewablePct: 100 },
  ET: { country: 'ET', gridOperator: 'EEP', hub: 'Nairobi', renewablePct: 96 },
} as const satisfies Record<string, GridArea>;

interface SiteSpec {
  name: string;
  grid: keyof typeof GRIDS;
  region: string;
  lat: number;
  lon: number;
  /** Energized MW, live on `live` (a future date when the interconnection is not energized yet). */
  mw: number;
  ucMw?: number;
  pipelineMw?: number;
  interconnection?: InterconnectionStatus;
  live: string;
  miningMw: number;
  cooling: CoolingType;
  redundancy: Redundancy;
  rackKw: number;
  pue: number;
  usdPerMwh: number;
  /** On-site substation rating; 0 = fed from the utility's substation. */
  substationMva: number;
  acres: number;
  water: boolean;
  darkFiber: boolean;
  carriers: string[];
  latencyMs: number;
  hub?: string;
  staff: number;
  permit?: PermitStatus;
  renewablePct?: number;
  verification?: VerificationStatus;
}

const PERMIAN_SITES: SiteSpec[] = [
  // The flagship: what an AI-ready conversion looks like.
  {
    name: 'Milam Ridge Campus', grid: 'ERCOT', region: 'Texas', lat: 30.662, lon: -97.006,
    mw: 200, ucMw: 100, pipelineMw: 200, live: '2024-06-01', miningMw: 120,
    cooling: 'DIRECT_TO_CHIP', redundancy: 'N_PLUS_1', rackKw: 132, pue: 1.22, usdPerMwh: 38.5,
    substationMva: 400, acres: 640, water: true, darkFiber: true, carriers: ['Zayo', 'Lumen', 'Crown Castle'],
    latencyMs: 4.2, staff: 52, renewablePct: 38,
  },
  {
    name: 'Navarro Bend', grid: 'ERCOT', region: 'Texas', lat: 32.051, lon: -96.418,
    mw: 600, pipelineMw: 400, live: '2025-03-15', miningMw: 560,
    cooling: 'IMMERSION', redundancy: 'N_PLUS_1', rackKw: 50, pue: 1.07, usdPerMwh: 34.2,
    substationMva: 750, acres: 1100, water: true, darkFiber: true, carriers: ['Zayo', 'AT&T'],
    latencyMs: 2.8, staff: 64,
  },
  {
    name: 'Pecos Flats', grid: 'ERCOT', region: 'Texas', lat: 31.422, lon: -103.493,
    mw: 150, live: '2024-02-15', miningMw: 150,
    cooling: 'AIR', redundancy: 'N', rackKw: 15, pue: 1.06, usdPerMwh: 29.8,
    substationMva: 0, acres: 120, water: false, darkFiber: false, carriers: ['Lumen'],
    latencyMs: 11.5, staff: 14, renewablePct: 45,
  },
  {
    name: 'Odessa Sandhills', grid: 'ERCOT', region: 'Texas', lat: 31.884, lon: -102.398,
    mw: 120, live: '2024-09-01', miningMw: 115,
    cooling: 'IMMERSION', redundancy: 'N', rackKw: 40, pue: 1.05, usdPerMwh: 31.6,
    substationMva: 150, acres: 85, water: false, darkFiber: false, carriers: ['Lumen', 'AT&T'],
    latencyMs: 9.8, staff: 18,
  },
  {
    name: 'Andrews Mesa', grid: 'ERCOT', region: 'Texas', lat: 32.318, lon: -102.546,
    mw: 45, live: '2024-04-20', miningMw: 45,
    cooling: 'AIR', redundancy: 'N', rackKw: 15, pue: 1.08, usdPerMwh: 30.9,
    substationMva: 0, acres: 40, water: false, darkFiber: false, carriers: [],
    latencyMs: 12.4, staff: 6,
  },
  {
    name: 'Big Spring Wind Hub', grid: 'ERCOT', region: 'Texas', lat: 32.251, lon: -101.478,
    mw: 80, live: '2025-01-10', miningMw: 80,
    cooling: 'AIR', redundancy: 'N', rackKw: 18, pue: 1.06, usdPerMwh: 27.4,
    substationMva: 0, acres: 60, water: false, darkFiber: false, carriers: ['Windstream'],
    latencyMs: 8.9, staff: 9, renewablePct: 72,
  },
  {
    name: 'Granbury Lakeside', grid: 'ERCOT', region: 'Texas', lat: 32.442, lon: -97.794,
    mw: 90, ucMw: 60, live: '2025-10-01', miningMw: 40,
    cooling: 'WATER', redundancy: 'N_PLUS_1', rackKw: 80, pue: 1.28, usdPerMwh: 41,
    substationMva: 180, acres: 210, water: true, darkFiber: true, carriers: ['Zayo', 'Crown Castle'],
    latencyMs: 2.6, staff: 31,
  },
  {
    name: 'Sweetwater Crossing', grid: 'ERCOT', region: 'Texas', lat: 32.471, lon: -100.406,
    mw: 25, pipelineMw: 275, interconnection: 'IN_STUDY', live: '2028-03-01', miningMw: 0,
    cooling: 'IMMERSION', redundancy: 'N', rackKw: 30, pue: 1.06, usdPerMwh: 33.5,
    substationMva: 0, acres: 320, water: false, darkFiber: false, carriers: [],
    latencyMs: 7.5, staff: 2, permit: 'IN_PROGRESS', verification: 'PENDING',
  },
  {
    name: 'Brazoria Gulf Site', grid: 'ERCOT', region: 'Texas', lat: 29.046, lon: -95.568,
    mw: 160, live: '2025-06-30', miningMw: 100,
    cooling: 'AIR', redundancy: 'N_PLUS_1', rackKw: 35, pue: 1.45, usdPerMwh: 44.8,
    substationMva: 200, acres: 150, water: true, darkFiber: true, carriers: ['Lumen', 'Zayo', 'AT&T'],
    latencyMs: 2.1, hub: 'Houston', staff: 22,
  },
  {
    name: 'Arkansas River Site', grid: 'SPP', region: 'Oklahoma', lat: 35.748, lon: -95.369,
    mw: 100, ucMw: 50, live: '2025-05-12', miningMw: 60,
    cooling: 'DIRECT_TO_CHIP', redundancy: 'N_PLUS_1', rackKw: 120, pue: 1.25, usdPerMwh: 39.2,
    substationMva: 190, acres: 180, water: true, darkFiber: true, carriers: ['Zayo', 'Lumen'],
    latencyMs: 5.8, staff: 38,
  },
  {
    name: 'Enid Plains', grid: 'SPP', region: 'Oklahoma', lat: 36.396, lon: -97.878,
    mw: 50, live: '2024-07-08', miningMw: 50,
    cooling: 'AIR', redundancy: 'N', rackKw: 15, pue: 1.07, usdPerMwh: 36.1,
    substationMva: 0, acres: 35, water: false, darkFiber: false, carriers: ['Lumen'],
    latencyMs: 7.9, staff: 7,
  },
];

const APPALACHIAN_SITES: SiteSpec[] = [
  // A retired coal plant's switchyard and river water, reused.
  {
    name: 'Monongahela River Site', grid: 'PJM', region: 'Pennsylvania', lat: 40.021, lon: -79.887,
    mw: 150, live: '2024-11-04', miningMw: 150,
    cooling: 'AIR', redundancy: 'N', rackKw: 20, pue: 1.09, usdPerMwh: 52.4,
    substationMva: 180, acres: 260, water: true, darkFiber: false, carriers: ['Lumen', 'Windstream'],
    latencyMs: 4.9, staff: 21,
  },
  {
    name: 'Susquehanna Valley Campus', grid: 'PJM', region: 'Pennsylvania', lat: 41.069, lon: -76.149,
    mw: 250, ucMw: 100, live: '2025-09-01', miningMw: 0,
    cooling: 'DIRECT_TO_CHIP', redundancy: 'TWO_N', rackKw: 150, pue: 1.18, usdPerMwh: 58,
    substationMva: 450, acres: 1200, water: true, darkFiber: true,
    carriers: ['Zayo', 'Lumen', 'Crown Castle', 'Cogent'], latencyMs: 3.4, staff: 86, renewablePct: 12,
  },
  {
    name: 'Muskingum Ridge', grid: 'PJM', region: 'Ohio', lat: 39.941, lon: -81.968,
    mw: 90, live: '2024-05-20', miningMw: 90,
    cooling: 'AIR', redundancy: 'N', rackKw: 18, pue: 1.1, usdPerMwh: 49.5,
    substationMva: 0, acres: 70, water: false, darkFiber: false, carriers: ['Lumen'],
    latencyMs: 7.1, staff: 12,
  },
  {
    name: 'Lorain Lakeshore', grid: 'PJM', region: 'Ohio', lat: 41.452, lon: -82.182,
    mw: 60, ucMw: 40, live: '2026-02-02', miningMw: 35,
    cooling: 'WATER', redundancy: 'N_PLUS_1', rackKw: 70, pue: 1.3, usdPerMwh: 51.7,
    substationMva: 120, acres: 95, water: true, darkFiber: true, carriers: ['Zayo', 'Cogent'],
    latencyMs: 6.4, hub: 'Chicago', staff: 24,
  },
  {
    name: 'Halifax County Site', grid: 'PJM', region: 'Virginia', lat: 36.768, lon: -78.928,
    mw: 100, ucMw: 200, pipelineMw: 300, interconnection: 'APPROVED', live: '2027-04-01', miningMw: 0,
    cooling: 'DIRECT_TO_CHIP', redundancy: 'TWO_N', rackKw: 140, pue: 1.2, usdPerMwh: 63.5,
    substationMva: 400, acres: 900, water: true, darkFiber: true, carriers: ['Lumen', 'Zayo', 'Crown Castle'],
    latencyMs: 3.1, staff: 15,
  },
  {
    name: 'Williston Basin Site', grid: 'MISO', region: 'North Dakota', lat: 48.147, lon: -103.618,
    mw: 100, live: '2024-03-11', miningMw: 100,
    cooling: 'AIR', redundancy: 'N', rackKw: 15, pue: 1.06, usdPerMwh: 41.3,
    substationMva: 0, acres: 50, water: false, darkFiber: false, carriers: [],
    latencyMs: 27.5, staff: 8,
  },
  {
    name: 'Jamestown Prairie', grid: 'MISO', region: 'North Dakota', lat: 46.911, lon: -98.708,
    mw: 150, live: '2025-02-24', miningMw: 150,
    cooling: 'IMMERSION', redundancy: 'N_PLUS_1', rackKw: 45, pue: 1.05, usdPerMwh: 39.9,
    substationMva: 200, acres: 110, water: false, darkFiber: false, carriers: ['Lumen'],
    latencyMs: 18.7, staff: 17, renewablePct: 48,
  },
  // A former enterprise data hall: chilled air and raised floor, hence the poor PUE.
  {
    name: 'Mason City Data Hall', grid: 'MISO', region: 'Iowa', lat: 43.153, lon: -93.201,
    mw: 60, live: '2024-08-19', miningMw: 55,
    cooling: 'AIR', redundancy: 'N_PLUS_1', rackKw: 20, pue: 1.58, usdPerMwh: 44,
    substationMva: 0, acres: 45, water: true, darkFiber: false, carriers: ['Windstream', 'Lumen'],
    latencyMs: 8.6, staff: 9, renewablePct: 62,
  },
  {
    name: 'Mississippi Delta Site', grid: 'MISO', region: 'Mississippi', lat: 33.41, lon: -91.062,
    mw: 120, ucMw: 80, live: '2026-06-15', miningMw: 60,
    cooling: 'WATER', redundancy: 'N_PLUS_1', rackKw: 60, pue: 1.35, usdPerMwh: 46.7,
    substationMva: 250, acres: 340, water: true, darkFiber: true, carriers: ['AT&T', 'Lumen'],
    latencyMs: 9.6, hub: 'Dallas', staff: 27, renewablePct: 15,
  },
  {
    name: 'Dodge City Wind Site', grid: 'SPP', region: 'Kansas', lat: 37.753, lon: -100.017,
    mw: 80, live: '2024-10-07', miningMw: 80,
    cooling: 'AIR', redundancy: 'N', rackKw: 15, pue: 1.07, usdPerMwh: 28.6,
    substationMva: 0, acres: 55, water: false, darkFiber: false, carriers: ['Lumen'],
    latencyMs: 6.8, hub: 'Kansas City', staff: 8, renewablePct: 70,
  },
  {
    name: 'Salina Junction', grid: 'SPP', region: 'Kansas', lat: 38.84, lon: -97.611,
    mw: 40, pipelineMw: 160, interconnection: 'IN_STUDY', live: '2027-10-01', miningMw: 0,
    cooling: 'IMMERSION', redundancy: 'N', rackKw: 35, pue: 1.06, usdPerMwh: 33,
    substationMva: 0, acres: 140, water: false, darkFiber: false, carriers: ['Lumen', 'Cogent'],
    latencyMs: 6.1, hub: 'Kansas City', staff: 3, permit: 'IN_PROGRESS', verification: 'PENDING',
  },
];

const LAURENTIAN_SITES: SiteSpec[] = [
  {
    name: 'Baie-Comeau Aluminium Park', grid: 'QC', region: 'Québec', lat: 49.221, lon: -68.15,
    mw: 90, live: '2024-01-22', miningMw: 90,
    cooling: 'AIR', redundancy: 'N', rackKw: 22, pue: 1.08, usdPerMwh: 41.5,
    substationMva: 120, acres: 48, water: true, darkFiber: false, carriers: ['Bell', 'Telus'],
    latencyMs: 11.8, staff: 13, renewablePct: 100,
  },
  {
    name: 'Shawinigan Falls Site', grid: 'QC', region: 'Québec', lat: 46.541, lon: -72.749,
    mw: 60, live: '2024-09-16', miningMw: 30,
    cooling: 'IMMERSION', redundancy: 'N_PLUS_1', rackKw: 70, pue: 1.06, usdPerMwh: 44.2,
    substationMva: 80, acres: 35, water: true, darkFiber: true, carriers: ['Bell', 'Vidéotron', 'Cogent'],
    latencyMs: 3.9, staff: 22,
  },
  {
    name: 'Saguenay Smelter Row', grid: 'QC', region: 'Québec', lat: 48.428, lon: -71.068,
    mw: 150, ucMw: 50, live: '2025-11-03', miningMw: 70,
    cooling: 'DIRECT_TO_CHIP', redundancy: 'N_PLUS_1', rackKw: 130, pue: 1.15, usdPerMwh: 39.8,
    substationMva: 260, acres: 300, water: true, darkFiber: true, carriers: ['Bell', 'Zayo'],
    latencyMs: 8.7, staff: 44, renewablePct: 100,
  },
  {
    name: 'Drummondville Site', grid: 'QC', region: 'Québec', lat: 45.883, lon: -72.484,
    mw: 20, live: '2024-05-06', miningMw: 20,
    cooling: 'AIR', redundancy: 'N', rackKw: 15, pue: 1.1, usdPerMwh: 47.6,
    substationMva: 0, acres: 12, water: false, darkFiber: false, carriers: ['Vidéotron'],
    latencyMs: 2.7, staff: 4,
  },
  {
    name: 'Sept-Îles North', grid: 'QC', region: 'Québec', lat: 50.218, lon: -66.381,
    mw: 50, pipelineMw: 150, interconnection: 'APPROVED', live: '2027-08-01', miningMw: 0,
    cooling: 'WATER', redundancy: 'N_PLUS_1', rackKw: 60, pue: 1.12, usdPerMwh: 40.4,
    substationMva: 0, acres: 160, water: true, darkFiber: false, carriers: ['Bell'],
    latencyMs: 15.6, staff: 2, permit: 'IN_PROGRESS', verification: 'PENDING',
  },
];

const NORDIC_SITES: SiteSpec[] = [
  {
    name: 'Mo i Rana Hall', grid: 'NO', region: 'Nordland', lat: 66.313, lon: 14.142,
    mw: 120, live: '2024-03-25', miningMw: 110,
    cooling: 'AIR', redundancy: 'N', rackKw: 25, pue: 1.05, usdPerMwh: 25.4,
    substationMva: 150, acres: 30, water: true, darkFiber: true, carriers: ['Telia', 'Telenor'],
    latencyMs: 11.8, hub: 'Stockholm', staff: 16, renewablePct: 100,
  },
  {
    name: 'Odda Fjord Site', grid: 'NO', region: 'Vestland', lat: 60.068, lon: 6.546,
    mw: 80, ucMw: 40, live: '2025-04-14', miningMw: 40,
    cooling: 'WATER', redundancy: 'N_PLUS_1', rackKw: 90, pue: 1.1, usdPerMwh: 31.8,
    substationMva: 140, acres: 40, water: true, darkFiber: true, carriers: ['Telenor', 'Telia', 'GlobalConnect'],
    latencyMs: 6.9, staff: 29, renewablePct: 99,
  },
  {
    name: 'Tonstad Dam Site', grid: 'NO', region: 'Agder', lat: 58.668, lon: 6.712,
    mw: 180, live: '2025-08-25', miningMw: 100,
    cooling: 'DIRECT_TO_CHIP', redundancy: 'TWO_N', rackKw: 140, pue: 1.12, usdPerMwh: 33.4,
    substationMva: 300, acres: 220, water: true, darkFiber: true, carriers: ['Telia', 'GlobalConnect', 'Zayo'],
    latencyMs: 5.4, staff: 58, renewablePct: 100,
  },
  {
    name: 'Boden North', grid: 'SE', region: 'Norrbotten', lat: 65.826, lon: 21.689,
    mw: 60, live: '2024-06-17', miningMw: 60,
    cooling: 'AIR', redundancy: 'N', rackKw: 20, pue: 1.06, usdPerMwh: 26.2,
    substationMva: 0, acres: 25, water: false, darkFiber: false, carriers: ['Telia'],
    latencyMs: 12.6, staff: 10, renewablePct: 98,
  },
  {
    name: 'Sundsvall North', grid: 'SE', region: 'Västernorrland', lat: 62.438, lon: 17.318,
    mw: 100, ucMw: 60, live: '2026-03-09', miningMw: 30,
    cooling: 'DIRECT_TO_CHIP', redundancy: 'N_PLUS_1', rackKw: 110, pue: 1.14, usdPerMwh: 29.5,
    substationMva: 200, acres: 130, water: true, darkFiber: true, carriers: ['Telia', 'GlobalConnect'],
    latencyMs: 5.8, staff: 36, renewablePct: 94,
  },
  {
    name: 'Kajaani Campus', grid: 'FI', region: 'Kainuu', lat: 64.224, lon: 27.728,
    mw: 70, live: '2025-01-27', miningMw: 45,
    cooling: 'WATER', redundancy: 'N_PLUS_1', rackKw: 50, pue: 1.16, usdPerMwh: 34.6,
    substationMva: 100, acres: 70, water: true, darkFiber: true, carriers: ['Telia', 'Elisa', 'Cinia'],
    latencyMs: 7.4, staff: 25, renewablePct: 55,
  },
  {
    name: 'Tornio Bay', grid: 'FI', region: 'Lapland', lat: 65.848, lon: 24.146,
    mw: 40, live: '2024-12-02', miningMw: 40,
    cooling: 'IMMERSION', redundancy: 'N', rackKw: 30, pue: 1.05, usdPerMwh: 27.8,
    substationMva: 0, acres: 18, water: false, darkFiber: false, carriers: ['Elisa'],
    latencyMs: 9.9, staff: 5, renewablePct: 60,
  },
  {
    name: 'Keflavík Data Park', grid: 'IS', region: 'Suðurnes', lat: 63.968, lon: -22.6,
    mw: 60, live: '2024-02-05', miningMw: 35,
    cooling: 'AIR', redundancy: 'N_PLUS_1', rackKw: 35, pue: 1.08, usdPerMwh: 43.5,
    substationMva: 90, acres: 42, water: true, darkFiber: true, carriers: ['Farice', 'Míla'],
    latencyMs: 21.5, staff: 19,
  },
  {
    name: 'Blönduós Site', grid: 'IS', region: 'Norðurland vestra', lat: 65.66, lon: -20.279,
    mw: 30, live: '2024-10-21', miningMw: 30,
    cooling: 'AIR', redundancy: 'N', rackKw: 15, pue: 1.05, usdPerMwh: 41.2,
    substationMva: 0, acres: 15, water: false, darkFiber: false, carriers: ['Míla'],
    latencyMs: 26.8, staff: 4,
  },
  {
    name: 'Reyðarfjörður Site', grid: 'IS', region: 'Austurland', lat: 65.032, lon: -14.218,
    mw: 90, pipelineMw: 60, interconnection: 'APPROVED', live: '2027-05-03', miningMw: 0,
    cooling: 'IMMERSION', redundancy: 'N_PLUS_1', rackKw: 60, pue: 1.05, usdPerMwh: 39.7,
    substationMva: 0, acres: 65, water: true, darkFiber: false, carriers: ['Farice'],
    latencyMs: 24.3, staff: 3, permit: 'IN_PROGRESS', verification: 'PENDING',
  },
];

const ITAIPU_SITES: SiteSpec[] = [
  {
    name: 'Hernandarias Site', grid: 'PY', region: 'Alto Paraná', lat: -25.405, lon: -54.638,
    mw: 150, live: '2024-04-08', miningMw: 150,
    cooling: 'AIR', redundancy: 'N', rackKw: 15, pue: 1.07, usdPerMwh: 39.5,
    substationMva: 180, acres: 75, water: true, darkFiber: false, carriers: ['Tigo'],
    latencyMs: 21.6, staff: 20,
  },
  {
    name: 'Minga Guazú Campus', grid: 'PY', region: 'Alto Paraná', lat: -25.479, lon: -54.805,
    mw: 80, ucMw: 120, live: '2025-12-01', miningMw: 40,
    cooling: 'DIRECT_TO_CHIP', redundancy: 'N_PLUS_1', rackKw: 100, pue: 1.2, usdPerMwh: 41.8,
    substationMva: 250, acres: 260, water: true, darkFiber: true, carriers: ['Tigo', 'Claro', 'Copaco'],
    latencyMs: 19.8, staff: 33,
  },
  {
    name: 'Villeta River Site', grid: 'PY', region: 'Central', lat: -25.503, lon: -57.553,
    mw: 100, live: '2025-03-03', miningMw: 100,
    cooling: 'IMMERSION', redundancy: 'N', rackKw: 40, pue: 1.05, usdPerMwh: 36.4,
    substationMva: 130, acres: 60, water: true, darkFiber: false, carriers: ['Copaco', 'Personal'],
    latencyMs: 27.9, staff: 15,
  },
  {
    name: 'Ayolas Yacyretá Site', grid: 'PY', region: 'Misiones', lat: -27.382, lon: -56.9,
    mw: 60, pipelineMw: 90, interconnection: 'IN_STUDY', live: '2027-11-15', miningMw: 0,
    cooling: 'AIR', redundancy: 'N', rackKw: 20, pue: 1.08, usdPerMwh: 35.2,
    substationMva: 0, acres: 80, water: true, darkFiber: false, carriers: ['Copaco'],
    latencyMs: 31.4, staff: 2, permit: 'IN_PROGRESS', verification: 'PENDING',
  },
];

// A newer host still being verified: its sites are pending or unverified.
const RIFT_SITES: SiteSpec[] = [
  {
    name: 'Adama Industrial Park', grid: 'ET', region: 'Oromia', lat: 8.541, lon: 39.269,
    mw: 100, live: '2025-07-14', miningMw: 100,
    cooling: 'AIR', redundancy: 'N', rackKw: 15, pue: 1.12, usdPerMwh: 31.4,
    substationMva: 120, acres: 45, water: false, darkFiber: false, carriers: ['Ethio Telecom'],
    latencyMs: 46.5, staff: 15, verification: 'PENDING',
  },
  {
    name: 'Bishoftu Site', grid: 'ET', region: 'Oromia', lat: 8.752, lon: 38.978,
    mw: 40, live: '2025-02-10', miningMw: 40,
    cooling: 'IMMERSION', redundancy: 'N', rackKw: 30, pue: 1.06, usdPerMwh: 32.1,
    substationMva: 0, acres: 14, water: false, darkFiber: false, carriers: ['Ethio Telecom', 'Safaricom Ethiopia'],
    latencyMs: 44.2, staff: 7, verification: 'UNVERIFIED',
  },
  {
    name: 'Dukem Site', grid: 'ET', region: 'Oromia', lat: 8.801, lon: 38.903,
    mw: 60, ucMw: 60, live: '2026-04-20', miningMw: 60,
    cooling: 'AIR', redundancy: 'N_PLUS_1', rackKw: 25, pue: 1.14, usdPerMwh: 30.8,
    substationMva: 150, acres: 40, water: true, darkFiber: false, carriers: ['Ethio Telecom'],
    latencyMs: 43.7, staff: 11, verification: 'UNVERIFIED',
  },
  {
    name: 'Asosa Site', grid: 'ET', region: 'Benishangul-Gumuz', lat: 10.067, lon: 34.533,
    mw: 120, pipelineMw: 180, interconnection: 'APPROVED', live: '2027-02-15', miningMw: 0,
    cooling: 'AIR', redundancy: 'N', rackKw: 15, pue: 1.1, usdPerMwh: 25,
    substationMva: 0, acres: 95, water: true, darkFiber: false, carriers: [],
    latencyMs: 58.9, staff: 0, permit: 'IN_PROGRESS', verification: 'UNVERIFIED',
  },
];

const SITES_BY_OWNER: ReadonlyArray<readonly [MinerKey, SiteSpec[]]> = [
  ['permian', PERMIAN_SITES],
  ['appalachian', APPALACHIAN_SITES],
  ['laurentian', LAURENTIAN_SITES],
  ['nordic', NORDIC_SITES],
  ['itaipu', ITAIPU_SITES],
  ['rift', RIFT_SITES],
];

export type SiteRow = {
  id: string;
  orgId: string;
  name: string;
  country: string;
  region: string;
  gridOperator: string;
  latitude: number;
  longitude: number;
  energizedMw: number;
  underConstructionMw: number;
  pipelineMw: number;
  interconnectionStatus: InterconnectionStatus;
  substationOnSite: boolean;
  substationMva: number;
  transformerMva: number;
  landAcres: number;
  waterAvailable: boolean;
  coolingType: CoolingType;
  darkFiber: boolean;
  carriers: string[];
  nearestHub: string;
  latencyToHubMs: number;
  redundancy: Redundancy;
  maxRackDensityKw: number;
  pue: number;
  energyPriceCentsPerMwh: number;
  renewableSharePct: number;
  permitStatus: PermitStatus;
  skilledStaffCount: number;
  liveDate: Date;
  miningMw: number;
  status: 'ACTIVE';
  verification: VerificationStatus;
  verifiedAt: Date | null;
  archivedAt: null;
  createdAt: Date;
};

export function siteId(name: string): string {
  return stableUuid(`site:${name}`);
}

// Step-down transformers sized ~15% above the energized load (power factor and headroom), in 5 MVA steps.
const transformerMvaFor = (mw: number) => Math.ceil((mw * 1.15) / 5) * 5;

// Hosts list a site every week or two after joining; verification follows about nine days later.
const LISTING_INTERVAL_DAYS = 11;
const SITE_VERIFICATION_DAYS = 9;

function siteRow(owner: MinerKey, spec: SiteSpec, index: number): SiteRow {
  const grid: GridArea = GRIDS[spec.grid];
  const verification = spec.verification ?? 'VERIFIED';
  const createdAt = addDays(orgJoined(owner), 7 + index * LISTING_INTERVAL_DAYS);
  return {
    id: siteId(spec.name),
    orgId: orgId(owner),
    name: spec.name,
    country: grid.country,
    region: spec.region,
    gridOperator: grid.gridOperator,
    latitude: spec.lat,
    longitude: spec.lon,
    energizedMw: spec.mw,
    underConstructionMw: spec.ucMw ?? 0,
    pipelineMw: spec.pipelineMw ?? 0,
    interconnectionStatus: spec.interconnection ?? 'ENERGIZED',
    substationOnSite: spec.substationMva > 0,
    substationMva: spec.substationMva,
    transformerMva: transformerMvaFor(spec.mw),
    landAcres: spec.acres,
    waterAvailable: spec.water,
    coolingType: spec.cooling,
    darkFiber: spec.darkFiber,
    carriers: spec.carriers,
    nearestHub: spec.hub ?? grid.hub,
    latencyToHubMs: spec.latencyMs,
    redundancy: spec.redundancy,
    maxRackDensityKw: spec.rackKw,
    pue: spec.pue,
    energyPriceCentsPerMwh: Math.round(spec.usdPerMwh * 100),
    renewableSharePct: spec.renewablePct ?? grid.renewablePct,
    permitStatus: spec.permit ?? 'GRANTED',
    skilledStaffCount: spec.staff,
    liveDate: utcDay(spec.live),
    miningMw: spec.miningMw,
    status: 'ACTIVE',
    verification,
    verifiedAt: verification === 'VERIFIED' ? addDays(createdAt, SITE_VERIFICATION_DAYS) : null,
    archivedAt: null,
    createdAt,
  };
}

export const DEMO_SITES: readonly SiteRow[] = SITES_BY_OWNER.flatMap(([owner, specs]) =>
  specs.map((spec, index) => siteRow(owner, spec, index)),
);

const SITES_BY_NAME = new Map(DEMO_SITES.map((site) => [site.name, site]));

export function demoSite(name: string): SiteRow {
  const site = SITES_BY_NAME.get(name);
  if (!site) throw new Error(`Demo data: no site named "${name}"`);
  return site;
}
