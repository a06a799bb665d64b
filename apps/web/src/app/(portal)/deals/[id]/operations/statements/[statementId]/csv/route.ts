// A statement's CSV export (the API's `statement.csv`: one row per line, then the totals, exact cents), as a
// download. The caller's session decides: another organisation's statement is a 404, like the page.
import { GridshareError } from '@gridshare/sdk';
import { gqlMutation } from '@/lib/session';
import { StatementCsvDocument } from '@/generated/graphql';

export async function GET(_request: Request, { params }: { params: Promise<{ id: string; statementId: string }> }): Promise<Response> {
  const { statementId } = await params;
  try {
    // gqlMutation hands the API's errors back (gql would render the not-found page, of no use to a download).
    const { statement } = await gqlMutation(StatementCsvDocument, { id: statementId });
    return new Response(statement.csv, {
      headers: {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="statement-${statement.month}-${statement.dealId.slice(0, 8)}.csv"`,
        'cache-control': 'private, no-store',
      },
    });
  } catch (error) {
    if (!(error instanceof GridshareError)) throw error;
    const status = error.code === 'UNAUTHENTICATED' ? 401 : error.code === 'NOT_FOUND' || error.code === 'BAD_USER_INPUT' ? 404 : 502;
    return new Response(status === 502 ? 'The API could not answer.' : error.message, { status, headers: { 'content-type': 'text/plain; charset=utf-8' } });
  }
}
