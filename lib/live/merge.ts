import { rowKey, type LiveRow, type LiveTable } from './definition';

// Pure transitions of a live view. Two layers: `confirmed` holds the server's rows as far as this device knows
// (from the first render, refetches, Realtime events and action results), and `overlays` holds this device's own
// changes that the server has not answered yet. What the view shows (`rows`) is the confirmed rows with the
// overlays on top, so a click shows at once and a refusal simply drops its overlay, uncovering the server's value.
//
// Realtime delivers each row's changes in commit order, but a refetch can overtake an event and an action result
// races its own echo: `version` (bumped by the table's trigger on every update) decides which copy is newer, so
// applying anything twice, or late, is harmless. A refetch is also stale for rows whose INSERT or DELETE reached
// this device after the refetch was sent, and versions cannot tell (a new row is absent from the snapshot, a
// deleted one is in it at its last version): every server change stamps its key with a tick of `clock`, and a
// snapshot leaves alone the keys stamped after it was requested.

export type Overlay<Row> =
  | { id: string; kind: 'insert'; row: Row }
  | { id: string; kind: 'update'; patch: Partial<Row> }
  | { id: string; kind: 'delete' };

export type LiveState<Row> = {
  confirmed: Readonly<Record<string, Row>>;
  /** Unanswered changes per row key, oldest first; a key is present only while it has some. */
  overlays: Readonly<Record<string, ReadonlyArray<Overlay<Row>>>>;
  rows: Row[];
  /** Ticks once per server change this view applies; a refetch notes it when it sends its query. */
  clock: number;
  /** The tick of each key's latest server change (deleted keys included, as tombstones). */
  touched: Readonly<Record<string, number>>;
  /** The tick at which the latest applied refetch was sent: an older one arriving later is stale as a whole. */
  snapshotAt: number;
};

/** How an action answered one optimistic change: its row as saved (or the winner's), or that the row is gone. */
export type Settlement<Row> = { row?: Row; gone?: Partial<Row> };

function visible<Row>(confirmed: Row | undefined, overlays: ReadonlyArray<Overlay<Row>> = []): Row | undefined {
  let row = confirmed;
  for (const overlay of overlays) {
    if (overlay.kind === 'insert') row = row ?? overlay.row;
    else if (overlay.kind === 'delete') row = undefined;
    else if (row) row = { ...row, ...overlay.patch };
  }
  return row;
}

type Marks = Pick<LiveState<unknown>, 'clock' | 'touched' | 'snapshotAt'>;

function withRows<Row extends LiveRow>(
  definition: LiveTable<Row>,
  confirmed: Record<string, Row>,
  overlays: Record<string, ReadonlyArray<Overlay<Row>>>,
  { clock, touched, snapshotAt }: Marks,
): LiveState<Row> {
  const keys = new Set([...Object.keys(confirmed), ...Object.keys(overlays)]);
  const rows: Row[] = [];
  for (const key of keys) {
    const row = visible(confirmed[key], overlays[key]);
    if (row) rows.push(row);
  }
  return { confirmed, overlays, rows: rows.sort(definition.compare), clock, touched, snapshotAt };
}

function stamped(state: Marks, key: string): Marks {
  const clock = state.clock + 1;
  return { clock, touched: { ...state.touched, [key]: clock }, snapshotAt: state.snapshotAt };
}

export function initialLiveState<Row extends LiveRow>(definition: LiveTable<Row>, rows: Row[]): LiveState<Row> {
  return applySnapshot(definition, withRows(definition, {}, {}, { clock: 0, touched: {}, snapshotAt: 0 }), rows, 0);
}

/** An INSERT or UPDATE from the server: kept if newer than the confirmed copy (an unknown key is added). */
export function applyUpsert<Row extends LiveRow>(definition: LiveTable<Row>, state: LiveState<Row>, row: Row): LiveState<Row> {
  const key = rowKey(definition, row);
  if (key === undefined) return state;
  const current = state.confirmed[key];
  if (current && row.version <= current.version) return state;
  return withRows(definition, { ...state.confirmed, [key]: row }, { ...state.overlays }, stamped(state, key));
}

/** A DELETE (under RLS it may carry only the key columns); a key this view does not hold is a no-op. */
export function applyDelete<Row extends LiveRow>(definition: LiveTable<Row>, state: LiveState<Row>, old: Partial<Row>): LiveState<Row> {
  const key = rowKey(definition, old);
  if (key === undefined) return state;
  // Not held yet, the key is still stamped: a refetch in flight may bring the row back from before its deletion.
  const confirmed = { ...state.confirmed };
  delete confirmed[key];
  return withRows(definition, confirmed, { ...state.overlays }, stamped(state, key));
}

/**
 * A refetch sent at tick `since`: the server's rows are the truth (rows absent from it were deleted meanwhile),
 * except where this device already holds a newer version, or heard of the row's insert or delete after `since`
 * (an event or an action's answer that overtook the refetch).
 */
export function applySnapshot<Row extends LiveRow>(definition: LiveTable<Row>, state: LiveState<Row>, rows: Row[], since: number): LiveState<Row> {
  if (since < state.snapshotAt) return state;
  const newer = (key: string) => (state.touched[key] ?? 0) > since;
  const confirmed: Record<string, Row> = {};
  for (const [key, row] of Object.entries(state.confirmed)) if (newer(key)) confirmed[key] = row;
  for (const row of rows) {
    const key = rowKey(definition, row);
    if (key === undefined || newer(key)) continue;
    const current = state.confirmed[key];
    confirmed[key] = current && current.version > row.version ? current : row;
  }
  // Stamps at or before `since` cannot matter to a later refetch, which was sent at `since` or after.
  const touched = Object.fromEntries(Object.entries(state.touched).filter(([, tick]) => tick > since));
  return withRows(definition, confirmed, { ...state.overlays }, { clock: state.clock, touched, snapshotAt: since });
}

/** This device's change, shown before the server answers. */
export function applyOptimistic<Row extends LiveRow>(
  definition: LiveTable<Row>,
  state: LiveState<Row>,
  key: string,
  overlay: Overlay<Row>,
): LiveState<Row> {
  const stack = [...(state.overlays[key] ?? []), overlay];
  return withRows(definition, { ...state.confirmed }, { ...state.overlays, [key]: stack }, state);
}

/**
 * The server answered overlay `id` on row `key`: the overlay goes, and the answer (the saved row, a bandmate's
 * winning row, or "gone") is merged like any server event. A refusal settles with nothing, so the row shows the
 * server's value again.
 */
export function settle<Row extends LiveRow>(
  definition: LiveTable<Row>,
  state: LiveState<Row>,
  key: string,
  id: string,
  answer: Settlement<Row>,
): LiveState<Row> {
  const stack = (state.overlays[key] ?? []).filter((overlay) => overlay.id !== id);
  const overlays = { ...state.overlays };
  if (stack.length) overlays[key] = stack;
  else delete overlays[key];
  let next = withRows(definition, { ...state.confirmed }, overlays, state);
  if (answer.row) next = applyUpsert(definition, next, answer.row);
  if (answer.gone) next = applyDelete(definition, next, answer.gone);
  return next;
}
