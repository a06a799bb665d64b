import { DomainError } from '../errors/domain-errors';
import { ZPageArgs, decodeCursor, encodeCursor, pageQuery, toConnection } from './pagination';

const ID = '5f0c6a9e-0b7e-4b0f-9a57-2a3c1b2d3e4f';

describe('cursors', () => {
  it('round-trips an id and keeps it opaque', () => {
    const cursor = encodeCursor(ID);
    expect(cursor).not.toContain(ID);
    expect(decodeCursor(cursor)).toBe(ID);
  });

  it.each(['', 'not-base64!', Buffer.from('v1:not-a-uuid').toString('base64url'), Buffer.from(`v0:${ID}`).toString('base64url')])(
    'refuses %j as BAD_USER_INPUT on `after`',
    (cursor) => {
      expect(() => decodeCursor(cursor)).toThrow(DomainError);
      try {
        decodeCursor(cursor);
      } catch (error) {
        expect(error).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
      }
    },
  );
});

describe('pages', () => {
  it('defaults to 20 and caps at 100', () => {
    expect(ZPageArgs.parse({}).first).toBe(20);
    expect(ZPageArgs.safeParse({ first: 101 }).success).toBe(false);
    expect(ZPageArgs.safeParse({ first: 0 }).success).toBe(false);
  });

  it('asks for one extra row and reports hasNextPage from it', async () => {
    const page = ZPageArgs.parse({ first: 2 });
    expect(pageQuery(page).take).toBe(3);
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const connection = toConnection(rows, page, (r) => r.id, async () => 3);
    expect(connection.edges.map((e) => e.node)).toEqual(['a', 'b']);
    expect(connection.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor('b') });
    expect(await connection.totalCount()).toBe(3);
    expect(toConnection(rows.slice(0, 2), page, (r) => r.id, async () => 2).pageInfo.hasNextPage).toBe(false);
  });

  it('continues after the cursor row', () => {
    expect(pageQuery(ZPageArgs.parse({ first: 5, after: encodeCursor(ID) }))).toMatchObject({ cursor: { id: ID }, skip: 1, take: 6 });
  });
});
