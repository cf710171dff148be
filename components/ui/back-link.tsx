import { ChevronLeft } from 'lucide-react';
import Link from 'next/link';

/** "‹ Setlists": the way up from a detail page, a full 44 px tall target. */
export function BackLink({ href, children }: { href: string; children: string }) {
  return (
    <Link href={href} className="-ml-1 inline-flex min-h-11 w-fit items-center gap-1 pr-2 text-sm text-zinc-300 hover:text-amp-400 print:hidden">
      <ChevronLeft aria-hidden className="size-4" />
      {children}
    </Link>
  );
}
