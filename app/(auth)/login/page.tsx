import type { Metadata } from 'next';
import { LoginForm } from '@/components/auth/login-form';
import { FormMessage } from '@/components/ui/form-message';
import { signedOutNotice } from '@/lib/auth/links';
import { safeNextPath } from '@/lib/validation/auth';

export const metadata: Metadata = { title: 'Sign in' };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ next?: string; reason?: string }> }) {
  const { next, reason } = await searchParams;
  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Sign in</h1>
      <FormMessage tone="info" message={signedOutNotice(reason)} />
      <LoginForm next={safeNextPath(next)} />
    </section>
  );
}
