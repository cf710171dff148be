/**
 * A random UUID v4 for rows created on this device, so the optimistic row and the saved one share their key.
 * crypto.randomUUID() exists only in secure contexts, and a phone opening the dev server by its LAN address over
 * plain http is not one; getRandomValues() is available everywhere.
 */
export function newId(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  bytes[6] = (bytes[6]! & 0x0f) | 0x40;
  bytes[8] = (bytes[8]! & 0x3f) | 0x80;
  const hex = [...bytes].map((byte) => byte.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
