import { t } from './localized'
import { defineTemplate } from './template'

/**
 * The municipality's review of a proposed partnership and its partner (granskning): whether it falls within
 * the committee's remit and the municipality's competence, whether it is a purchase or state aid, the
 * partner's documents, and the conclusion with its reasoning. It structures the review; it is not legal advice.
 */
export const review = defineTemplate({
  id: 'review',
  version: 1,
  title: t('Granskning inför partnerskap', 'Review before a partnership'),
  purpose: t(
    'Kommunens dokumenterade granskning: nämndens uppdrag, kommunal kompetens, upphandling och statsstöd, med skälen.',
    "The municipality's documented review: the committee's remit, municipal competence, procurement and state aid, with the reasons.",
  ),
  phase: 'inleda',
  source: 'Järva stadsdelsnämnd, Process för IOP-arbetet, 2.1; Mora kommun, Riktlinje för IOP',
  sections: [
    {
      id: 'uppdrag',
      title: t('Uppdrag och befogenhet', 'Remit and competence'),
      fields: [
        {
          id: 'remit',
          kind: 'richtext',
          label: t('Koppling till nämndens uppdrag och mål', "Connection to the committee's remit and goals"),
        },
        {
          id: 'competence',
          kind: 'richtext',
          label: t(
            'Kommunal kompetens (kommunallagen 2 kap.)',
            'Municipal competence (Local Government Act ch. 2)',
          ),
        },
      ],
    },
    {
      id: 'upphandling',
      title: t('Upphandling och statsstöd', 'Procurement and state aid'),
      fields: [
        {
          id: 'procurement',
          kind: 'richtext',
          label: t(
            'Är det ett köp av tjänst som ska upphandlas? Skälen för att det inte är det',
            'Is it a purchase of services to be procured? The reasons it is not',
          ),
        },
        {
          id: 'state-aid',
          kind: 'richtext',
          label: t(
            'Statsstöd: ekonomisk verksamhet, påverkan på konkurrens och handel, belopp',
            'State aid: economic activity, effect on competition and trade, amounts',
          ),
        },
        {
          id: 'checks',
          kind: 'checklist',
          label: t('Kontrollerat', 'Checked'),
          statements: [
            {
              id: 'documents',
              text: t(
                'Partens handlingar är inhämtade och genomgångna.',
                "The partner's documents are obtained and read.",
              ),
            },
            {
              id: 'values',
              text: t(
                'Den idéburna parten delar de demokratiska värderingarna (värdighetsprincipen).',
                'The non-profit party shares the democratic values.',
              ),
            },
            {
              id: 'finances',
              text: t(
                'Partens ekonomi är i ordning (skatter, avgifter).',
                "The partner's finances are in order.",
              ),
            },
          ],
        },
      ],
    },
    {
      id: 'slutsats',
      title: t('Slutsats', 'Conclusion'),
      fields: [
        {
          id: 'conclusion',
          kind: 'choice',
          label: t('Granskningens slutsats', "The review's conclusion"),
          options: [
            { id: 'suitable', label: t('IOP är en lämplig form', 'An IOP is a suitable form') },
            { id: 'not-suitable', label: t('IOP är inte en lämplig form', 'An IOP is not a suitable form') },
            { id: 'more', label: t('Mer underlag behövs', 'More information is needed') },
          ],
        },
        {
          id: 'reasoning',
          kind: 'richtext',
          label: t('Skälen för slutsatsen', 'The reasons for the conclusion'),
        },
        { id: 'reviewed-by', kind: 'text', label: t('Granskad av', 'Reviewed by') },
        { id: 'reviewed-on', kind: 'date', label: t('Datum', 'Date') },
      ],
    },
  ],
})
