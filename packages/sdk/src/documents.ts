// How an operation travels: by id when the API has it registered (a trusted document: the API's manifest
// holds every operation of this SDK and of the portal), by text otherwise. The id is the SHA-256 of the
// exact text, so a client needs no manifest of its own; an API that does not know the id (an older one,
// or a document written by a partner) says so, and the text is sent instead, and from then on for that
// document and endpoint.
import { type DocumentNode, print } from 'graphql';

const printed = new WeakMap<DocumentNode, string>();
/** The text sent for a generated document, printed once per document. */
export function documentSource(document: DocumentNode): string {
  let text = printed.get(document);
  if (text === undefined) {
    text = print(document);
    printed.set(document, text);
  }
  return text;
}

const hex = (digest: ArrayBuffer) => Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');

const ids = new WeakMap<DocumentNode, Promise<string | undefined>>();
/**
 * The hex SHA-256 of the document's text (Web Crypto: Node 19+ and browsers), computed once per document;
 * undefined where Web Crypto is missing, and the text is always sent.
 */
export function documentId(document: DocumentNode): Promise<string | undefined> {
  let id = ids.get(document);
  if (id === undefined) {
    const subtle = globalThis.crypto?.subtle;
    id = subtle
      ? subtle.digest('SHA-256', new TextEncoder().encode(documentSource(document))).then(hex)
      : Promise.resolve(undefined);
    ids.set(document, id);
  }
  return id;
}

/** The API's answers when it does not run documents by this id: not registered there, or no ids at all. */
const UNKNOWN_ID_CODES: ReadonlySet<unknown> = new Set(['PERSISTED_QUERY_NOT_FOUND', 'PERSISTED_QUERY_NOT_SUPPORTED']);

/** Documents an endpoint did not know by id, so their text goes straight away. */
const unknownAt = new WeakMap<DocumentNode, Set<string>>();

export interface SentDocument {
  response: Response;
  /** The parsed JSON answer; null when the body is not JSON. */
  body: unknown;
}

/**
 * Sends `document` with `variables` through `post` (which POSTs a JSON body to `endpoint`): by id first
 * (Apollo's `extensions.persistedQuery`, which any Apollo server recognises, so one without ids answers
 * PERSISTED_QUERY_NOT_SUPPORTED rather than a generic error), by text when the API does not know the id.
 */
export async function sendDocument(endpoint: string, document: DocumentNode, variables: unknown, post: (body: string) => Promise<Response>): Promise<SentDocument> {
  const send = async (body: object): Promise<SentDocument> => {
    const response = await post(JSON.stringify(body));
    return { response, body: await response.json().catch(() => null) };
  };
  const byText = () => send({ query: documentSource(document), variables });
  const id = unknownAt.get(document)?.has(endpoint) ? undefined : await documentId(document);
  if (id === undefined) return byText();
  const sent = await send({ variables, extensions: { persistedQuery: { version: 1, sha256Hash: id } } });
  const errors = (sent.body as { errors?: { extensions?: { code?: unknown } }[] } | null)?.errors;
  if (!errors?.length || !UNKNOWN_ID_CODES.has(errors[0]?.extensions?.code)) return sent;
  unknownAt.set(document, (unknownAt.get(document) ?? new Set()).add(endpoint));
  return byText();
}
