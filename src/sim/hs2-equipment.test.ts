import { describe, expect, it } from 'vitest';
import { EQUIPMENT } from '../domain/equipment.ts';
import { hs2EquipmentShares } from './hs2-equipment.ts';

const chapters = Array.from({ length: 99 }, (_, i) => String(i + 1).padStart(2, '0'));

describe('hs2EquipmentShares', () => {
  it('maps every chapter to known trailer types with shares summing to at most 1', () => {
    for (const hs2 of chapters) {
      const shares = hs2EquipmentShares(hs2);
      const total = Object.values(shares).reduce((a, b) => a + b, 0);
      expect(total, hs2).toBeLessThanOrEqual(1 + 1e-9);
      for (const equipment of Object.keys(shares)) expect(EQUIPMENT).toContain(equipment);
    }
  });

  it('puts perishables on reefers, liquids in tanks and steel and lumber on flatbeds', () => {
    expect(hs2EquipmentShares('02').reefer).toBe(1);
    expect(hs2EquipmentShares('08').reefer).toBeGreaterThan(0.9);
    expect(hs2EquipmentShares('27').tanker).toBeGreaterThan(0.8);
    expect(hs2EquipmentShares('72').flatbed).toBeGreaterThan(0.5);
    expect(hs2EquipmentShares('44').flatbed).toBeGreaterThan(0.5);
    expect(hs2EquipmentShares('84').step_deck).toBeGreaterThan(0);
    expect(hs2EquipmentShares('61').dry_van).toBe(1);
  });

  it('leaves specialist freight (livestock, bulk grain) partly or wholly unserved', () => {
    expect(Object.keys(hs2EquipmentShares('01'))).toHaveLength(0);
    expect(hs2EquipmentShares('10').dry_van).toBeLessThan(1);
  });
});
