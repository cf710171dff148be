import type { Metadata } from 'next';
import type { ReactNode } from 'react';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Rock-On', template: '%s · Rock-On' },
  description: 'Songs, setlists, shows and practice for the whole band, edited together in real time.',
};

export default function RootLayout({ children }: Readonly<{ children: ReactNode }>) {
  return (
    <html lang="en">
      <body className="min-h-dvh font-sans text-zinc-100 antialiased">{children}</body>
    </html>
  );
}
