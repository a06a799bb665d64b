'use client';
// Filters the API docs page as you type: hides every [data-doc] block whose text does not contain the words.
// Without JavaScript the page is whole and the browser's own find works.
import { useEffect, useState } from 'react';

export function DocsSearch() {
  const [query, setQuery] = useState('');
  useEffect(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    for (const block of document.querySelectorAll<HTMLElement>('[data-doc]')) {
      const text = (block.dataset.doc ?? '').toLowerCase();
      block.hidden = !words.every((word) => text.includes(word));
    }
  }, [query]);
  return (
    <div className="field" style={{ maxWidth: 420, marginBottom: 16 }}>
      <label htmlFor="docs-search">Search types, fields and descriptions</label>
      <input id="docs-search" type="search" value={query} onChange={(e) => setQuery(e.target.value)} placeholder="searchCapacity, deal, webhook…" />
    </div>
  );
}
