import { Button } from './button';

/** A form's closing row: the submit button (saying "Saving…" while the action runs) and Cancel. */
export function SaveCancel({ pending, label = 'Save', onCancel }: { pending: boolean; label?: string; onCancel: () => void }) {
  return (
    <div className="flex gap-2">
      <Button type="submit" disabled={pending} className="min-h-11">
        {pending ? 'Saving…' : label}
      </Button>
      <Button type="button" variant="secondary" className="min-h-11" onClick={onCancel}>
        Cancel
      </Button>
    </div>
  );
}
