// The values the method about to be used needs, and only those: the mailbox for client submission; domain, MX
// host, sender (and the static IP for a relay connector) for Direct Send and SMTP relay.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { Method } from '../../../../shared/model';
import { TextField } from '../../components/Field';
import { useApp } from '../../store';
import { actions, jobSel } from '../../store/selectors';

/** `onEnter`: Enter in a field goes on to the checklist, like the Next button. */
export function MethodValues({ method, onEnter }: { method: Method | null; onEnter?: () => void }) {
  const { t } = useTranslation();
  const job = useApp(jobSel.job);
  const { updateJob } = useApp(useShallow(actions));
  if (method === null) return null;
  return (
    <div
      className="card"
      data-values-for={method}
      onKeyDown={(e) => {
        if (e.key === 'Enter' && e.target instanceof HTMLInputElement && onEnter) {
          e.preventDefault();
          onEnter();
        }
      }}
    >
      <h2>{t('method.values')}</h2>
      <div className="grid-3">
        {method === 'submission' ? (
          <TextField
            label={t('question.mailbox')}
            value={job.mailbox}
            onChange={(mailbox) => updateJob({ mailbox })}
            placeholder="scanner@contoso.com"
            hint={t('question.fromHint')}
            name="mailbox"
            type="email"
          />
        ) : (
          <>
            <TextField
              label={t('question.domain')}
              value={job.domain}
              onChange={(domain) => updateJob({ domain })}
              placeholder="contoso.com"
              name="domain"
            />
            <TextField
              label={t('question.mxHost')}
              value={job.mxHost}
              onChange={(mxHost) => updateJob({ mxHost })}
              placeholder="contoso-com.mail.protection.outlook.com"
              hint={t('question.mxHint')}
              name="mxHost"
            />
            <TextField
              label={t('question.fromAddress')}
              value={job.fromAddress}
              onChange={(fromAddress) => updateJob({ fromAddress })}
              placeholder={job.domain ? `scanner@${job.domain}` : 'scanner@contoso.com'}
              name="fromAddress"
              type="email"
            />
            {method === 'relay' || job.answers.staticIp === 'yes' ? (
              <TextField
                label={t('question.staticIpValue')}
                value={job.staticIp}
                onChange={(staticIp) => updateJob({ staticIp })}
                placeholder="203.0.113.7"
                name="staticIpValue"
              />
            ) : null}
          </>
        )}
      </div>
    </div>
  );
}
