import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SetlistEditorView } from '@/components/setlists/setlist-editor-view';
import { SetlistsLive } from '@/components/setlists/setlists-live';
import { getSetlistData } from '@/lib/data/setlists';
import { uuidSchema } from '@/lib/validation/song';

export const metadata: Metadata = { title: 'Setlist' };

export default async function SetlistPage({ params }: { params: Promise<{ bandId: string; setlistId: string }> }) {
  const { bandId, setlistId } = await params;
  // Awaited before rendering, not streamed: a setlist that does not exist for this user must be a real 404.
  const data = uuidSchema.safeParse(setlistId).success ? await getSetlistData(bandId, setlistId) : null;
  if (!data) notFound();
  return (
    <SetlistsLive data={data}>
      <SetlistEditorView bandId={bandId} setlistId={setlistId} />
    </SetlistsLive>
  );
}
