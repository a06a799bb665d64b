import type { Metadata } from 'next';
import localFont from 'next/font/local';
import './globals.css';

// Inter from @fontsource-variable (an npm package): no request to a font CDN, works offline.
const inter = localFont({
  src: '../../../../node_modules/@fontsource-variable/inter/files/inter-latin-wght-normal.woff2',
  display: 'swap',
  variable: '--font-inter',
});

export const metadata: Metadata = {
  title: { default: 'Gridshare', template: '%s · Gridshare' },
  description: 'Marketplace of powered sites: AI colocation with backfill mining',
};

export default function RootLayout({ children }: { children: React.ReactNode }) {
  return (
    <html lang="en" className={inter.variable}>
      <body>{children}</body>
    </html>
  );
}
