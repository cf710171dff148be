import { signOut } from '@/lib/actions/auth';

export function SignOutButton() {
  return (
    <form action={signOut}>
      <button type="submit" className="text-sm text-zinc-400 underline hover:text-zinc-200">
        Log out
      </button>
    </form>
  );
}
