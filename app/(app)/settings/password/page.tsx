import type { Metadata } from 'next';
import { NewPasswordForm } from '@/components/auth/new-password-form';
import { requireUser } from '@/lib/data/session';

export const metadata: Metadata = { title: 'Choose a new password' };

/** Also where a password-reset link lands: the link has signed the user in, and this is the one thing left to do. */
export default async function NewPasswordPage() {
  const user = await requireUser();
  return (
    <section className="flex w-full max-w-sm flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Choose a new password</h1>
        <p className="text-sm text-zinc-400">
          For <span className="text-zinc-200">{user.email}</span>. Saving it signs you out on your other devices.
        </p>
      </div>
      <NewPasswordForm />
    </section>
  );
}
