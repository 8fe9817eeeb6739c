import { describe, expect, it } from 'vitest';
import { NorthboundError } from '../domain/errors.ts';
import { DEFAULT_HOURS_OF_SERVICE, hoursOfServiceDriveTime } from './hours-of-service-drive-time.ts';

describe('hoursOfServiceDriveTime', () => {
  it('is plain driving at 50 mph below one 11 h shift', () => {
    expect(hoursOfServiceDriveTime(0)).toBe(0);
    expect(hoursOfServiceDriveTime(100)).toBe(2);
    // 549 mi = 10.98 h: still inside the first shift, no rest.
    expect(hoursOfServiceDriveTime(549)).toBeCloseTo(10.98, 12);
  });

  it('charges a 10 h rest for every full 11 h of driving', () => {
    // 550 mi = exactly 11 h → one rest: 21 h.
    expect(hoursOfServiceDriveTime(550)).toBe(21);
    // 600 mi = 12 h driving + 1 rest = 22 h.
    expect(hoursOfServiceDriveTime(600)).toBe(22);
    // 1200 mi = 24 h driving + 2 rests = 44 h.
    expect(hoursOfServiceDriveTime(1200)).toBe(44);
  });

  it('lets a shorter on-duty window bind the shift', () => {
    // 500 mi = 10 h driving; an 8 h window forces one rest: 20 h.
    expect(hoursOfServiceDriveTime(500, { ...DEFAULT_HOURS_OF_SERVICE, onDutyWindowHours: 8 })).toBe(20);
    // 60 mph: 660 mi = 11 h → 21 h.
    expect(hoursOfServiceDriveTime(660, { ...DEFAULT_HOURS_OF_SERVICE, averageSpeedMph: 60 })).toBe(21);
  });

  it('refuses miles or rules it cannot drive', () => {
    expect(() => hoursOfServiceDriveTime(-1)).toThrow(NorthboundError);
    expect(() => hoursOfServiceDriveTime(Number.NaN)).toThrow(/miles must be a finite number ≥ 0, saw NaN/);
    expect(() => hoursOfServiceDriveTime(10, { ...DEFAULT_HOURS_OF_SERVICE, averageSpeedMph: 0 })).toThrow(
      /averageSpeedMph must be a finite number > 0, saw 0/,
    );
    expect(() => hoursOfServiceDriveTime(10, { ...DEFAULT_HOURS_OF_SERVICE, restHours: -1 })).toThrow(
      /restHours must be a finite number ≥ 0, saw -1/,
    );
  });
});
