/**
 * Drafted outreach for one prospect (DESIGN.md §3.5): an email, a call opener and a short social note,
 * in English or Canadian French, filled from NarrativeFacts by fixed templates — the same facts always
 * give the same text, and every number in it is one of the facts' numbers.
 *
 * The pitch is network balance: our trucks land near you on known days and head home; we are building
 * committed, predictable northbound partnerships. It never asks the prospect whether it has freight,
 * and it names the prospect's lane as a condition ("if you ship reefer freight from Chino, CA to
 * Ontario"), never as something we watched it search for. Without a landing zone the draft quotes only
 * the home regions and the lane: it never invents a zone.
 */
import type { OutreachDraft } from '../domain/outreach-task.ts';
import type { NarrativeFacts, ZoneLanding } from './narrative-facts.ts';
import { narrativeWords, type NarrativeVocabulary } from './narrative-words.ts';

/** The most a social note may hold (a post or a connection note on the usual networks). */
export const SOCIAL_NOTE_MAX_CHARS = 280;

/** The sentences that differ by language; the drafts are assembled from them the same way. */
interface Phrases {
  readonly greeting: string;
  readonly subject: string;
  /** Who we are and what lands where: the email's first paragraph and the call's heart. */
  readonly pitch: string;
  /** Committed partnerships, with the committable loads when there are any. */
  readonly partnership: string;
  /** The prospect's lane, as a condition, and what we would do on it. */
  readonly lane: string;
  readonly ask: string;
  readonly closing: string;
  readonly callHello: string;
  readonly callPartnership: string;
  readonly callAsk: string;
  readonly socialPitch: string;
  /** The partnership line; empty when socialPitch already says it. */
  readonly socialPartnership: string;
  readonly socialLane: string;
}

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

/** The lane's equipment lands in the zone and its freight goes where the trucks already go home. */
const servesLane = (facts: NarrativeFacts, zone: ZoneLanding | null): boolean =>
  zone !== null && zone.equipment !== null && facts.laneGoesHome;

function englishPhrases(facts: NarrativeFacts, w: NarrativeVocabulary): Phrases {
  const { zone, lane, rep } = facts;
  const route = `${w.freight(lane.equipment)} ${w.fromPlace(lane.originLabel, lane.originRegion)} ${w.toRegion(lane.destRegion)}`;
  const commit = zone === null ? null : w.commitment(zone);
  const based = `We are a carrier based ${w.inRegions(facts.homeRegions)}`;
  const laneOffer = servesLane(facts, zone)
    ? 'that is the way our trucks are already heading, and a standing weekly arrangement would give you committed, predictable capacity.'
    : 'we would like to explore whether our northbound network can serve that lane.';
  return {
    greeting: facts.companyName === null ? 'Hello,' : `Hello ${facts.companyName} team,`,
    subject:
      zone === null
        ? `Committed northbound capacity home to ${w.region(facts.homeRegion)}`
        : `Committed northbound ${zone.equipment === null ? '' : `${w.trucksWord(zone.equipment, 1)} `}capacity out of ${zone.label}`,
    pitch: zone === null ? `${based}.` : `${w.landing(zone, facts.homeRegion)}.`,
    partnership:
      zone === null
        ? 'We are building committed northbound partnerships so that our trucks head home loaded, on a weekly schedule our partners can plan around.'
        : commit === null
          ? 'Rather than run our trucks home empty, we are building committed northbound partnerships with shippers who want predictable capacity, week after week.'
          : `Rather than run our trucks home empty, we are building committed northbound partnerships: ${commit}, on a weekly schedule you can plan around.`,
    lane: `If you ship ${route}${facts.regularLane ? ' on a regular basis' : ''}, ${laneOffer}`,
    ask: 'Would a short call this week suit you?',
    closing: 'Best regards,',
    callHello:
      rep === null
        ? `Hi, I'm calling from ${facts.carrierName}.`
        : `Hi, this is ${rep.name} with ${facts.carrierName}.`,
    callPartnership:
      zone === null
        ? `${based}, building committed northbound partnerships so our trucks head home loaded.`
        : `${w.landing(zone, facts.homeRegion)}, and we are building committed northbound partnerships${commit === null ? '' : `; ${commit}`}.`,
    callAsk:
      `If you ship ${route}, is now a good time to see whether ` +
      (zone === null ? 'our network could serve that lane?' : 'a standing weekly arrangement would fit?'),
    socialPitch:
      zone === null
        ? `Based ${w.inRegions(facts.homeRegions)}, we are building committed northbound partnerships so our trucks head home loaded.`
        : `${w.landing(zone, facts.homeRegion)}.`,
    socialPartnership:
      zone === null
        ? ''
        : commit === null
          ? 'We are building committed northbound partnerships.'
          : `${capitalise(commit)}.`,
    socialLane: `If you ship ${route}, let's talk.`,
  };
}

function frenchPhrases(facts: NarrativeFacts, w: NarrativeVocabulary): Phrases {
  const { zone, lane, rep } = facts;
  const route = `${w.freight(lane.equipment)} ${w.fromPlace(lane.originLabel, lane.originRegion)} ${w.toRegion(lane.destRegion)}`;
  const commit = zone === null ? null : w.commitment(zone);
  const based = `Nous sommes un transporteur établi ${w.inRegions(facts.homeRegions)}`;
  const laneOffer = servesLane(facts, zone)
    ? "c'est justement la direction que prennent nos camions, et une entente hebdomadaire vous offrirait une capacité garantie et prévisible."
    : 'nous aimerions voir si notre réseau vers le nord peut desservir ce trajet.';
  return {
    greeting: facts.companyName === null ? 'Bonjour,' : `Bonjour à l'équipe ${w.ofName(facts.companyName)},`,
    subject:
      zone === null
        ? `Capacité garantie pour nos retours ${w.inRegions([facts.homeRegion])}`
        : `Capacité garantie vers le nord au départ ${w.ofName(zone.label)}` +
          (zone.equipment === null ? '' : ` (${w.trucksWord(zone.equipment, 2)})`),
    pitch: zone === null ? `${based}.` : `${w.landing(zone, facts.homeRegion)}.`,
    partnership:
      zone === null
        ? 'Nous bâtissons des partenariats durables pour que nos camions rentrent chargés, selon un horaire hebdomadaire sur lequel nos partenaires peuvent compter.'
        : commit === null
          ? 'Plutôt que de faire rentrer nos camions à vide, nous bâtissons des partenariats durables avec des expéditeurs qui veulent une capacité prévisible, semaine après semaine.'
          : `Plutôt que de faire rentrer nos camions à vide, nous bâtissons des partenariats durables pour nos retours vers le nord${w.colon} ${commit}, selon un horaire hebdomadaire sur lequel vous pouvez compter.`,
    lane: `Si vous expédiez${facts.regularLane ? ' régulièrement' : ''} ${route}, ${laneOffer}`,
    ask: 'Auriez-vous quelques minutes cette semaine pour en discuter?',
    closing: 'Cordialement,',
    callHello:
      rep === null
        ? `Bonjour, je vous appelle de chez ${facts.carrierName}.`
        : `Bonjour, ici ${rep.name}, de chez ${facts.carrierName}.`,
    callPartnership:
      zone === null
        ? `${based}, et nous bâtissons des partenariats durables pour que nos camions rentrent chargés.`
        : `${w.landing(zone, facts.homeRegion)}, et nous bâtissons des partenariats durables pour nos retours vers le nord${commit === null ? '' : `; ${commit}`}.`,
    callAsk:
      `Si vous expédiez ${route}, est-ce un bon moment pour voir si ` +
      (zone === null
        ? 'notre réseau pourrait desservir ce trajet?'
        : 'une entente hebdomadaire vous conviendrait?'),
    socialPitch:
      zone === null
        ? `Établis ${w.inRegions(facts.homeRegions)}, nous bâtissons des partenariats durables pour que nos camions rentrent chargés.`
        : `${w.landing(zone, facts.homeRegion)}.`,
    socialPartnership:
      zone === null
        ? ''
        : commit === null
          ? 'Nous bâtissons des partenariats durables pour nos retours vers le nord.'
          : `${capitalise(commit)}.`,
    socialLane: `Si vous expédiez ${route}, parlons-en.`,
  };
}

/**
 * The first candidate that fits (they go from most to least said); the last resort cuts the last
 * one at a space, so no number is split, and marks the cut.
 */
function fitSocial(candidates: readonly string[]): string {
  const fits = candidates.find((c) => c.length <= SOCIAL_NOTE_MAX_CHARS);
  if (fits !== undefined) return fits;
  const shortest = candidates.at(-1) ?? '';
  const cut = shortest.lastIndexOf(' ', SOCIAL_NOTE_MAX_CHARS - 1);
  return `${shortest.slice(0, cut > 0 ? cut : SOCIAL_NOTE_MAX_CHARS - 1)}…`;
}

export function draftOutreach(facts: NarrativeFacts): OutreachDraft {
  const w = narrativeWords(facts.language);
  const p = facts.language === 'fr' ? frenchPhrases(facts, w) : englishPhrases(facts, w);
  const { rep, carrierName } = facts;
  const signature =
    rep === null ? [carrierName] : [rep.name, carrierName, ...(rep.email === null ? [] : [rep.email])];
  const signedBy = `— ${rep === null ? carrierName : `${rep.name}, ${carrierName}`}`;
  const body = [
    p.greeting,
    `${p.pitch} ${p.partnership}`,
    p.lane,
    p.ask,
    [p.closing, ...signature].join('\n'),
  ].join('\n\n');
  return {
    language: facts.language,
    email: { subject: p.subject, body },
    callOpener: `${p.callHello} ${p.callPartnership} ${p.callAsk}`,
    socialNote: fitSocial(
      [
        [p.socialPitch, p.socialPartnership, p.socialLane, signedBy],
        [p.socialPitch, p.socialLane, signedBy],
        [p.socialPitch, p.socialPartnership, signedBy],
        [p.socialPitch, signedBy],
        [p.socialPitch],
      ].map((parts) => parts.filter((part) => part !== '').join(' ')),
    ),
  };
}
