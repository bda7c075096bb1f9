/** The steps the pane shows, in order. One entry per step file in this folder. */
import type { StepDefinition } from './registry';
import { CORE_STEP_IDS } from './registry';
import { SetupStep } from './SetupStep';
import { DataStep } from './DataStep';
import { EvaluateStep } from './EvaluateStep';
import { SummaryStep } from './SummaryStep';
import { DocumentsStep } from './DocumentsStep';
import { ConsolidateStep } from './ConsolidateStep';
import { ImportStep } from './ImportStep';
import { NewYearStep } from './NewYearStep';

export const STEPS: StepDefinition[] = [
  { id: CORE_STEP_IDS.setup, title: 'pane.step.setup', component: SetupStep },
  { id: CORE_STEP_IDS.data, title: 'pane.step.data', component: DataStep },
  { id: CORE_STEP_IDS.evaluate, title: 'pane.step.evaluate', component: EvaluateStep },
  { id: CORE_STEP_IDS.summary, title: 'pane.step.summary', component: SummaryStep },
  { id: 'documents', title: 'documents.stepTitle', component: DocumentsStep },
  { id: 'consolidate', title: 'consolidate.pane.title', component: ConsolidateStep },
  { id: 'import', title: 'import.step.title', component: ImportStep },
  { id: 'new-year', title: 'newYear.pane.title', component: NewYearStep },
];
