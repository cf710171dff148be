type Feature = { name: string; description: string };

const FEATURES: Feature[] = [
  {
    name: 'Songs',
    description: 'Key, tempo, time signature, chords and lyrics for every tune, and whether it is ready for the stage.',
  },
  {
    name: 'Setlists',
    description: 'Drag songs into order, add set breaks and see the running time while the drummer reorders with you.',
  },
  {
    name: 'Shows',
    description: 'Venue, load-in, soundcheck and set times, the fee, and who can make it, all on one card.',
  },
  {
    name: 'Practice',
    description: 'Plan each rehearsal as an agenda of songs with goals, so nobody asks “what are we playing?”.',
  },
  {
    name: 'Live for the whole band',
    description: 'Every change one member makes appears on everyone’s screen at once. No refresh, no group chat.',
  },
];

export function FeatureList() {
  return (
    <ul className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
      {FEATURES.map((feature) => (
        <li key={feature.name} className="rounded-2xl border border-white/10 bg-stage-900 p-6">
          <h2 className="text-lg font-semibold text-amp-400">{feature.name}</h2>
          <p className="mt-2 text-sm leading-6 text-zinc-300">{feature.description}</p>
        </li>
      ))}
    </ul>
  );
}
