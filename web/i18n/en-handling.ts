import type { jaHandling } from './ja-handling.ts';

/** English messages of issue 7: the handling hub (same shape as the Japanese). */
export const enHandling: typeof jaHandling = {
  handling: {
    menu: 'Handling',
    title: 'Handling held personal information',
    lead: 'Acts beyond reading (copies, sending, media, corrections, use outside the purpose, disposal). A new act starts from a file of the vault (A12–A17).',
    startFromVault: 'Start from a file of the vault',
    cards: {
      exports: {
        label: 'Copies',
        desc: 'Approved copies and confirmation of their deletion (A12(1), A24の2)',
      },
      movements: {
        label: 'Sending and media',
        desc: 'Transmissions, media sent or taken out and returned (A12(2), (3))',
      },
      media: {
        label: 'Register of media',
        desc: 'Media holding personal information and where they are kept (A14)',
      },
      corrections: {
        label: 'Corrections',
        desc: 'Reported errors, the manager’s instruction, before and after (A13)',
      },
      outOfPurpose: {
        label: 'Use outside the purpose',
        desc: 'Requests on one of the four grounds and what was done (A17)',
      },
      disposals: { label: 'Disposal', desc: 'Disposal of records, files and media, with certificates (A15)' },
    },
  },
};
