import type { Replays } from '@/lib/live/offline/replay';
import { IDLE } from '@/lib/live/result';
import { addAway, removeAway, setAvailability } from './availability';
import { setLearnStatus } from './learn-status';
import { createPractice, deletePractice, updatePractice } from './practice';
import { addAgendaItem, patchAgendaItem, removeAgendaItem } from './practice-items';
import { addItem, patchItem, removeItem } from './setlist-items';
import { createSetlist, deleteSetlist, updateSetlist } from './setlists';
import { createShow, deleteShow, setShowStatus, updateShow } from './shows';
import { createSong, deleteSong, updateSong } from './songs';

// The server actions an offline change can be replayed through, by name. A queued change stores the name and
// the action's input, never code; renaming an op strands changes queued under the old name (they are then
// reported, not dropped), so names are kept stable.

function formDataOf(payload: unknown): FormData {
  const formData = new FormData();
  for (const [name, value] of Object.entries(payload as Record<string, string>)) formData.set(name, String(value));
  return formData;
}

export const replays: Replays = {
  'songs.create': (payload) => createSong(IDLE, formDataOf(payload)),
  'songs.update': (payload) => updateSong(IDLE, formDataOf(payload)),
  'songs.delete': (payload) => deleteSong(IDLE, formDataOf(payload)),
  'setlists.create': (payload) => createSetlist(IDLE, formDataOf(payload)),
  'setlists.update': (payload) => updateSetlist(IDLE, formDataOf(payload)),
  'setlists.delete': (payload) => deleteSetlist(IDLE, formDataOf(payload)),
  'setlist-items.add': (payload) => addItem(payload),
  'setlist-items.patch': (payload) => patchItem(payload),
  'setlist-items.remove': (payload) => removeItem(payload),
  'shows.create': (payload) => createShow(IDLE, formDataOf(payload)),
  'shows.update': (payload) => updateShow(IDLE, formDataOf(payload)),
  'shows.status': (payload) => setShowStatus(payload),
  'shows.delete': (payload) => deleteShow(payload),
  'availability.set': (payload) => setAvailability(payload),
  'away.add': (payload) => addAway(payload),
  'away.remove': (payload) => removeAway(payload),
  'practice.create': (payload) => createPractice(IDLE, formDataOf(payload)),
  'practice.update': (payload) => updatePractice(IDLE, formDataOf(payload)),
  'practice.delete': (payload) => deletePractice(IDLE, formDataOf(payload)),
  'practice-items.add': (payload) => addAgendaItem(payload),
  'practice-items.patch': (payload) => patchAgendaItem(payload),
  'practice-items.remove': (payload) => removeAgendaItem(payload),
  'learn-status.set': (payload) => setLearnStatus(payload),
};
