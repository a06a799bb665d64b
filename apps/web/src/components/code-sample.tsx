// A code sample people copy into their own tools: the text as shown, and a button that copies it whole.
import { CopyButton } from './copy-button';

export function CodeSample({ code, label = 'Copy' }: { code: string; label?: string }) {
  return (
    <div className="code-sample">
      <pre className="code">{code}</pre>
      <CopyButton text={code} label={label} />
    </div>
  );
}
