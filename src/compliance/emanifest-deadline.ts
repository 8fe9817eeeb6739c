/**
 * ACI eManifest deadline for a truck entering Canada (DESIGN.md §3.8).
 *
 * Source: CBSA, "Timely Pre-arrival Data for Highway Carriers"
 * (cbsa-asfc.gc.ca/services/carrier-transporteur/pre-arriv-eng.html) and the eManifest requirements
 * for highway carriers: cargo and conveyance data must be received *and validated* by CBSA at least one
 * hour before the truck arrives at the first point of arrival; a change does not restart the clock, only
 * cancelling and re-submitting does. The one hour applies to every highway carrier, FAST/CSA included —
 * the 30-minute FAST lead time people remember is the US side (CBP ACE truck manifest, southbound), so
 * there is no FAST shortcut here. CBSA does exempt CSA/FAST carriers with an *empty* conveyance from
 * pre-arrival conveyance data, which is why a plan that drives home empty carries no crossing.
 */
import { NorthboundError } from '../domain/errors.ts';

/** CBSA's lead time for highway carriers, hours before arrival at the border. */
export const ACI_HIGHWAY_LEAD_HOURS = 1;

const MS_PER_HOUR = 3_600_000;

/**
 * The latest instant the eManifest may be validated by CBSA for a truck arriving at `arriveAtBorder`.
 * `leadHours` may be raised for a safety margin (service-provider latency, a broker's PARS entry); it
 * may not go below CBSA's one hour.
 */
export function emanifestDeadline(arriveAtBorder: Date, leadHours: number = ACI_HIGHWAY_LEAD_HOURS): Date {
  if (Number.isNaN(arriveAtBorder.getTime())) {
    throw new NorthboundError(
      'invalid_input',
      'Cannot compute the eManifest deadline: the border arrival time is not a valid date',
      { arriveAtBorder: String(arriveAtBorder) },
    );
  }
  if (!(Number.isFinite(leadHours) && leadHours >= ACI_HIGHWAY_LEAD_HOURS)) {
    throw new NorthboundError(
      'invalid_input',
      `Cannot compute the eManifest deadline: the lead time must be at least CBSA's ${ACI_HIGHWAY_LEAD_HOURS} h for highway carriers, saw ${leadHours} h`,
      { leadHours },
    );
  }
  return new Date(arriveAtBorder.getTime() - leadHours * MS_PER_HOUR);
}
