import { FeatureList } from '@/components/home/feature-list';

export default function HomePage() {
  return (
    <main className="mx-auto flex max-w-5xl flex-col gap-16 px-6 py-20 sm:py-28">
      <header className="flex flex-col gap-6">
        <p className="text-sm font-semibold uppercase tracking-widest text-amp-500">Rock-On</p>
        <h1 className="max-w-3xl text-4xl font-bold tracking-tight text-balance sm:text-6xl">
          Your band’s songs, setlists and shows, in sync.
        </h1>
        <p className="max-w-2xl text-lg leading-8 text-zinc-300">
          One place for everything the band plays: the songs you know, the setlists you build, the shows you book
          and the practice you plan. When one member edits, everyone else sees it at once.
        </p>
      </header>
      <section aria-label="What Rock-On does">
        <FeatureList />
      </section>
    </main>
  );
}
