import Link from 'next/link';
import { buttonClass } from '@/components/ui/button';

/** The way in: sign up or log in (the header's small one: log in), or, for someone signed in, their bands. */
export function HomeActions({ signedIn, size = 'large' }: { signedIn: boolean; size?: 'large' | 'small' }) {
  const large = size === 'large' ? 'min-h-12 px-6 text-base' : '';
  if (signedIn) {
    return (
      <Link href="/bands" className={buttonClass('primary', large)}>
        Open your bands
      </Link>
    );
  }
  if (size === 'small') {
    return (
      <Link href="/login" className={buttonClass('secondary')}>
        Log in
      </Link>
    );
  }
  return (
    <div className="flex flex-wrap gap-3">
      <Link href="/signup" className={buttonClass('primary', large)}>
        Sign up free
      </Link>
      <Link href="/login" className={buttonClass('secondary', large)}>
        Log in
      </Link>
    </div>
  );
}
