/**
 * How deeply a request body's JSON may nest, in Auth and REST alike. V8 parses any depth, but JSON.stringify
 * (about 4,100 levels) and structuredClone (jose's SignJWT copies the claims: about 1,900 levels) recurse on the
 * JS stack, so a deeper value would overflow it somewhere after the parse and answer 500. Refused at the edge
 * instead, at half the lower of the two; see docs/limits.md for what upstream accepts.
 */
export const MAX_JSON_DEPTH = 1000;

export interface TooDeep {
  /** The `{` or `[` that opened the first value nested past the limit. */
  bracket: '{' | '[';
  /** Its index in the text. */
  index: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/**
 * The first bracket of `text` (already known to be valid JSON) that nests deeper than `maxDepth`, counted as Go's
 * encoding/json scanner counts its parse states (`maxNestingDepth`): the outermost value is depth 1. A single pass
 * over the characters with a counter, so it cannot overflow the stack it protects.
 */
export function firstTooDeep(text: string, maxDepth = MAX_JSON_DEPTH): TooDeep | undefined {
  // Nesting past maxDepth needs more than maxDepth openers and as many closers.
  if (text.length <= 2 * maxDepth) return undefined;
  let depth = 0;
  let inString = false;
  for (let index = 0; index < text.length; index++) {
    const code = text.charCodeAt(index);
    if (inString) {
      if (code === BACKSLASH) index++;
      else if (code === QUOTE) inString = false;
    } else if (code === QUOTE) {
      inString = true;
    } else if (code === OPEN_BRACE || code === OPEN_BRACKET) {
      if (++depth > maxDepth) return { bracket: code === OPEN_BRACE ? '{' : '[', index };
    } else if (code === CLOSE_BRACE || code === CLOSE_BRACKET) {
      depth--;
    }
  }
  return undefined;
}
