// A table as a CSV download, built on the server as a data: URL, so it needs no client JavaScript.

const cell = (v: string | number) => {
  const text = String(v);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

export function toCsv(header: readonly string[], rows: readonly (readonly (string | number)[])[]): string {
  return [header, ...rows].map((row) => row.map(cell).join(',')).join('\n');
}

export function CsvLink({ name, header, rows }: { name: string; header: readonly string[]; rows: readonly (readonly (string | number)[])[] }) {
  const href = `data:text/csv;charset=utf-8,${encodeURIComponent(toCsv(header, rows))}`;
  return (
    <a className="button secondary" href={href} download={`${name}.csv`}>
      Export CSV
    </a>
  );
}
