/** "Dữ liệu": check the workbook without writing anything, and list what to fix. */
import { Button, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle } from '@fluentui/react-components';
import { evaluateWorkbook, type EvaluateResult } from '../../usecases/evaluate';
import { ProblemList } from '../ProblemList';
import { StepFrame } from '../StepFrame';
import { EvaluationAction, useWorded } from '../EvaluationAction';
import { FactsForm } from '../FactsForm';
import { useTask } from '../useTask';
import { useT } from '../useT';
import { CORE_STEP_IDS, type StepProps } from './registry';

export function DataStep({ host, lang, goTo, active = true }: StepProps) {
  const t = useT(lang);
  const [state, run] = useTask<EvaluateResult>();
  const check = () => run(() => evaluateWorkbook(host.workbook, { dryRun: true, lang }));
  const result = useWorded(state, lang);
  const counts = result?.ok ? { errors: result.problems.filter((p) => p.severity === 'error').length, warnings: result.problems.filter((p) => p.severity !== 'error').length } : null;
  return (
    <StepFrame title={t('pane.data.title')} intro={t('pane.data.intro')}>
      <FactsForm host={host} lang={lang} active={active} onNext={() => goTo(CORE_STEP_IDS.evaluate)} />
      <EvaluationAction
        state={state}
        onRun={() => void check()}
        labels={{ run: 'pane.data.check', rerun: 'pane.data.recheck', running: 'pane.data.running' }}
        {...(counts ? { announce: [t('pane.data.announce', counts), firstProblem(result)].filter(Boolean).join(' ') } : {})}
        {...{ host, lang, goTo }}
      />
      {result?.ok && <DataReport result={result} {...{ host, lang, goTo }} />}
    </StepFrame>
  );
}

function DataReport({ result, host, lang, goTo }: StepProps & { result: Extract<EvaluateResult, { ok: true }> }) {
  const t = useT(lang);
  const errors = result.problems.filter((p) => p.severity === 'error').length;
  const warnings = result.problems.length - errors;
  if (result.problems.length === 0) {
    return (
      <MessageBar intent="success" layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('pane.data.noProblemsTitle')}</MessageBarTitle>
          {t('pane.data.noProblems', { members: result.report.countedMembers })}
        </MessageBarBody>
        <MessageBarActions>
          <Button appearance="primary" onClick={() => goTo(CORE_STEP_IDS.evaluate)}>
            {t('pane.data.next')}
          </Button>
        </MessageBarActions>
      </MessageBar>
    );
  }
  return (
    <>
      <MessageBar intent={errors ? 'error' : 'warning'} layout="multiline">
        <MessageBarBody>
          <MessageBarTitle>{t('pane.data.countsTitle')}</MessageBarTitle>
          {t('pane.data.counts', { errors, warnings, members: result.report.countedMembers })}
        </MessageBarBody>
      </MessageBar>
      <ProblemList problems={result.problems} host={host} lang={lang} />
    </>
  );
}

/** The first point to fix (errors first, as the list shows them), said after the counts: it names its cell. */
function firstProblem(result: EvaluateResult | null): string {
  const problems = result?.problems ?? [];
  return (problems.find((p) => p.severity === 'error') ?? problems[0])?.message ?? '';
}
