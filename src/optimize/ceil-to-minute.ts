export const MS_PER_MINUTE = 60_000;

/**
 * An instant rounded up to the whole minute, as the backhaul model plans every pickup and delivery: the
 * candidate loop, the delivery check and the arc facts must round alike to agree to the bit.
 */
export const ceilToMinute = (ms: number): number => Math.ceil(ms / MS_PER_MINUTE) * MS_PER_MINUTE;
