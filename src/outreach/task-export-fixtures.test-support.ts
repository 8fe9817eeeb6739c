/**
 * Tasks, reps and companies the export tests share: an English and a French draft whose text holds
 * what breaks naive writers (commas, quotes, line breaks, accents, long lines, "From " at a line start,
 * trailing spaces, "=").
 */
import type { Company } from '../domain/company.ts';
import { asId, type CompanyId, type RepId } from '../domain/ids.ts';
import type { OutreachDraft, OutreachTask } from '../domain/outreach-task.ts';
import type { Rep } from '../domain/rep.ts';
import type { TaskExportContext } from './export-hubspot-tasks.ts';

export const NOW = new Date('2024-06-11T13:00:00.000Z');

export const ENGLISH_DRAFT: OutreachDraft = {
  language: 'en',
  email: {
    subject: 'Six dry vans a week in Dallas, heading home to Ontario',
    body: 'Hi,\nWe land six "dry vans" a week in Dallas, Tuesday to Thursday.\nBest,\nJane',
  },
  callOpener: 'We finish six dry vans a week in Dallas; could one of them take your Ontario freight?',
  socialNote: 'Six dry vans land in Dallas weekly, heading home to Ontario.',
};

export const FRENCH_BODY = [
  'Bonjour Hélène,',
  '',
  'Nous livrons chaque semaine six fourgons secs à Dallas, du mardi au jeudi, et ils remontent vers le Québec à vide : nous bâtissons des partenariats réguliers et prévisibles vers le nord.',
  'From our side: capacité engagée, délais de transit de 3 jours.',
  'Taux = coût réel, sans surprise.   ',
  '.',
  'À bientôt,',
  'Émilie Côté',
].join('\n');

export const FRENCH_DRAFT: OutreachDraft = {
  language: 'fr',
  email: {
    subject: 'Six fourgons par semaine à Dallas, en route vers le Québec — capacité engagée',
    body: FRENCH_BODY,
  },
  callOpener:
    'Nos camions terminent à Dallas chaque semaine ; pourrions-nous prendre votre fret vers le Québec ?',
  socialNote: 'Six fourgons à Dallas chaque semaine, direction Québec.',
};

export const REPS: ReadonlyMap<string, Rep> = new Map<string, Rep>([
  [
    'R1',
    {
      repId: asId<RepId>('R1'),
      name: 'Jane Doe',
      email: 'jane@northstar.example',
      territories: ['Dallas'],
      capacity: 20,
      region: 'ON',
    },
  ],
  [
    'R2',
    {
      repId: asId<RepId>('R2'),
      name: 'Émilie "Mimi" Côté',
      email: 'emilie@northstar.example',
      territories: ['Dallas'],
      capacity: 20,
      region: 'QC',
    },
  ],
  [
    'R3',
    {
      repId: asId<RepId>('R3'),
      name: 'Sam Roe',
      email: null,
      territories: ['Houston'],
      capacity: 10,
      region: null,
    },
  ],
]);

export const COMPANIES: ReadonlyMap<string, Company> = new Map<string, Company>([
  [
    'C1',
    {
      companyId: asId<CompanyId>('C1'),
      name: 'Acme Foods',
      domain: 'acmefoods.example',
      industry: 'food',
      employees: 120,
    },
  ],
  [
    'C2',
    {
      companyId: asId<CompanyId>('C2'),
      name: 'Épicerie Côté',
      domain: 'epicerie-cote.example',
      industry: 'food',
      employees: 40,
    },
  ],
]);

export const CONTEXT: TaskExportContext = {
  reps: REPS,
  companies: COMPANIES,
  carrierName: 'Northstar Freight',
};

const base: OutreachTask = {
  taskId: 'T0',
  companyId: 'C1',
  companyName: 'Acme Foods',
  tier: 'A',
  score: 87.25,
  zoneLabel: 'Dallas, TX',
  lane: { originLabel: 'Dallas, TX', originRegion: 'TX', destRegion: 'ON', equipment: 'dry_van' },
  state: 'assigned',
  repId: 'R1',
  createdAt: new Date('2024-06-11T12:00:00.000Z'),
  dueAt: new Date('2024-06-11T22:00:00.000Z'),
  signalAt: new Date('2024-06-10T15:00:00.000Z'),
  sequenceStartedAt: null,
  stepsDone: 0,
  nextStepAt: null,
  escalations: 0,
  loadIds: [],
  draft: ENGLISH_DRAFT,
  updatedAt: new Date('2024-06-11T12:00:00.000Z'),
};

export const makeTask = (fields: Partial<OutreachTask>): OutreachTask => ({ ...base, ...fields });

/**
 * A week's tasks in every state. Exported, soonest due first: T5 (reply, 20:00Z), T1 (first email,
 * 22:00Z), T3 (new, unassigned, 03:30Z next day: still the 11th in Dallas), T2 and T10 (both 13 June
 * 15:00Z; T2 first by number). T4, T6 and T7 are closed or parked and not exported.
 */
export const WEEK_TASKS: readonly OutreachTask[] = [
  makeTask({ taskId: 'T1' }),
  makeTask({
    taskId: 'T2',
    companyId: 'C2',
    companyName: 'Épicerie Côté',
    tier: 'B',
    state: 'contacted',
    repId: 'R3',
    stepsDone: 1,
    sequenceStartedAt: new Date('2024-06-11T14:00:00.000Z'),
    nextStepAt: new Date('2024-06-13T15:00:00.000Z'),
    draft: FRENCH_DRAFT,
  }),
  makeTask({
    taskId: 'T3',
    companyId: 'C9',
    companyName: 'Widgets, "Best" Inc.\nTexas',
    tier: 'B',
    state: 'new',
    repId: null,
    zoneLabel: null,
    dueAt: new Date('2024-06-12T03:30:00.000Z'),
  }),
  makeTask({ taskId: 'T4', state: 'booked', loadIds: ['L1'] }),
  makeTask({
    taskId: 'T5',
    state: 'replied',
    repId: 'R2',
    stepsDone: 1,
    dueAt: new Date('2024-06-11T20:00:00.000Z'),
  }),
  makeTask({ taskId: 'T6', state: 'lost' }),
  makeTask({ taskId: 'T7', state: 'nurture' }),
  makeTask({
    taskId: 'T10',
    state: 'contacted',
    stepsDone: 2,
    nextStepAt: new Date('2024-06-13T15:00:00.000Z'),
  }),
];

/** The facts lines every export appends to a draft, for a task at 87.25 on the Dallas → ON dry-van lane. */
export const factLines = (taskId: string, tier: 'A' | 'B', zone = true): string =>
  `Northbound task ${taskId} · tier ${tier} · score 87.3\nLane: Dallas, TX → ON, dry van` +
  (zone ? '\nLanding zone: Dallas, TX' : '');
