// How large a POST /graphql may be. A GraphQL document is never more than DOCUMENT_LIMIT_BYTES (GraphQL
// Armor caps tokens, not characters, so this is the character cap). Variables may make the body larger,
// up to AUTHENTICATED_BODY_LIMIT_BYTES, for a caller whose credentials are valid: a batch of 10,000 meter
// readings is about 1 MB of JSON. Anyone else still gets 413 past DOCUMENT_LIMIT_BYTES, before the body is
// read (or, for a body sent without a length, as soon as it passes the limit).
import { Transform } from 'node:stream';
import { type FastifyRequest, type RequestPayload, errorCodes } from 'fastify';

export const DOCUMENT_LIMIT_BYTES = 100 * 1024;
export const AUTHENTICATED_BODY_LIMIT_BYTES = 4 * 1024 * 1024;

const tooLarge = () => new errorCodes.FST_ERR_CTP_BODY_TOO_LARGE();

/** Passes `payload` through while it stays within `limit` bytes; past it, fails the request with 413. */
function capped(payload: RequestPayload, limit: number): RequestPayload {
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      received += chunk.length;
      callback(received > limit ? tooLarge() : null, chunk);
    },
  });
  payload.on('error', (error) => counter.destroy(error));
  return payload.pipe(counter);
}

/**
 * A preParsing hook: bodies over DOCUMENT_LIMIT_BYTES only for callers `isAuthenticated` accepts (it is
 * asked only then, so small requests cost nothing more). The route's own bodyLimit caps everyone else.
 */
export function limitAnonymousBodies(isAuthenticated: (request: FastifyRequest) => Promise<boolean>) {
  return async (request: FastifyRequest, _reply: unknown, payload: RequestPayload): Promise<RequestPayload> => {
    if (request.method !== 'POST') return payload;
    const declared = Number(request.headers['content-length']);
    if (declared <= DOCUMENT_LIMIT_BYTES || (await isAuthenticated(request))) return payload;
    if (!Number.isNaN(declared)) throw tooLarge();
    return capped(payload, DOCUMENT_LIMIT_BYTES);
  };
}

/** A preValidation hook: the GraphQL document itself stays within DOCUMENT_LIMIT_BYTES, whoever sends it. */
export async function limitDocument(request: FastifyRequest): Promise<void> {
  const query = (request.body as { query?: unknown } | null | undefined)?.query;
  if (typeof query === 'string' && query.length > DOCUMENT_LIMIT_BYTES / 3 && Buffer.byteLength(query) > DOCUMENT_LIMIT_BYTES) throw tooLarge();
}
