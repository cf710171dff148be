import type { ReactNode } from 'react';
import { AuthShell } from '@/components/auth/auth-shell';
import { redirectIfSignedIn } from '@/lib/data/session';

export default async function AuthLayout({ children }: { children: ReactNode }) {
  await redirectIfSignedIn();
  return <AuthShell>{children}</AuthShell>;
}
