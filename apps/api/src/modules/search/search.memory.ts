// Capacity search answered from the in-memory listing (listing-index.ts), in the shape the SQL path answers.
import type { TPageArgs } from '../../graphql/pagination';
import { type ListingIndex, type ListingValues, cursorValue } from './listing-index';
import { decodeSearchCursor, encodeSearchCursor } from './search.cursor';
import { type ListingNode, toListingNode } from './search.mappers';
import type { TCapacitySearchFilter, TSort } from './search.schemas';

/**
 * An edge whose cursor is made only when a client asks for it (most searches ask for none, and twenty
 * JSON texts in base64 a page were a visible share of a search). The row is the search's own copy, so a
 * change to the listing after the search cannot reach the cursor.
 */
class SearchEdge {
  readonly node: ListingNode;
  constructor(
    private readonly sort: TSort,
    private readonly row: ListingValues,
  ) {
    this.node = toListingNode(row);
  }

  get cursor(): string {
    return encodeSearchCursor(this.sort, { value: cursorValue(this.sort, this.row), id: this.row.blockId });
  }
}

/** The same answer as searchListings + countListings, from the in-memory listing (listing-index.ts). */
export function searchListingIndex(index: ListingIndex, page: TPageArgs, sort: TSort, filter?: TCapacitySearchFilter | null) {
  const after = page.after ? decodeSearchCursor(page.after, sort) : null;
  const result = index.search(page.first, sort, filter, after);
  const edges = result.rows.map((row) => new SearchEdge(sort, row));
  const last = edges.at(-1);
  return {
    edges,
    pageInfo: {
      hasNextPage: result.hasNextPage,
      get endCursor() {
        return last?.cursor ?? null;
      },
    },
    // Functions, as the SQL path's counts are (connectionResolvers calls them).
    totalCount: async () => result.count,
    totalCountIsExact: async () => result.exact,
  };
}
