import type { Prisma, ReadinessAssessment as AssessmentRow, Site } from '@gridshare/db';
import {
  type ConversionEstimate,
  type CriterionResult,
  MODEL_VERSION,
  READINESS_MODEL,
  type ReadinessAssessment,
  type ReadinessGap,
  type TReadinessSiteInput,
  ZReadinessSiteInput,
} from '@gridshare/readiness';
import { withNumbers } from '../common/decimals';

/** A site row as the engine's input: Decimals as numbers; the schema drops the fields the engine does not read. */
export function toReadinessInput(site: Site): TReadinessSiteInput {
  return ZReadinessSiteInput.parse(withNumbers(site));
}

/**
 * What `conversion` holds in the table. ReadinessAssessment has no bestUse / asOf columns, so they are
 * kept beside the estimate; both are optional for rows that lack them.
 */
interface StoredConversion extends ConversionEstimate {
  readonly bestUse?: string;
  readonly asOf?: string | null;
}

// The engine's output is plain JSON data; its interfaces merely lack the index signature Prisma's Json types want.
const toJson = (value: object) => value as Prisma.InputJsonValue;
// Rows are only ever written by toAssessmentData from the engine's output, so their Json has these shapes.
const fromJson = <T>(value: Prisma.JsonValue) => value as unknown as T;

/** The engine's result as a row; the caller's scope supplies orgId, never input. */
export function toAssessmentData(result: ReadinessAssessment, siteId: string, orgId: string): Prisma.ReadinessAssessmentCreateManyInput {
  const conversion: StoredConversion = { ...result.conversion, bestUse: result.bestUse, asOf: result.asOf };
  return {
    orgId,
    siteId,
    modelVersion: result.modelVersion,
    score: result.score,
    tier: result.tier,
    criteria: toJson(result.criteria),
    gaps: toJson(result.gaps),
    conversion: toJson(conversion),
  };
}

/** The GraphQL ReadinessAssessment: score as a number, money as USD, `current` against today's model. */
export function toReadinessNode(row: AssessmentRow) {
  const { bestUse, asOf, achievableRackKw, ...conversion } = fromJson<StoredConversion>(row.conversion);
  return {
    id: row.id,
    siteId: row.siteId,
    modelVersion: row.modelVersion,
    current: row.modelVersion === MODEL_VERSION,
    score: row.score.toNumber(),
    tier: row.tier,
    criteria: fromJson<CriterionResult[]>(row.criteria),
    gaps: fromJson<ReadinessGap[]>(row.gaps).map(({ capexUsd, ...gap }) => ({ ...gap, costUsd: capexUsd })),
    conversion: { ...conversion, achievableRackDensityKw: achievableRackKw },
    bestUse: bestUse ?? null,
    asOf: asOf ?? null,
    createdAt: row.createdAt,
  };
}

/** The model's version, criteria with weights and tier thresholds, for the portal to show. */
export function toReadinessModelInfo() {
  const { criteria, tiers } = READINESS_MODEL;
  return {
    version: MODEL_VERSION,
    criteria: Object.entries(criteria).map(([key, criterion]) => ({
      key,
      label: criterion.label,
      weight: criterion.weight,
      source: criterion.source,
    })),
    tiers: {
      aiReadyMinScore: tiers.aiReady,
      convertibleMinScore: tiers.convertible,
      aiReadyMinEnergizedMw: tiers.aiReadyMinEnergizedMw,
      aiReadyBlockers: tiers.aiReadyBlockers,
    },
  };
}
