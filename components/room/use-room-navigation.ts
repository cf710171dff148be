'use client';

import { useCallback, useEffect, useState } from 'react';
import { stepSong, type RoomItem } from '@/lib/rooms/items';

const NEXT_KEYS = new Set([' ', 'ArrowRight', 'ArrowDown', 'PageDown']);
const PREVIOUS_KEYS = new Set(['ArrowLeft', 'ArrowUp', 'PageUp']);

/** Keys typed into a field, or Space on a button or link (which presses it), are not room moves. */
function isOwnedByTarget(event: KeyboardEvent): boolean {
  const target = event.target as HTMLElement | null;
  if (!target || !(target instanceof HTMLElement)) return false;
  if (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  return event.key === ' ' && (target.tagName === 'BUTTON' || target.tagName === 'A');
}

/**
 * Which item this screen shows and how the keys move it. The leader's steps move the room (every screen
 * follows); a follower's steps look ahead on this screen only ("broken away") until they rejoin. Space, the
 * arrows and PageDown/PageUp step, as Bluetooth page-turner pedals send them.
 */
export function useRoomNavigation(items: RoomItem[], current: string | null, leading: boolean, move: (itemId: string) => unknown) {
  const [own, setOwn] = useState<string | null>(null);
  const brokeAway = !leading && own !== null && own !== current;
  const shown = brokeAway ? own : current;

  const step = useCallback(
    (delta: number) => {
      const target = stepSong(items, shown, delta);
      if (!target) return;
      if (leading) void move(target.id);
      else setOwn(target.id === current ? null : target.id);
    },
    [items, shown, leading, move, current],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.altKey || event.ctrlKey || event.metaKey || isOwnedByTarget(event)) return;
      const delta = NEXT_KEYS.has(event.key) ? 1 : PREVIOUS_KEYS.has(event.key) ? -1 : 0;
      if (!delta) return;
      event.preventDefault(); // not a page scroll
      step(delta);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [step]);

  const rejoin = useCallback(() => setOwn(null), []);
  // A leader who hands over keeps nothing of a look-ahead from before they led.
  useEffect(() => {
    if (leading) setOwn(null);
  }, [leading]);
  return { shown, brokeAway, step, rejoin, lookAt: (itemId: string) => (leading ? void move(itemId) : setOwn(itemId === current ? null : itemId)) };
}
