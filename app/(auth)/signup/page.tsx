import type { Metadata } from 'next';
import { SignupForm } from '@/components/auth/signup-form';
import { safeNextPath } from '@/lib/validation/auth';

export const metadata: Metadata = { title: 'Create an account' };

export default async function SignupPage({ searchParams }: { searchParams: Promise<{ next?: string }> }) {
  const { next } = await searchParams;
  return (
    <section className="flex flex-col gap-6">
      <h1 className="text-2xl font-bold">Create an account</h1>
      <SignupForm next={safeNextPath(next)} />
    </section>
  );
}
