/** Trailer types the product plans for (DESIGN.md §7). The order is the order users see. */
export const EQUIPMENT = ['dry_van', 'reefer', 'flatbed', 'step_deck', 'tanker'] as const;
export type Equipment = (typeof EQUIPMENT)[number];

const known: ReadonlySet<string> = new Set(EQUIPMENT);
export const isEquipment = (value: string): value is Equipment => known.has(value);
