'use client';

export default function PortalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div className="card" role="alert">
      <h1>Something went wrong</h1>
      <p className="form-error">{error.digest ? `The server could not complete this page (reference ${error.digest}).` : error.message}</p>
      <button type="button" onClick={reset}>
        Try again
      </button>
    </div>
  );
}
