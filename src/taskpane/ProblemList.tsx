/** Problems found in the data, errors first; each one with a place jumps to its cell. */
import { Button, Caption1, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import { useState } from 'react';
import type { Lang } from '../i18n';
import type { PaneHost } from './host';
import { useT } from './useT';
import { excelRefusedText, isExcelRefusedError } from '../workbook/excelRefusal';

export interface PaneProblem {
  severity: 'error' | 'warning';
  sheet: string | null;
  cell: string | null;
  message: string;
}

const useStyles = makeStyles({
  list: { listStyleType: 'none', margin: 0, padding: 0, display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalS },
  item: {
    borderLeft: `${tokens.strokeWidthThickest} solid ${tokens.colorPaletteMarigoldBorderActive}`,
    paddingLeft: tokens.spacingHorizontalS,
  },
  error: { borderLeftColor: tokens.colorPaletteRedBorderActive },
  severity: { fontWeight: tokens.fontWeightSemibold, display: 'block' },
  message: { margin: 0 },
});

export function ProblemList(props: { problems: PaneProblem[]; host: PaneHost; lang: Lang }) {
  const t = useT(props.lang);
  const s = useStyles();
  const [showError, setShowError] = useState<string | null>(null);
  const sorted = [...props.problems.filter((p) => p.severity === 'error'), ...props.problems.filter((p) => p.severity !== 'error')];
  const show = async (sheet: string, cell: string) => {
    setShowError(null);
    try {
      await props.host.showCell(sheet, cell, { focus: true });
    } catch (e) {
      // Excel's refusal says itself what to do; anything else, with the way round it.
      setShowError(isExcelRefusedError(e) ? excelRefusedText(props.lang, e) : t('pane.problems.showFailed', { sheet, cell, detail: e instanceof Error ? e.message : String(e) }));
    }
  };
  return (
    <>
      {showError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{showError}</MessageBarBody>
        </MessageBar>
      )}
      <ul className={s.list} aria-label={t('pane.problems.listLabel')}>
        {sorted.map((p, i) => (
          <li key={i} className={p.severity === 'error' ? `${s.item} ${s.error}` : s.item}>
            <Caption1 className={s.severity}>{t(p.severity === 'error' ? 'pane.problems.error' : 'pane.problems.warning')}</Caption1>
            <p className={s.message}>{p.message}</p>
            {p.sheet && p.cell && (
              <Button appearance="transparent" size="small" onClick={() => void show(p.sheet!, p.cell!)}>
                {t('pane.problems.goToCell', { sheet: p.sheet, cell: p.cell })}
              </Button>
            )}
          </li>
        ))}
      </ul>
    </>
  );
}
