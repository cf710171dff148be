'use client';

import { ChevronLeft, ChevronRight } from 'lucide-react';
import Link from 'next/link';
import { useState } from 'react';
import type { CalendarEvent } from '@/lib/calendar/events';
import { dateIn, timeIn } from '@/lib/calendar/zoned';

const WEEKDAYS = ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun'];

function shift(month: string, by: number): string {
  const date = new Date(`${month}-01T00:00:00Z`);
  date.setUTCMonth(date.getUTCMonth() + by);
  return date.toISOString().slice(0, 7);
}

/** The month's days in weeks (Monday first), as 'YYYY-MM-DD' or null for padding. */
function weeks(month: string): (string | null)[][] {
  const first = new Date(`${month}-01T00:00:00Z`);
  const pad = (first.getUTCDay() + 6) % 7;
  const days = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  const cells = [...Array<null>(pad).fill(null), ...Array.from({ length: days }, (_, i) => `${month}-${String(i + 1).padStart(2, '0')}`)];
  while (cells.length % 7) cells.push(null);
  return Array.from({ length: cells.length / 7 }, (_, i) => cells.slice(i * 7, i * 7 + 7));
}

/** A month of shows and practices, each on its date at the venue; `today` comes from the server so both renders agree. */
export function MonthView({ events, today }: { events: CalendarEvent[]; today: string }) {
  const [month, setMonth] = useState(today.slice(0, 7));
  const byDay = new Map<string, CalendarEvent[]>();
  for (const event of events) {
    const day = dateIn(event.startsAt, event.zone);
    byDay.set(day, [...(byDay.get(day) ?? []), event]);
  }
  const label = new Intl.DateTimeFormat('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(new Date(`${month}-01T00:00:00Z`));
  return (
    <section aria-label="Month" className="flex flex-col gap-2">
      <div className="flex items-center justify-between">
        <button type="button" aria-label="Previous month" onClick={() => setMonth(shift(month, -1))} className="flex size-11 items-center justify-center rounded-lg border border-white/15"><ChevronLeft aria-hidden /></button>
        <h3 aria-live="polite" className="font-semibold">{label}</h3>
        <button type="button" aria-label="Next month" onClick={() => setMonth(shift(month, 1))} className="flex size-11 items-center justify-center rounded-lg border border-white/15"><ChevronRight aria-hidden /></button>
      </div>
      <table className="w-full table-fixed border-collapse text-xs">
        <caption className="sr-only">{label}: shows and practices by date</caption>
        <thead>
          <tr>{WEEKDAYS.map((day) => <th key={day} scope="col" className="py-1 font-normal text-zinc-400">{day}</th>)}</tr>
        </thead>
        <tbody>
          {weeks(month).map((week, index) => (
            <tr key={index}>
              {week.map((day, column) => (
                <td key={day ?? `pad-${column}`} className={`h-16 border border-white/5 align-top ${day === today ? 'bg-white/5' : ''}`}>
                  {day ? (
                    <div className="flex flex-col gap-0.5 p-0.5">
                      <span className={day === today ? 'font-bold text-amp-400' : 'text-zinc-400'}>{Number(day.slice(8))}</span>
                      {(byDay.get(day) ?? []).map((event) => (
                        <Link key={event.id} href={event.href} title={event.title} className={`block min-h-11 min-w-11 truncate rounded px-0.5 py-1 leading-tight ${event.kind === 'show' ? 'bg-amp-500/30' : 'bg-sky-500/30'} ${event.cancelled ? 'line-through opacity-70' : ''}`}>
                          <span className="sr-only">{event.kind === 'show' ? 'Show' : 'Practice'} at {timeIn(event.startsAt, event.zone)}: </span>
                          {event.title}
                        </Link>
                      ))}
                    </div>
                  ) : null}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
