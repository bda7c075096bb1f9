/** "Thiết lập": pick the rule set, type the unit's details, create the sheets. */
import { Button, Caption1, Field, makeStyles, MessageBar, MessageBarActions, MessageBarBody, MessageBarTitle, Radio, RadioGroup, tokens } from '@fluentui/react-components';
import { useEffect, useRef, useState } from 'react';
import { PRESETS } from '../../domain/rules/presets';
import type { RuleSet } from '../../domain/rules/ruleSet';
import { readHandoutFile, readHandoutWorkbook, type ReadHandout } from '../../usecases/handout';
import { editTouches, fileOpenerOf } from '../host';
import { createSheets, readExistingSetup, SETUP_SHEETS, setupBlockedBy, type CreateSheetsResult, type ExistingSetup } from '../../usecases/createSheets';
import type { Workbook } from '../../workbook/port';
import { ErrorBar, errorAnnouncement, openBookText } from '../PaneMessages';
import { RuleSetView } from '../RuleSetView';
import { RuleSetSwitch } from '../RuleSetSwitch';
import { StatusRegion, StepFrame } from '../StepFrame';
import { checkUnitForm, emptyUnitForm, formFromDetails, UnitForm, unitDetails, type UnitFormErrors, type UnitFormValues } from '../UnitForm';
import { useTask } from '../useTask';
import { useT } from '../useT';
import { CORE_STEP_IDS, type StepProps } from './registry';

const useStyles = makeStyles({
  actions: { display: 'flex', flexWrap: 'wrap', gap: tokens.spacingHorizontalS },
  basis: { display: 'block', color: tokens.colorNeutralForeground2 },
});

export function SetupStep({ host, lang, goTo, active = true }: StepProps) {
  const t = useT(lang);
  const s = useStyles();
  const [presetId, setPresetId] = useState(PRESETS[0]!.id);
  const [values, setValues] = useState<UnitFormValues>(() => emptyUnitForm());
  const [errors, setErrors] = useState<UnitFormErrors>({});
  const [showRuleSet, setShowRuleSet] = useState(false);
  // The rule-set view takes the step's place: once closed, the focus goes back to the button that opened it (not to the page).
  const viewButton = useRef<HTMLButtonElement>(null);
  const viewWasOpen = useRef(false);
  useEffect(() => {
    if (viewWasOpen.current && !showRuleSet) viewButton.current?.focus();
    viewWasOpen.current = showRuleSet;
  }, [showRuleSet]);
  const [state, run] = useTask<CreateSheetsResult>();
  const running = state.status === 'running';
  const [prefilled, setPrefilled] = useState(false);
  // A rule set handed out by the consolidating body (its file), offered first once loaded.
  const [handedOut, setHandedOut] = useState<RuleSet | null>(null);
  const [handoutError, setHandoutError] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);
  const choices: RuleSet[] = handedOut ? [handedOut, ...PRESETS] : PRESETS;

  // The starting workbook a consolidating body handed out carries its rule set too, where this host reads .xlsx files.
  const openFile = fileOpenerOf(host);
  const loadHandout = async (file: File | undefined) => {
    if (!file) return;
    const read: ReadHandout =
      openFile && /\.xls[xm]$/i.test(file.name)
        ? await openFile(file).then(
            (wb) => readHandoutWorkbook(wb, lang),
            (e: unknown) => ({ ok: false, message: e instanceof Error ? e.message : String(e) }),
          )
        : readHandoutFile(await readText(file).catch(() => ''), file.name, lang);
    if (!read.ok) {
      setHandoutError(read.message);
      return;
    }
    setHandoutError(null);
    setHandedOut(read.ruleSet);
    setPresetId(read.ruleSet.id);
    // Its body is where the dossier goes; what the clerk already typed stands.
    const { body, tier } = read.receiver;
    setValues((v) => ({ ...v, receiver: v.receiver || body, receiverTier: v.receiverTier || tier }));
  };

  /** What the workbook holds, read again whenever the step is shown, the clerk edits the sheets or the sheets are made: the clerk may have changed it meanwhile (its protection too). */
  const [existing, setExisting] = useState<ExistingSetup | null>(null);
  /** "Kiểm tra lại" pressed, an edit told, the sheets made: read again. */
  const [checks, setChecks] = useState(0);
  const readFrom = useRef<Workbook | null>(null);
  /** The unit's details as last read from “Thông tin đơn vị”: the form follows the sheet when they change. */
  const sheetDetails = useRef<string | null>(null);
  useEffect(() => {
    if (!active) return;
    let live = true;
    readExistingSetup(host.workbook).then(
      (found) => {
        if (!live) return;
        setExisting(found);
        const details = found.details ? JSON.stringify(found.details) : null;
        const first = readFrom.current !== host.workbook;
        const changed = details !== sheetDetails.current;
        readFrom.current = host.workbook;
        sheetDetails.current = details;
        if (!found.details) return;
        if (first) {
          // A workbook prepared earlier: its unit and rule set rather than a blank form (a name the clerk already typed stands).
          setValues((current) => (current.name ? current : formFromDetails(found.details!, current)));
          if (found.ruleSetId && PRESETS.some((p) => p.id === found.ruleSetId)) setPresetId(found.ruleSetId);
          setPrefilled(true);
        } else if (changed) {
          // The sheet is what counts once it exists (the form never writes over it): shown as it now is.
          setValues(formFromDetails(found.details, emptyUnitForm()));
          setPrefilled(true);
        }
      },
      () => undefined, // an unreadable workbook shows the blank form; creating reports the error
    );
    return () => {
      live = false;
    };
  }, [host.workbook, active, checks]);
  // The clerk's own edits of the sheets the step shows (the preview's grid, Excel's change events): read again.
  useEffect(() => (active ? host.edits?.subscribe((notice) => editTouches(notice, SETUP_SHEETS) && setChecks((n) => n + 1)) : undefined), [host.edits, active]);
  // Refused before the click rather than after: a sheet to add to a workbook whose structure is locked.
  const blockedBy = existing && setupBlockedBy(existing, values.type);

  const create = () => {
    const found = checkUnitForm(values, t);
    setErrors(found);
    if (Object.keys(found).length) return;
    const ruleSet = choices.find((p) => p.id === presetId)!;
    // Then what the sheets hold (those kept keep theirs) is read back into the form.
    void run(() => createSheets(host.workbook, { ruleSet, unit: unitDetails(values) })).then(() => setChecks((n) => n + 1));
  };

  if (showRuleSet) return <RuleSetView host={host} lang={lang} onClose={() => setShowRuleSet(false)} />;

  const doneLines =
    state.status === 'done'
      ? [
          ...(state.value.created.length > 0 ? [t('pane.setup.created', { sheets: quoted(state.value.created) })] : []),
          ...(state.value.kept.length > 0 ? [t('pane.setup.kept', { sheets: quoted(state.value.kept) })] : []),
          t('pane.setup.nextHint'),
        ]
      : [];
  // Said to screen readers: the bars that show these are no live regions.
  const fixForm = Object.keys(errors).length > 0;
  const said = state.status === 'error' ? errorAnnouncement(state.error, lang) : fixForm ? t('pane.setup.fixForm') : state.status === 'done' ? [`${t('pane.setup.doneTitle')}.`, ...doneLines].join(' ') : undefined;
  return (
    <StepFrame title={t('pane.setup.title')} intro={t('pane.setup.intro')}>
      <Field label={t('pane.setup.ruleSet')}>
        <RadioGroup value={presetId} onChange={(_, d) => setPresetId(d.value)} disabled={running}>
          {choices.map((p) => (
            <Radio
              key={p.id}
              value={p.id}
              label={
                <>
                  {p.name}
                  {/* What tells the presets apart: the official title each recognises (TT24), else the legal basis (TT22). */}
                  <Caption1 className={s.basis}>{p.recognition ? t('pane.setup.recognises', { title: p.recognition }) : p.basis}</Caption1>
                  {p === handedOut && <Caption1 className={s.basis}>{t('pane.setup.handedOut')}</Caption1>}
                </>
              }
            />
          ))}
        </RadioGroup>
      </Field>
      <div className={s.actions}>
        <Button disabledFocusable={running} onClick={() => fileInput.current?.click()}>
          {t('pane.setup.loadHandout')}
        </Button>
        {openFile && <Caption1 className={s.basis}>{t('pane.setup.loadHandoutHint')}</Caption1>}
        <input
          ref={fileInput}
          type="file"
          accept={openFile ? '.json,application/json,.xlsx,.xlsm' : '.json,application/json'}
          hidden
          aria-label={t('pane.setup.loadHandout')}
          onChange={(e) => {
            const input = e.currentTarget;
            void loadHandout(input.files?.[0]).finally(() => (input.value = ''));
          }}
        />
      </div>
      {handoutError && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{handoutError}</MessageBarBody>
        </MessageBar>
      )}
      {prefilled && (
        <MessageBar intent="info" layout="multiline">
          <MessageBarBody>{t('pane.setup.prefilled')}</MessageBarBody>
        </MessageBar>
      )}
      {/* A workbook that has its "Tiêu chí" moves to the set chosen above without starting anew. */}
      {existing?.ruleSetId && (
        <RuleSetSwitch
          host={host}
          lang={lang}
          current={{ id: existing.ruleSetId, name: existing.ruleSetName ?? existing.ruleSetId }}
          chosen={choices.find((p) => p.id === presetId)!}
          disabled={running}
          onSwitched={() => setChecks((n) => n + 1)}
        />
      )}
      <UnitForm values={values} errors={errors} disabled={running} onChange={setValues} t={t} />
      {blockedBy && (
        <MessageBar intent="warning" layout="multiline">
          <MessageBarBody>
            {t('pane.setup.structureLocked', { book: openBookText(host, t), sheet: blockedBy })}{' '}
            {t(host.kind === 'excel' ? 'pane.setup.structureLockedExcel' : 'pane.setup.structureLockedFile')}
          </MessageBarBody>
          {/* Inside Excel the clerk lifts it in the same workbook; a file in the preview is opened anew (a new workbook: read again). */}
          {host.kind === 'excel' && (
            <MessageBarActions>
              <Button onClick={() => setChecks((n) => n + 1)}>{t('pane.setup.checkAgain')}</Button>
            </MessageBarActions>
          )}
        </MessageBar>
      )}
      <div className={s.actions}>
        {/* disabledFocusable while the sheets are made: the focus stays on the button pressed (a disabled one loses it). */}
        <Button appearance="primary" disabled={blockedBy !== null} disabledFocusable={running} onClick={create}>
          {t('pane.setup.create')}
        </Button>
        <Button ref={viewButton} disabledFocusable={running} onClick={() => setShowRuleSet(true)}>
          {t('pane.setup.viewRuleSet')}
        </Button>
      </div>
      {fixForm && (
        <MessageBar intent="error" layout="multiline">
          <MessageBarBody>{t('pane.setup.fixForm')}</MessageBarBody>
        </MessageBar>
      )}
      <StatusRegion busy={running ? t('pane.setup.running') : null} said={said} />
      {state.status === 'error' && <ErrorBar error={state.error} lang={lang} onRetry={create} />}
      {state.status === 'done' && (
        <MessageBar intent="success" layout="multiline">
          <MessageBarBody>
            <MessageBarTitle>{t('pane.setup.doneTitle')}</MessageBarTitle>
            {doneLines.map((line) => (
              <div key={line}>{line}</div>
            ))}
          </MessageBarBody>
          <MessageBarActions>
            <Button appearance="primary" onClick={() => goTo(CORE_STEP_IDS.data)}>
              {t('pane.setup.next')}
            </Button>
          </MessageBarActions>
        </MessageBar>
      )}
    </StepFrame>
  );
}

/** FileReader rather than Blob.text(): older Office webviews lack the latter. */
function readText(file: Blob): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsText(file, 'utf-8');
  });
}

const quoted = (names: string[]) => names.map((n) => `“${n}”`).join(', ');
