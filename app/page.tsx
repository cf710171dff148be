import Link from 'next/link';
import { FeatureList } from '@/components/home/feature-list';
import { HomeActions } from '@/components/home/home-actions';
import { getCurrentUser } from '@/lib/data/session';

export default async function HomePage() {
  const signedIn = (await getCurrentUser()) !== null;
  return (
    <div className="mx-auto flex max-w-6xl flex-col gap-14 px-5 pt-4 pb-16 sm:px-6">
      <header className="flex items-center justify-between gap-4">
        <Link href="/" className="flex min-h-11 items-center text-sm font-semibold tracking-widest text-amp-500 uppercase">
          Rock-On
        </Link>
        <nav aria-label="Account">
          <HomeActions signedIn={signedIn} size="small" />
        </nav>
      </header>
      <main className="flex flex-col gap-14">
        <section aria-labelledby="home-title" className="flex flex-col gap-6 sm:py-10">
          <h1 id="home-title" className="max-w-3xl text-4xl font-bold tracking-tight text-balance sm:text-6xl">
            Your band’s songs, setlists and shows, in sync.
          </h1>
          <p className="max-w-2xl text-lg leading-8 text-zinc-300">
            One place for what the band plays: the songs you know, the setlists you build, the shows you book and the
            practice you plan. When one member edits, everyone else sees it at once, on any phone or laptop.
          </p>
          <HomeActions signedIn={signedIn} />
        </section>
        <section aria-label="What Rock-On does">
          <FeatureList />
        </section>
      </main>
    </div>
  );
}
