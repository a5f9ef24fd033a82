import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { RequestView } from '../../../../shared/api/requests.ts';
import { useDates } from '../../../app/preferences.tsx';
import { Section } from '../../../ui/page.tsx';
import { Facts } from './bits.tsx';

/**
 * Who asked and what (法77-1): the requester's particulars and the content are opened from their seal
 * for the request's handlers and the 監査責任者 only; the server sends null to others.
 */
export function ParticularsSection({ request }: { request: RequestView }) {
  const { t } = useTranslation();
  const dates = useDates();
  const o = (k: string) => t(`requests.overview.${k}`);
  const i = (k: string) => t(`requests.intake.${k}`);
  const r = request.requester;
  const representative = request.requesterKind !== 'self';
  return (
    <>
      <Section title={o('requester')} id="requester">
        <Facts
          rows={[
            [i('channel'), t(`requests.channel.${request.channel}`)],
            [i('requesterKind'), t(`requests.requesterKind.${request.requesterKind}`)],
            ...(request.parentId
              ? ([
                  [
                    o('parent'),
                    <Link key="parent" to={`/requests/${request.parentId}`} className="font-mono">
                      {request.parentNumber ?? request.parentId}
                    </Link>,
                  ],
                ] as [string, ReactNode][])
              : []),
          ]}
        />
        {r ? (
          <div className="mt-4">
            <Facts
              rows={[
                ...(representative
                  ? ([
                      [i('representativeName'), r.representativeName],
                      [i('representativeRelation'), r.representativeRelation],
                    ] as [string, string | null][])
                  : []),
                [i('name'), r.name],
                [i('nameKana'), r.nameKana],
                [i('birthDate'), r.birthDate ? dates.date(r.birthDate) : null],
                [i('address'), r.address],
                [i('phone'), r.phone],
                [i('email'), r.email],
                [i('studentNumber'), r.studentNumber],
                [i('staffNumber'), r.staffNumber],
              ]}
            />
          </div>
        ) : (
          <p className="mt-4 text-ink-muted">{o('requesterHidden')}</p>
        )}
      </Section>
      <Section title={o('content')} id="content">
        {request.content !== null ? (
          <p className="max-w-3xl whitespace-pre-wrap">{request.content}</p>
        ) : (
          <p className="text-ink-muted">{o('contentHidden')}</p>
        )}
        <h3 className="mt-6 mb-2 text-xl">{o('files')}</h3>
        {request.files.length === 0 ? (
          <p>{o('filesAll')}</p>
        ) : (
          <ul className="list-disc pl-6">
            {request.files.map((f) => (
              <li key={f.id}>{f.name}</li>
            ))}
          </ul>
        )}
      </Section>
      <Section title={o('identityTitle')} id="identity">
        <Facts
          rows={[
            [o('identityMethod'), t(`requests.identity.${request.identityMethod}`)],
            [o('identityBy'), request.identityCheckedBy],
            [o('identityAt'), dates.dateTime(request.identityCheckedAt)],
          ]}
        />
        <p className="mt-2 text-sm text-ink-muted">{i('identityNote')}</p>
      </Section>
    </>
  );
}
