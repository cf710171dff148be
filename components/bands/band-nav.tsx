'use client';

import Link from 'next/link';
import { usePathname } from 'next/navigation';

const SECTIONS = [
  { path: '', label: 'Home' },
  { path: 'calendar', label: 'Calendar' },
  { path: 'songs', label: 'Songs' },
  { path: 'setlists', label: 'Setlists' },
  { path: 'members', label: 'Members & invites' },
] as const;

/** The band's sections; the current one is marked for screen readers (aria-current) and by colour. */
export function BandNav({ bandId }: { bandId: string }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Band sections" className="flex gap-1 overflow-x-auto border-b border-white/10 text-sm print:hidden">
      {SECTIONS.map(({ path, label }) => {
        const href = path ? `/bands/${bandId}/${path}` : `/bands/${bandId}`;
        // Shows and practices belong to the calendar; Home is current only on the band's own page.
        const inCalendar = path === 'calendar' && /\/(shows|practice|availability)\//.test(`${pathname}/`);
        const current = pathname === href || (path !== '' && pathname.startsWith(`${href}/`)) || inCalendar;
        return (
          <Link
            key={path}
            href={href}
            aria-current={current ? 'page' : undefined}
            className="flex min-h-11 items-center whitespace-nowrap px-3 text-zinc-200 hover:text-amp-400 aria-[current=page]:border-b-2 aria-[current=page]:border-amp-400 aria-[current=page]:text-amp-400"
          >
            {label}
          </Link>
        );
      })}
    </nav>
  );
}
