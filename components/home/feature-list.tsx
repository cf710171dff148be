import { CalendarDays, CalendarPlus, Music, ListOrdered, Radio, Users, WifiOff, Wifi, type LucideIcon } from 'lucide-react';

type Feature = { name: string; icon: LucideIcon; description: string };

// What the app does today, no more: each line is a feature a visitor can try after signing up.
const FEATURES: Feature[] = [
  {
    name: 'Songs',
    icon: Music,
    description: 'Key, tempo, length and notes for every song, ready or still learning, and where each member is with it. Search, sort and filter as you type.',
  },
  {
    name: 'Setlists',
    icon: ListOrdered,
    description: 'Drag songs into order (mouse, touch or keyboard), add set breaks and transpose; the running time follows against your target. Print one set per page for the stage floor.',
  },
  {
    name: 'Shows and practice',
    icon: CalendarDays,
    description: 'Gigs with venue, load-in, soundcheck and set times in the venue’s time zone, and rehearsals with an agenda of songs and goals, all on one calendar.',
  },
  {
    name: 'Availability',
    icon: Users,
    description: 'Everyone answers yes, maybe or no for each show and practice, and blocks the dates they are away, so you see who can make it before you book.',
  },
  {
    name: 'Calendar feed',
    icon: CalendarPlus,
    description: 'Subscribe once in Google, Apple or Outlook calendar and your bands’ shows and practices appear there.',
  },
  {
    name: 'Live for the whole band',
    icon: Radio,
    description: 'Every change one member makes appears on everyone else’s screen at once, and you see who else is looking.',
  },
  {
    name: 'Works offline',
    icon: WifiOff,
    description: 'No signal in the rehearsal basement? Changes are kept on your device and sync by themselves when the connection is back.',
  },
  {
    name: 'LAN mode',
    icon: Wifi,
    description: 'Run it on a laptop and open it on every phone in the room over your own Wi-Fi, no cloud account needed.',
  },
];

export function FeatureList() {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-4">
      {FEATURES.map(({ name, icon: Icon, description }) => (
        <li key={name} className="rounded-2xl border border-white/10 bg-stage-900 p-5">
          <Icon aria-hidden className="size-6 text-amp-400" />
          <h2 className="mt-3 text-lg font-semibold text-zinc-100">{name}</h2>
          <p className="mt-2 text-sm leading-6 text-zinc-300">{description}</p>
        </li>
      ))}
    </ul>
  );
}
