'use client';
import Link, { useLinkStatus } from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

export interface NavItem {
  href: string;
  label: string;
}

/**
 * Shown inside a link from its click until the page it leads to has rendered (the portal has no route-wide
 * loading page, so that not-found pages answer 404): a pulsing dot, announced as "Loading". The CSS starts it
 * after 150 ms, so a quick navigation does not flash it.
 */
function Pending() {
  const { pending } = useLinkStatus();
  return pending ? <span className="link-pending" role="status" aria-label="Loading" /> : null;
}

/** On a phone the navigation folds behind a Menu button (CSS shows the button below 820 px only). */
export function NavLinks({ sections }: { sections: { title: string; items: NavItem[] }[] }) {
  const pathname = usePathname();
  const [open, setOpen] = useState(false);
  // Following a link closes the menu.
  useEffect(() => setOpen(false), [pathname]);
  return (
    <>
    <button type="button" className="nav-toggle secondary" aria-expanded={open} aria-controls="main-nav" onClick={() => setOpen((o) => !o)}>
      Menu
    </button>
    <nav aria-label="Main" id="main-nav" className={open ? 'open' : undefined}>
      {sections.map((section) => (
        <div key={section.title}>
          <div className="section">{section.title}</div>
          {section.items.map((item) => (
            <Link key={item.href} href={item.href} aria-current={pathname === item.href || pathname.startsWith(`${item.href}/`) ? 'page' : undefined} style={{ display: 'block' }}>
              {item.label}
              <Pending />
            </Link>
          ))}
        </div>
      ))}
    </nav>
    </>
  );
}
