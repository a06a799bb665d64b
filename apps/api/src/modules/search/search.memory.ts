// Capacity search answered from the in-memory listing (listing-index.ts), in the shape the SQL path answers.
import type { TPageArgs } from '../../graphql/pagination';
import type { ListingIndex } from './listing-index';
import { decodeSearchCursor, encodeSearchCursor } from './search.cursor';
import { toListingNode } from './search.mappers';
import type { TCapacitySearchFilter, TSort } from './search.schemas';

/** The same answer as searchListings + countListings, from the in-memory listing (listing-index.ts). */
export function searchListingIndex(index: ListingIndex, page: TPageArgs, sort: TSort, filter?: TCapacitySearchFilter | null) {
  const after = page.after ? decodeSearchCursor(page.after, sort) : null;
  const result = index.search(page.first, sort, filter, after);
  const edges = result.rows.map(({ row, keyset }) => ({
    cursor: encodeSearchCursor(sort, keyset),
    node: toListingNode({ ...row, availableFrom: new Date(row.availableDay * 86_400_000) }),
  }));
  return {
    edges,
    pageInfo: { hasNextPage: result.hasNextPage, endCursor: edges.at(-1)?.cursor ?? null },
    // Functions, as the SQL path's counts are (connectionResolvers calls them).
    totalCount: async () => result.count,
    totalCountIsExact: async () => result.exact,
  };
}
