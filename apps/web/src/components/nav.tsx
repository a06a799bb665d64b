'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useEffect, useState } from 'react';

export interface NavItem {
  href: string;
  label: string;
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
            </Link>
          ))}
        </div>
      ))}
    </nav>
    </>
  );
}
