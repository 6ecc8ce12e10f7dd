/** The interface's strings, Swedish first. Every visible string comes from here. */
export const messages = {
  sv: {
    title: 'Samverkstad',
    tagline: 'Ett gemensamt arbetsrum för idéburna offentliga partnerskap.',
    status: 'Servern är igång. Arbetsytor och dokument kommer snart.',
    switchLanguage: 'In English',
  },
  en: {
    title: 'Samverkstad',
    tagline: 'A shared workshop for non-profit–public partnerships (IOP).',
    status: 'The server is running. Workspaces and documents are coming soon.',
    switchLanguage: 'På svenska',
  },
} as const

export type Locale = keyof typeof messages
export type MessageKey = keyof (typeof messages)['sv']
