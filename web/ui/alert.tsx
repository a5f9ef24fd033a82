import type { ReactNode } from 'react';

const tones = {
  error: 'border-error bg-error-soft',
  success: 'border-success bg-success-soft',
  warning: 'border-warning bg-warning-soft',
  info: 'border-primary bg-primary-soft',
} as const;

/** A notice box. Put it inside a live region (LiveRegion) when it appears after an action. */
export function Alert({
  tone,
  title,
  children,
}: {
  tone: keyof typeof tones;
  title?: string;
  children?: ReactNode;
}) {
  return (
    <div className={`my-4 rounded-lg border-l-8 border-y border-r p-4 ${tones[tone]}`}>
      {title && <p className="font-bold text-ink-strong">{title}</p>}
      {children && <div className={title ? 'mt-1' : ''}>{children}</div>}
    </div>
  );
}

/** Always rendered, so that what appears in it is announced (aria-live). */
export function LiveRegion({ children, assertive = false }: { children?: ReactNode; assertive?: boolean }) {
  return (
    <div aria-live={assertive ? 'assertive' : 'polite'} aria-atomic="true">
      {children}
    </div>
  );
}

/** A success notice after a change (「記録しました。」 in the feature's words), announced in a live region that is always rendered. */
export function SavedNotice({ show, text }: { show: boolean; text: string }) {
  return <LiveRegion>{show && <Alert tone="success" title={text} />}</LiveRegion>;
}
