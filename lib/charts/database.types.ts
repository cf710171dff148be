// The chart tables' types, joined into Database in lib/database.types.ts (hand-written like the others).

export type ChartOffsetRow = { user_id: string; band_id: string; song_id: string; semitones: number };

export type ChartTables = {
  chart_offsets: {
    Row: ChartOffsetRow;
    Insert: { user_id?: string; band_id: string; song_id: string; semitones: number };
    Update: Partial<ChartOffsetRow>;
    Relationships: [];
  };
};
