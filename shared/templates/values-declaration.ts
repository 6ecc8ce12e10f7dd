import { t } from './localized'
import { defineTemplate } from './template'

/**
 * The values declaration (värdegrundsintyg) a non-profit partner signs before the dialogue on an IOP
 * (Mora's guideline, after the democracy condition for state grants).
 */
export const valuesDeclaration = defineTemplate({
  id: 'values-declaration',
  version: 1,
  title: t('Intyg om värdegrund', 'Declaration of values'),
  purpose: t(
    'Den idéburna parten intygar att organisationen delar de grundläggande värderingarna.',
    'The non-profit party declares that the organisation shares the fundamental values.',
  ),
  phase: 'inleda',
  source: 'Mora kommun, Riktlinje för IOP — Värdegrund',
  sections: [
    {
      id: 'intyg',
      title: t('Intyg', 'Declaration'),
      help: t(
        'Undertecknad som representant för organisationen intygar att varken organisationen själv, dess ägare, någon av dess underavdelningar eller någon av dess företrädare, när de agerar inom ramen för organisationens verksamhet, gör något av följande.',
        'The undersigned, representing the organisation, declares that neither the organisation, its owners, any of its branches nor any of its representatives, acting within the organisation, does any of the following.',
      ),
      fields: [
        {
          id: 'declarations',
          kind: 'checklist',
          label: t(
            'Organisationen … (svara ”ja” för att intyga)',
            'The organisation … (answer “yes” to declare)',
          ),
          statements: [
            {
              id: 'no-violence',
              text: t(
                'utövar inte våld, tvång eller hot mot en person',
                'does not use violence, coercion or threats against a person',
              ),
            },
            {
              id: 'child-rights',
              text: t(
                'kränker inte ett barns rättigheter på ett sådant sätt att det finns en risk för att barnets hälsa eller utveckling skadas',
                "does not violate a child's rights in a way that risks harming the child's health or development",
              ),
            },
            {
              id: 'no-exploitation',
              text: t(
                'kränker inte en persons grundläggande fri- och rättigheter genom utnyttjande av en utsatt belägenhet',
                "does not violate a person's fundamental rights and freedoms by exploiting a vulnerable situation",
              ),
            },
            {
              id: 'no-discrimination',
              text: t(
                'diskriminerar eller kränker inte individer eller grupper på grund av kön eller könsöverskridande identitet och uttryck, etnisk tillhörighet, religion eller annan trosuppfattning, funktionsnedsättning, sexuell läggning, ålder eller politisk åskådning',
                'does not discriminate against or violate individuals or groups on grounds of sex or transgender identity and expression, ethnicity, religion or belief, disability, sexual orientation, age or political opinion',
              ),
            },
            {
              id: 'no-defending',
              text: t(
                'försvarar, främjar eller uppmanar inte till sådana ageranden',
                'does not defend, promote or encourage such acts',
              ),
            },
            {
              id: 'democracy',
              text: t(
                'motarbetar inte det demokratiska styrelseskicket',
                'does not work against democratic government',
              ),
            },
            {
              id: 'routines',
              text: t(
                'har rutiner för hantering av medarbetare som utanför uppdraget agerar på ett sätt som inte stämmer överens med värdegrunden',
                'has routines for staff who, outside their duties, act against these values',
              ),
            },
          ],
        },
      ],
    },
    {
      id: 'underskrift',
      title: t('Underskrift', 'Signature'),
      fields: [
        { id: 'organisation', kind: 'text', label: t('Organisation', 'Organisation') },
        { id: 'signer', kind: 'text', label: t('Namn', 'Name') },
        { id: 'signer-role', kind: 'text', label: t('Uppdrag i organisationen', 'Role in the organisation') },
        { id: 'place', kind: 'text', label: t('Ort', 'Place') },
        { id: 'signed', kind: 'date', label: t('Datum', 'Date') },
      ],
    },
  ],
})
