/** What every step looks like: a heading, a sentence saying what it does, then its content. */
import { Body1, makeStyles, Spinner, Title3, tokens } from '@fluentui/react-components';
import type { ReactNode } from 'react';

const useStyles = makeStyles({
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

/** Shown while a use-case runs; announced to screen readers. */
export function Working(props: { label: string }) {
  return (
    <div role="status" aria-live="polite">
      <Spinner size="small" label={props.label} labelPosition="after" />
    </div>
  );
}
