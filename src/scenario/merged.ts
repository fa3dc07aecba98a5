/** The merged document's shape (src/scenario/merge.ts builds it; the game form fills it too). */
import type { KeyedSection } from './keys.js';
import type { Located } from './located.js';

/** A mapping merged key by key, with the location of the mapping itself. */
export interface MergedMap {
  loc: Located;
  entries: Map<string, Located>;
}

/** A state or term merged across layers. */
export interface MergedEntity {
  id: string;
  /** The list entry where the id first appeared. */
  origin: Located;
  fields: Map<string, Located>;
  /** rivals, patron and provenance merge per key; null clears (`patron: null`). */
  nested: Map<string, MergedMap | null>;
}

export interface MergedDocument {
  top: Map<string, Located>;
  sections: Record<KeyedSection, MergedMap | undefined>;
  states: Map<string, MergedEntity>;
  terms: Map<string, MergedEntity>;
}
