'use client';
// Tabs that anchors open: each panel is a <section id> (class tab-panel) and the address's #fragment shows
// it (CSS :target, globals.css), so /admin#audit opens the audit log, a link can point at any tab and the
// browser's back button moves between them, with or without JavaScript. This part only marks the current tab.
import { useEffect, useState, type ReactNode } from 'react';

export function AnchorTabs({ label, tabs, children }: { label: string; tabs: readonly { id: string; label: string }[]; children: ReactNode }) {
  const [current, setCurrent] = useState<string | undefined>(undefined);
  useEffect(() => {
    const read = () => setCurrent(window.location.hash.slice(1) || undefined);
    read();
    window.addEventListener('hashchange', read);
    return () => window.removeEventListener('hashchange', read);
  }, []);
  const active = tabs.some((t) => t.id === current) ? current : tabs[0]?.id;
  return (
    <div className="anchor-tabs">
      <nav aria-label={label} className="tabs">
        {tabs.map((t) => (
          <a key={t.id} href={`#${t.id}`} aria-current={t.id === active ? 'true' : undefined}>
            {t.label}
          </a>
        ))}
      </nav>
      <div className="tab-panels">{children}</div>
    </div>
  );
}
