/**
 * The pane's steps, in the order a clerk goes through them. Each step is one component in
 * this folder receiving StepProps; adding a step is one file and one entry below.
 */
import type { ComponentType } from 'react';
import type { Lang, MessageKey } from '../../i18n';
import type { PaneHost } from '../host';

export interface StepProps {
  host: PaneHost;
  lang: Lang;
  /** Ask the pane to go to another step (e.g. from "Dữ liệu" back to "Thiết lập"). */
  goTo(stepId: string): void;
  /**
   * Whether the step is the one shown (default true). Every step stays mounted so its
   * input survives tab changes; a step that reads the workbook on show waits for this.
   */
  active?: boolean;
}

export interface StepDefinition {
  id: string;
  /** Catalogue key of the step's title. */
  title: MessageKey;
  component: ComponentType<StepProps>;
  /** Office requirement set the step needs; the step is shown disabled with a reason if missing. */
  requires?: string;
}

/** Ids of the four core steps, for goTo (e.g. "missing sheets" → back to set-up). */
export const CORE_STEP_IDS = {
  setup: 'setup',
  data: 'data',
  evaluate: 'evaluate',
  summary: 'summary',
} as const;
