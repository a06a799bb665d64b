import Link from 'next/link';

export default function NotFound() {
  return (
    <div className="auth-page">
      <div className="card auth-box">
        <h1>Not found</h1>
        <p>There is nothing here, or it belongs to another organisation.</p>
        <Link href="/" className="button">
          Back to the portal
        </Link>
      </div>
    </div>
  );
}
