import type { ComponentProps } from 'react';

type Variant = 'primary' | 'secondary' | 'danger';

const VARIANTS: Record<Variant, string> = {
  primary: 'bg-amp-500 text-stage-950 hover:bg-amp-400',
  secondary: 'border border-white/15 text-zinc-200 hover:border-white/30',
  danger: 'border border-red-400/40 text-red-300 hover:border-red-300',
};

/** The button look, for links that act as buttons too (next/link): at least 44 px tall, a visible focus ring. */
export function buttonClass(variant: Variant = 'primary', className?: string): string {
  return `inline-flex min-h-11 items-center justify-center gap-2 rounded-lg px-4 py-2 text-sm font-semibold transition focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-amp-400 disabled:cursor-wait disabled:opacity-60 ${VARIANTS[variant]} ${className ?? ''}`;
}

export function Button({ variant = 'primary', className, ...props }: ComponentProps<'button'> & { variant?: Variant }) {
  return <button className={buttonClass(variant, className)} {...props} />;
}
