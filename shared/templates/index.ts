import type { TemplateId } from '../schema/template-id'
import { agreement } from './agreement'
import { cafe } from './cafe'
import { dwa1 } from './dwa-1'
import { dwa2 } from './dwa-2'
import { evaluation } from './evaluation'
import { finalReport } from './final-report'
import { financialReport } from './financial-report'
import { followUp } from './follow-up'
import { initiativeChecklist } from './initiative-checklist'
import { minutes } from './minutes'
import { partnerDocuments } from './partner-documents'
import { review } from './review'
import type { Template } from './template'
import { valuesDeclaration } from './values-declaration'

/** Every template, by id: the closed list a workspace creates documents from. */
export const templates: Readonly<Record<TemplateId, Template>> = {
  'dwa-1': dwa1,
  'dwa-2': dwa2,
  agreement,
  cafe,
  'initiative-checklist': initiativeChecklist,
  'partner-documents': partnerDocuments,
  'values-declaration': valuesDeclaration,
  'follow-up': followUp,
  evaluation,
  'final-report': finalReport,
  minutes,
  review,
  'financial-report': financialReport,
}

/** Templates by id; the server can be given another set (tests of template migrations do). */
export type TemplateRegistry = Readonly<Record<string, Template>>
