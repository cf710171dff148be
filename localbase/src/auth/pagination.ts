import type { ApiRequest } from '../shared/http.ts';
import { badRequest } from './errors.ts';

const DEFAULT_PER_PAGE = 50;
/** Upstream parses both numbers as uint64 and has no per_page cap (`maxKeysetPerPage` is for cursor mode only). */
const UINT64_MAX = 2n ** 64n - 1n;

/** `paginate` (`[gotrue] internal/api/pagination.go`); auth-js sends `page=&per_page=` when unset, meaning the defaults. */
export function parsePagination(query: URLSearchParams): { page: number; perPage: number } {
  const read = (name: string, fallback: number): number => {
    const raw = query.get(name) ?? '';
    if (raw === '') return fallback;
    if (!/^\d+$/.test(raw)) throw badRequest('validation_failed', `Bad Pagination Parameters: strconv.ParseUint: parsing ${JSON.stringify(raw)}: invalid syntax`);
    const value = BigInt(raw);
    if (value > UINT64_MAX) throw badRequest('validation_failed', `Bad Pagination Parameters: strconv.ParseUint: parsing ${JSON.stringify(raw)}: value out of range`);
    // Past 2^53 a Number loses digits; such a page is past any real table and such a size means "all rows" anyway.
    return value > BigInt(Number.MAX_SAFE_INTEGER) ? Number.MAX_SAFE_INTEGER : Number(value);
  };
  const page = Math.max(read('page', 1), 1);
  const perPage = read('per_page', DEFAULT_PER_PAGE);
  if (perPage === 0) throw badRequest('validation_failed', 'Bad Pagination Parameters: per_page must be greater than 0');
  return { page, perPage };
}

/**
 * `addPaginationHeaders`: `Link` with rel="next" (when there is one) and rel="last", plus `X-Total-Count`. The
 * query is re-encoded with sorted keys as Go's url.Values.Encode does, which keeps `page` first: auth-js reads the
 * page number from the first `=` of each link.
 */
export function paginationHeaders(request: ApiRequest, page: number, perPage: number, total: number): Record<string, string> {
  const totalPages = Math.ceil(total / perPage);
  const link = (target: number): string => {
    const query = new URLSearchParams(request.url.searchParams);
    query.set('page', String(target));
    query.sort();
    return `<${request.path}?${query.toString()}>`;
  };
  const parts: string[] = [];
  if (totalPages > page) parts.push(`${link(page + 1)}; rel="next"`);
  parts.push(`${link(totalPages)}; rel="last"`);
  return { link: parts.join(', '), 'x-total-count': String(total) };
}
