/** Every criterion and indicator of an evaluation: figure, requirement and a clear mark. */
import { Body1Strong, Caption1, makeStyles, Subtitle2, tokens } from '@fluentui/react-components';
import type { EvaluationReport } from '../usecases/evaluate';
import type { Lang } from '../i18n';
import { formatMeasured, formatNumber, formatThreshold } from '../i18n/format';
import { StatusBadge } from './StatusBadge';
import { useT, type Translate } from './useT';

type IndicatorLine = EvaluationReport['indicators'][number];

const useStyles = makeStyles({
  criterion: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  criterionHead: { display: 'flex', flexWrap: 'wrap', alignItems: 'center', gap: tokens.spacingHorizontalS, margin: 0 },
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: { borderBottom: `${tokens.strokeWidthThin} solid ${tokens.colorNeutralStroke2}`, paddingBottom: tokens.spacingVerticalS },
  line: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS, alignItems: 'center' },
  facts: { display: 'block', color: tokens.colorNeutralForeground2 },
});

export function ResultList(props: { report: EvaluationReport; lang: Lang }) {
  const t = useT(props.lang);
  const s = useStyles();
  const score = props.report.ruleSet.mode === 'score';
  return (
    <>
      {props.report.criteria.map((c) => (
        <section key={c.code} className={s.criterion} aria-labelledby={`criterion-${c.code}`}>
          <Subtitle2 as="h3" id={`criterion-${c.code}`} className={s.criterionHead}>
            {t('pane.evaluate.criterion', { code: c.code, title: c.title })}
          </Subtitle2>
          <div className={s.line}>
            <StatusBadge status={c.status} lang={props.lang} />
            {score && c.points !== null && <Caption1>{t('pane.evaluate.points', { points: formatNumber(c.points, props.lang) })}</Caption1>}
          </div>
          <ul className={s.list}>
            {props.report.indicators
              .filter((i) => i.criterion === c.code)
              .map((i) => (
                <li key={i.code} className={s.item} data-indicator={i.code}>
                  <Body1Strong>{i.code}</Body1Strong> {i.text}
                  <Caption1 className={s.facts}>
                    {figure(i, t, props.lang)} · {requirement(i, t, props.lang)}
                    {score && i.points !== null && ` · ${t('pane.evaluate.points', { points: formatNumber(i.points, props.lang) })}`}
                  </Caption1>
                  <StatusBadge status={i.status} lang={props.lang} />
                </li>
              ))}
          </ul>
        </section>
      ))}
    </>
  );
}

function figure(i: IndicatorLine, t: Translate, lang: Lang): string {
  if (i.required === null) return t('pane.evaluate.unitFact');
  if (i.value === null || i.numerator === null || i.denominator === null) return t('pane.evaluate.noFigure');
  return t('pane.evaluate.figure', { percent: formatMeasured({ value: i.value, required: i.required, status: i.status }, lang), numerator: i.numerator, denominator: i.denominator });
}

function requirement(i: IndicatorLine, t: Translate, lang: Lang): string {
  return i.required === null ? t('pane.evaluate.requiredFact') : t('pane.evaluate.required', { percent: formatThreshold(i.required, lang) });
}
