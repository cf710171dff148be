import { redirect } from 'next/navigation';

export default async function BandPage({ params }: { params: Promise<{ bandId: string }> }) {
  const { bandId } = await params;
  redirect(`/bands/${bandId}/songs`);
}
