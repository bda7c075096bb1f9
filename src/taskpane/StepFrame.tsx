/** What every step looks like: a heading, a sentence saying what it does, then its content. */
import { Body1, makeStyles, Spinner, Title3, tokens } from '@fluentui/react-components';
import { useEffect, useState, type ReactNode } from 'react';

const useStyles = makeStyles({
  // Read by screen readers, not shown: what it says is on screen too.
  hidden: { position: 'absolute', width: '1px', height: '1px', overflow: 'hidden', clipPath: 'inset(50%)', whiteSpace: 'nowrap' },
  frame: { display: 'flex', flexDirection: 'column', gap: tokens.spacingVerticalM, padding: `${tokens.spacingVerticalM} 0` },
  heading: { margin: 0 },
  intro: { margin: 0 },
});

export function StepFrame(props: { title: string; intro: string; children: ReactNode }) {
  const s = useStyles();
  return (
    <section className={s.frame} aria-label={props.title}>
      <Title3 as="h2" className={s.heading}>
        {props.title}
      </Title3>
      <Body1 as="p" className={s.intro}>
        {props.intro}
      </Body1>
      {props.children}
    </section>
  );
}

/**
 * A step's status region, present before its work runs (a live region put on the page with its text is
 * often not read out): the spinner while `busy` names the work, then `said`, the outcome in one sentence.
 * The bars showing the outcome are no live regions.
 */
export function StatusRegion(props: { busy?: string | null; said?: string | undefined }) {
  const s = useStyles();
  // Work that starts as the region appears (a view loading as it opens) is said once the region is on the page, empty.
  // An outcome there already (the step shown again) is old news: in it from the start, so not read out again.
  const [placed, setPlaced] = useState(false);
  // The frame is waited for only with work to hold back: an idle region would render nothing new on it.
  const holding = !placed && Boolean(props.busy);
  useEffect(() => {
    if (!holding) return;
    // The next frame: the region is on the page, empty, before any text comes into it.
    const frame = requestAnimationFrame(() => setPlaced(true));
    return () => cancelAnimationFrame(frame);
  }, [holding]);
  return (
    <div role="status" aria-live="polite" aria-atomic="true">
      {placed && props.busy && <Spinner size="small" label={props.busy} labelPosition="after" />}
      {!props.busy && props.said && (
        <span className={s.hidden} data-testid="announce">
          {props.said}
        </span>
      )}
    </div>
  );
}
