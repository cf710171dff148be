import type { Metadata } from 'next';
import { EmailSignIn } from '@/components/auth/email-sign-in';
import { safeNextPath } from '@/lib/validation/auth';

export const metadata: Metadata = { title: 'Sign in by email' };

export default async function EmailSignInPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <section className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Sign in by email</h1>
        <p className="text-sm text-zinc-400">No password needed: we email you a link and a code, each good for one sign-in.</p>
      </div>
      <EmailSignIn next={safeNextPath(next)} />
    </section>
  );
}
