import type { Metadata } from 'next';
import Link from 'next/link';
import { ProfileForm } from '@/components/settings/profile-form';
import { getMyProfile } from '@/lib/data/bands';
import { requireUser } from '@/lib/data/session';

export const metadata: Metadata = { title: 'Your profile' };

export default async function ProfilePage() {
  // Layout and page render side by side: a signed-out visitor goes to /login before the query runs as anon.
  const user = await requireUser();
  const profile = await getMyProfile(user.id);
  return (
    <div className="flex max-w-xl flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Your profile</h1>
        <p className="text-zinc-400">Your bandmates see this name in the line-up, beside what you edit and on who is online.</p>
      </div>
      <ProfileForm displayName={profile?.display_name ?? ''} email={user.email} />
      <nav aria-label="Settings" className="flex flex-wrap gap-4 text-sm">
        <Link href="/settings/calendar" className="flex min-h-11 items-center text-amp-400 underline">
          Calendar feed
        </Link>
        <Link href="/bands" className="flex min-h-11 items-center text-amp-400 underline">
          Back to your bands
        </Link>
      </nav>
    </div>
  );
}
