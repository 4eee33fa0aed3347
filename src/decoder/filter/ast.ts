// The parsed form of a display filter.

export type CompareOp = '==' | '!=' | '<' | '>' | '<=' | '>=' | 'contains' | 'matches' | 'in';

export interface Literal {
  /** The text as written (unquoted words and quoted strings alike). */
  text: string;
  quoted: boolean;
  pos: number;
}

export type FilterNode =
  | { kind: 'and' | 'or'; left: FilterNode; right: FilterNode }
  | { kind: 'not'; operand: FilterNode }
  /** `tcp` or `tcp.options.sack_perm`: the field (or protocol) is present. */
  | { kind: 'present'; field: string; pos: number }
  | { kind: 'compare'; field: string; op: CompareOp; values: Literal[]; pos: number };
