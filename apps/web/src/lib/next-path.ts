// Where to go after signing in or up (e.g. back to an invitation): only a path on this portal, never another
// site (an open redirect would lend our sign-in page to phishing).
export function safeNextPath(next: string | null | undefined): string {
  return next && /^\/(?![/\\])/.test(next) ? next : '/';
}
