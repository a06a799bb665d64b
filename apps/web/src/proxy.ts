// Tells server components which address was asked for, so a visitor sent to sign in comes back to it
// (`/signin?next=…`, checked by safeNextPath). Next 16 calls this file's `proxy` before every page.
import { type NextRequest, NextResponse } from 'next/server';
import { PATH_HEADER } from './lib/path-header';

export function proxy(request: NextRequest) {
  const headers = new Headers(request.headers);
  headers.set(PATH_HEADER, request.nextUrl.pathname + request.nextUrl.search);
  return NextResponse.next({ request: { headers } });
}

export const config = { matcher: ['/((?!_next/|api/|favicon).*)'] };
