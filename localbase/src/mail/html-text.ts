const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: ' ', '#39': "'" };

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+\d*|#39);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

const BLOCK = /<\/?(p|div|h[1-6]|li|ul|ol|table|tr|blockquote|section|article|header|footer)\b[^>]*>/gi;

/**
 * The plain-text part Mailpit shows for an HTML-only mail (GoTrue sends HTML only): block elements become line
 * breaks and a link keeps its target as `label ( url )`, the way Mailpit's html2text renders it, so a test can read
 * a code or a link from `Text` alone.
 */
export function htmlToText(html: string): string {
  const text = html
    .replace(/<(script|style|head)\b[^>]*>[\s\S]*?<\/\1>/gi, '')
    .replace(/<a\b[^>]*?href\s*=\s*("([^"]*)"|'([^']*)')[^>]*>([\s\S]*?)<\/a>/gi, (_all, _q, dq: string, sq: string, label: string) => {
      const href = decodeEntities(dq ?? sq ?? '');
      const inner = label.replace(/<[^>]+>/g, '').trim();
      return inner && inner !== href ? `${inner} ( ${href} )` : href;
    })
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(BLOCK, '\n')
    .replace(/<[^>]+>/g, '');
  return decodeEntities(text)
    .split('\n')
    .map((line) => line.replace(/[ \t]+/g, ' ').trim())
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
