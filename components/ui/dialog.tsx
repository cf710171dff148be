'use client';

import * as RadixDialog from '@radix-ui/react-dialog';
import { Plus, X } from 'lucide-react';
import { useState, type ReactNode } from 'react';
import { Button } from './button';

type DialogProps = {
  /** The button that opens it (rendered as the Radix trigger, so focus returns to it on close). */
  trigger: ReactNode;
  title: string;
  description?: string;
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
  children: ReactNode;
};

/**
 * The app's one dialog: a bottom sheet on phones, a centred panel from `sm` up. Radix gives the focus trap,
 * Escape, aria-modal and the title/description wiring; this only adds the look and a 44 px close button.
 */
export function Dialog({ trigger, title, description, open, onOpenChange, children }: DialogProps) {
  return (
    <RadixDialog.Root open={open} onOpenChange={onOpenChange}>
      <RadixDialog.Trigger asChild>{trigger}</RadixDialog.Trigger>
      <RadixDialog.Portal>
        <RadixDialog.Overlay className="fixed inset-0 z-40 bg-black/70" />
        <RadixDialog.Content
          className="fixed inset-x-0 bottom-0 z-50 flex max-h-[90dvh] flex-col gap-4 overflow-y-auto rounded-t-2xl border border-white/10 bg-stage-900 p-5 text-zinc-100 shadow-xl sm:inset-x-auto sm:bottom-auto sm:left-1/2 sm:top-1/2 sm:w-full sm:max-w-lg sm:-translate-x-1/2 sm:-translate-y-1/2 sm:rounded-2xl"
          {...(description ? {} : { 'aria-describedby': undefined })}
          onOpenAutoFocus={focusFirstField}
        >
          <div className="flex items-start justify-between gap-4">
            <RadixDialog.Title className="pt-2 text-lg font-semibold">{title}</RadixDialog.Title>
            <RadixDialog.Close
              className="-mr-2 flex size-11 shrink-0 items-center justify-center rounded-lg text-zinc-400 hover:text-zinc-100"
              aria-label="Close"
            >
              <X aria-hidden className="size-5" />
            </RadixDialog.Close>
          </div>
          {description ? (
            <RadixDialog.Description className="text-sm text-zinc-300">{description}</RadixDialog.Description>
          ) : null}
          {children}
        </RadixDialog.Content>
      </RadixDialog.Portal>
    </RadixDialog.Root>
  );
}

/**
 * A sheet that holds a form opens in its first field (Radix alone would focus the close button, the first
 * focusable element); one without fields keeps Radix's default.
 */
function focusFirstField(event: Event) {
  const content = event.currentTarget as HTMLElement;
  const field = content.querySelector<HTMLElement>('input:not([type=hidden]), select, textarea');
  if (!field) return;
  event.preventDefault();
  field.focus();
}

/** Closes the surrounding Dialog (e.g. a Cancel button, or wrap a submit that should close on success). */
export const DialogClose = RadixDialog.Close;

type AddDialogProps = {
  /** The button's words and the dialog's title ("Plan a show"). */
  label: string;
  className?: string;
  /** The form, given a way to close the sheet once it is done. */
  children: (close: () => void) => ReactNode;
  /** For a caller that must reopen it itself (e.g. a refused save); otherwise the dialog keeps its own state. */
  open?: boolean;
  onOpenChange?: (open: boolean) => void;
};

/** "Add …" on a list page: a + button opening the form in the sheet, so the list stays first on the screen. */
export function AddDialog({ label, className, children, open, onOpenChange }: AddDialogProps) {
  const [ownOpen, setOwnOpen] = useState(false);
  const isOpen = open ?? ownOpen;
  const setOpen = onOpenChange ?? setOwnOpen;
  return (
    <Dialog
      title={label}
      open={isOpen}
      onOpenChange={setOpen}
      trigger={
        <Button type="button" className={className}>
          <Plus aria-hidden className="size-5" />
          {label}
        </Button>
      }
    >
      {children(() => setOpen(false))}
    </Dialog>
  );
}
