/**
 * The broker brief for a prospect's lane (DESIGN.md §3.5): a paragraph the carrier can forward to a
 * broker working that lane, in the carrier's voice — the trucks landing near the lane's origin, on
 * which weekdays, the loads a week it can commit, and the province they head home to. It names the
 * lane, never the prospect: the broker learns where capacity is, not who was searching.
 */
import type { NarrativeFacts } from './narrative-facts.ts';
import { narrativeWords } from './narrative-words.ts';

const capitalise = (text: string): string => text.charAt(0).toUpperCase() + text.slice(1);

export function draftBrokerBrief(facts: NarrativeFacts): string {
  const w = narrativeWords(facts.language);
  const fr = facts.language === 'fr';
  const { lane, zone, rep } = facts;
  const origin = lane.originLabel === lane.originRegion ? w.region(lane.originRegion) : lane.originLabel;
  const kinds = w.trucksWord(lane.equipment, 2);
  const head = fr
    ? `${facts.carrierName}, capacité vers le nord pour ${origin} → ${w.region(lane.destRegion)} (${kinds}).`
    : `${facts.carrierName}, northbound capacity for ${origin} → ${w.region(lane.destRegion)} (${kinds}).`;
  const contactName =
    rep === null ? facts.carrierName : `${rep.name}${rep.email === null ? '' : ` (${rep.email})`}`;
  const contact = `${fr ? 'Personne-ressource' : 'Contact'}${w.colon} ${contactName}.`;

  let capacity: string;
  if (zone === null) {
    const near = fr ? `près ${w.fromPlace(lane.originLabel, lane.originRegion)}` : `near ${origin}`;
    capacity = fr
      ? `Nous sommes un transporteur établi ${w.inRegions(facts.homeRegions)}, et nous bâtissons des partenariats durables pour nos retours vers le nord; aucun de nos camions ne livre encore chaque semaine ${near}, nous ne pouvons donc pas garantir de capacité sur ce trajet pour l'instant.`
      : `We are a carrier based ${w.inRegions(facts.homeRegions)}, building committed northbound partnerships for our trucks' trips home; none of our trucks land ${near} week after week yet, so we cannot commit capacity on this lane today.`;
  } else {
    const landing = `${w.landing(zone, facts.homeRegion)}.`;
    const commit = w.commitment(zone);
    let offer: string;
    if (zone.equipment === null)
      offer = fr
        ? `Nous n'avons pas encore de ${kinds} qui livrent là-bas; nous ne pouvons donc pas garantir de capacité sur ce trajet pour l'instant.`
        : `We have no ${kinds} landing there yet, so we cannot commit capacity on this lane today.`;
    else if (commit === null)
      offer = fr
        ? 'Nous bâtissons des partenariats durables et prévisibles pour ces camions sur le chemin du retour.'
        : 'We are building committed, predictable northbound partnerships for those trucks.';
    else
      offer = fr
        ? `${capitalise(commit)}, et nous bâtissons des partenariats durables et prévisibles pour ces camions` +
          (facts.laneGoesHome ? '; ce trajet suit justement leur route de retour.' : '.')
        : `${capitalise(commit)}, and we are building committed, predictable partnerships for those trucks` +
          (facts.laneGoesHome ? '; this lane runs the way they already head home.' : '.');
    capacity = `${landing} ${offer}`;
  }
  return `${head} ${capacity} ${contact}`;
}
