/**
 * A result mark: icon + words + colour together, so the status never rests on colour alone
 * (colour-blind readers, printed screenshots, high-contrast mode).
 */
import { Badge, type BadgeProps } from '@fluentui/react-components';
import type { ReactElement } from 'react';
import type { Status } from '../domain/evaluation';
import type { Lang } from '../i18n';
import { useT } from './useT';

const COLOR: Record<Status, BadgeProps['color']> = {
  met: 'success',
  not_met: 'danger',
  not_applicable: 'informative',
  not_evaluable: 'warning',
};

const svg = (path: ReactElement) => (
  <svg width="12" height="12" viewBox="0 0 16 16" aria-hidden="true" focusable="false" fill="none" stroke="currentColor" strokeWidth="2" strokeLinecap="round">
    {path}
  </svg>
);

const ICON: Record<Status, ReactElement> = {
  met: svg(<path d="M3 8.5l3.2 3L13 4.5" />),
  not_met: svg(<path d="M4 4l8 8M12 4l-8 8" />),
  not_applicable: svg(<path d="M3.5 8h9" />),
  not_evaluable: svg(<path d="M8 3.5v6M8 12.5v.01" />),
};

export function StatusBadge(props: { status: Status; lang: Lang }) {
  const t = useT(props.lang);
  return (
    <Badge appearance="tint" shape="rounded" color={COLOR[props.status]} icon={ICON[props.status]} data-status={props.status}>
      {t(`status.${props.status}`)}
    </Badge>
  );
}
