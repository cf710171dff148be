import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { SetlistPrint } from '@/components/setlists/setlist-print';
import { getSetlistData } from '@/lib/data/setlists';
import { uuidSchema } from '@/lib/validation/song';

export const metadata: Metadata = { title: 'Print setlist' };

export default async function SetlistPrintPage({ params }: { params: Promise<{ bandId: string; setlistId: string }> }) {
  const { bandId, setlistId } = await params;
  const data = uuidSchema.safeParse(setlistId).success ? await getSetlistData(bandId, setlistId) : null;
  if (!data) notFound();
  return <SetlistPrint data={data} />;
}
