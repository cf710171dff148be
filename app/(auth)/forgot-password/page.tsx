import type { Metadata } from 'next';
import { ForgotPasswordForm } from '@/components/auth/forgot-password-form';

export const metadata: Metadata = { title: 'Reset your password' };

export default function ForgotPasswordPage() {
  return (
    <section className="flex flex-col gap-6">
      <div className="flex flex-col gap-2">
        <h1 className="text-2xl font-bold">Reset your password</h1>
        <p className="text-sm text-zinc-400">Enter the email you sign in with. We will send a link to choose a new password.</p>
      </div>
      <ForgotPasswordForm />
    </section>
  );
}
