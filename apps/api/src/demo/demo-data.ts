import type { CardType, Civility, ImageRequestState } from '@t3p/contracts';

/** The demo préfectures, agents and drivers that `npm start` puts in an empty database. */
export const DEMO_PREFECTURES = [
  { key: 'nord', departement: '59', name: 'Préfecture du Nord' },
  { key: 'pdc', departement: '62', name: 'Préfecture du Pas-de-Calais' },
] as const;

/** Camille Lefebvre is the Nord's responsable (manages its team); the others are agents. */
export const DEMO_AGENTS = [
  {
    prefecture: 'nord',
    email: 'agent.nord@demo.t3p.example',
    firstName: 'Camille',
    lastName: 'Lefebvre',
    role: 'RESPONSABLE',
  },
  {
    prefecture: 'nord',
    email: 'agent2.nord@demo.t3p.example',
    firstName: 'Karim',
    lastName: 'Benali',
    role: 'AGENT',
  },
  {
    prefecture: 'pdc',
    email: 'agent.pas-de-calais@demo.t3p.example',
    firstName: 'Sophie',
    lastName: 'Dumont',
    role: 'AGENT',
  },
] as const;

export interface DemoDriver {
  prefecture: 'nord' | 'pdc';
  civility: Civility;
  lastName: string;
  firstName: string;
  email: string;
  cardType: CardType;
  year: string;
  number: string;
  address: { line1: string; postalCode: string; city: string };
  /** The history of image requests of the application, oldest first. */
  requests: {
    state: ImageRequestState;
    daysAgo: number;
    photo: boolean;
    signature: boolean;
    reason: string;
  }[];
}

const requestReason = 'La photo d’identité est floue et le fond n’est pas uni.';

export const DEMO_DRIVERS: DemoDriver[] = [
  {
    prefecture: 'nord',
    civility: 'M',
    lastName: 'Dupont',
    firstName: 'Olivier',
    email: 'olivier.dupont@demo.t3p.example',
    cardType: 'VTC',
    year: '2024',
    number: '000101',
    address: { line1: '12 rue Nationale', postalCode: '59000', city: 'Lille' },
    requests: [
      {
        state: 'PENDING',
        daysAgo: 2,
        photo: true,
        signature: true,
        reason: 'Les images jointes à la demande de carte sont absentes.',
      },
    ],
  },
  {
    prefecture: 'nord',
    civility: 'MME',
    lastName: 'Martin',
    firstName: 'Nadia',
    email: 'nadia.martin@demo.t3p.example',
    cardType: 'TAXI',
    year: '2023',
    number: '000214',
    address: { line1: '3 place du Théâtre', postalCode: '59140', city: 'Dunkerque' },
    requests: [
      {
        state: 'REMINDED',
        daysAgo: 20,
        photo: false,
        signature: true,
        reason: 'La signature est illisible.',
      },
    ],
  },
  {
    prefecture: 'nord',
    civility: 'M',
    lastName: 'Lambert',
    firstName: 'Hugo',
    email: 'hugo.lambert@demo.t3p.example',
    cardType: 'VMDTR',
    year: '2024',
    number: '000333',
    address: { line1: '8 avenue de Dunkerque', postalCode: '59130', city: 'Lambersart' },
    requests: [
      { state: 'SUBMITTED', daysAgo: 5, photo: true, signature: false, reason: requestReason },
    ],
  },
  {
    prefecture: 'nord',
    civility: 'MME',
    lastName: 'Roux',
    firstName: 'Élodie',
    email: 'elodie.roux@demo.t3p.example',
    cardType: 'VTC',
    year: '2022',
    number: '000458',
    address: { line1: '27 rue de Paris', postalCode: '59800', city: 'Lille' },
    requests: [
      {
        state: 'VALIDATED',
        daysAgo: 12,
        photo: true,
        signature: true,
        reason: 'Les images jointes à la demande de carte sont absentes.',
      },
    ],
  },
  {
    prefecture: 'nord',
    civility: 'M',
    lastName: 'Moreau',
    firstName: 'Julien',
    email: 'julien.moreau@demo.t3p.example',
    cardType: 'TAXI',
    year: '2021',
    number: '000512',
    address: { line1: '5 rue Esquermoise', postalCode: '59000', city: 'Lille' },
    requests: [
      { state: 'REJECTED', daysAgo: 9, photo: true, signature: false, reason: requestReason },
      {
        state: 'PENDING',
        daysAgo: 1,
        photo: true,
        signature: false,
        reason: 'La nouvelle photo est trop sombre : le visage doit être bien éclairé.',
      },
    ],
  },
  {
    prefecture: 'nord',
    civility: 'M',
    lastName: 'Girard',
    firstName: 'Antoine',
    email: 'antoine.girard@demo.t3p.example',
    cardType: 'VTC',
    year: '2020',
    number: '000677',
    address: { line1: '44 boulevard Carnot', postalCode: '59200', city: 'Tourcoing' },
    requests: [
      {
        state: 'CANCELLED',
        daysAgo: 50,
        photo: true,
        signature: true,
        reason: 'Les images jointes à la demande de carte sont absentes.',
      },
    ],
  },
  {
    prefecture: 'nord',
    civility: 'MME',
    lastName: 'Petit',
    firstName: 'Sarah',
    email: 'sarah.petit@demo.t3p.example',
    cardType: 'TAXI',
    year: '2025',
    number: '000781',
    address: { line1: '15 rue de Béthune', postalCode: '59000', city: 'Lille' },
    // Filed, no image request yet: the back-office can ask for images.
    requests: [],
  },
  {
    prefecture: 'pdc',
    civility: 'MME',
    lastName: 'Lefèvre',
    firstName: 'Claire',
    email: 'claire.lefevre@demo.t3p.example',
    cardType: 'VTC',
    year: '2024',
    number: '000021',
    address: { line1: '2 rue Gambetta', postalCode: '62000', city: 'Arras' },
    requests: [
      {
        state: 'PENDING',
        daysAgo: 3,
        photo: true,
        signature: true,
        reason: 'Les images jointes à la demande de carte sont absentes.',
      },
    ],
  },
  {
    prefecture: 'pdc',
    civility: 'M',
    lastName: 'Fontaine',
    firstName: 'Mehdi',
    email: 'mehdi.fontaine@demo.t3p.example',
    cardType: 'TAXI',
    year: '2023',
    number: '000135',
    address: { line1: '19 quai Gambetta', postalCode: '62200', city: 'Boulogne-sur-Mer' },
    requests: [
      { state: 'SUBMITTED', daysAgo: 4, photo: true, signature: true, reason: requestReason },
    ],
  },
  {
    prefecture: 'pdc',
    civility: 'M',
    lastName: 'Caron',
    firstName: 'Thomas',
    email: 'thomas.caron@demo.t3p.example',
    cardType: 'VMDTR',
    year: '2022',
    number: '000247',
    address: { line1: '7 rue Royale', postalCode: '62100', city: 'Calais' },
    requests: [
      { state: 'REMINDED', daysAgo: 18, photo: true, signature: false, reason: requestReason },
    ],
  },
];
