import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { passwordPolicyView, type PasswordPolicyView } from '../../../shared/api/password.ts';
import { api, ApiError } from '../../app/api.ts';

export const RULES_KEY = ['me', 'password-rules'] as const;

/** The rules the signed-in person's password must follow (A21-2). */
export function usePasswordRules() {
  return useQuery({
    queryKey: RULES_KEY,
    queryFn: () => api('/api/me/password-rules', { schema: passwordPolicyView }),
  });
}

/** The policy in plain words, as a list (the change page and the policy page show it). */
export function PasswordRulesList({ policy }: { policy: PasswordPolicyView }) {
  const { t } = useTranslation();
  const items = [
    t('password.rules.minLength', { min: policy.minLength, max: policy.maxLength }),
    t('password.rules.common'),
    t('password.rules.context'),
    t('password.rules.repeated'),
    ...(policy.requiredClasses > 0 ? [t('password.rules.classes', { count: policy.requiredClasses })] : []),
    ...(policy.historyCount > 0 ? [t('password.rules.history', { count: policy.historyCount })] : []),
    policy.maxAgeDays
      ? t('password.rules.maxAge', { days: policy.maxAgeDays })
      : t('password.rules.noMaxAge'),
  ];
  return (
    <ul className="list-disc space-y-1 pl-6">
      {items.map((item) => (
        <li key={item}>{item}</li>
      ))}
    </ul>
  );
}

const RULES = ['too_short', 'too_long', 'common', 'context', 'repeated', 'classes', 'reused'] as const;

/** The rules a 422 password.rejected answer lists, as messages in the language shown now. */
export function brokenRulesOf(error: unknown, t: (key: string) => string): string[] {
  if (!(error instanceof ApiError) || error.code !== 'password.rejected') return [];
  return (error.problem.errors ?? [])
    .map((e) => e.code.replace(/^password\./, ''))
    .filter((c): c is (typeof RULES)[number] => (RULES as readonly string[]).includes(c))
    .map((c) => t(`password.broken.${c}`));
}
