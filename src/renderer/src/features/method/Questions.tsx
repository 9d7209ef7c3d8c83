// Screen 2's questions: what the advisor needs to know about the customer's needs and tenant.
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { SelectField, TextField } from '../../components/Field';
import { useApp } from '../../store';
import { actions, jobSel } from '../../store/selectors';
import type { AdvisorAnswers } from '../../store/types';

export function Questions() {
  const { t } = useTranslation();
  const job = useApp(jobSel.job);
  const { updateAnswers, updateJob } = useApp(useShallow(actions));
  const a = job.answers;
  const tri = (key: 'externalRecipients' | 'staticIp') => (
    <SelectField<AdvisorAnswers[typeof key]>
      label={t(`question.${key}`)}
      value={a[key]}
      options={[
        { value: 'yes', label: t('common.yes') },
        { value: 'no', label: t('common.no') },
        { value: 'unknown', label: t('common.unknown') },
      ]}
      onChange={(v) => updateAnswers({ [key]: v })}
      name={key}
    />
  );
  return (
    <div className="card">
      <h2>{t('question.title')}</h2>
      <div className="grid-3">
        {tri('externalRecipients')}
        {tri('staticIp')}
        <SelectField<AdvisorAnswers['smtpAuth']>
          label={t('question.smtpAuth')}
          value={a.smtpAuth}
          options={[
            { value: 'enabled', label: t('question.enabled') },
            { value: 'disabled', label: t('question.disabled') },
            { value: 'unknown', label: t('common.unknown') },
          ]}
          onChange={(smtpAuth) => updateAnswers({ smtpAuth })}
          name="smtpAuth"
        />
        <SelectField<AdvisorAnswers['securityDefaults']>
          label={t('question.securityDefaults')}
          value={a.securityDefaults}
          options={[
            { value: 'on', label: t('question.on') },
            { value: 'off', label: t('question.off') },
            { value: 'unknown', label: t('common.unknown') },
          ]}
          onChange={(securityDefaults) => updateAnswers({ securityDefaults })}
          name="securityDefaults"
        />
        <SelectField<AdvisorAnswers['rejectDirectSend']>
          label={t('question.rejectDirectSend')}
          value={a.rejectDirectSend}
          options={[
            { value: 'on', label: t('question.on') },
            { value: 'off', label: t('question.off') },
            { value: 'unknown', label: t('common.unknown') },
          ]}
          onChange={(rejectDirectSend) => updateAnswers({ rejectDirectSend })}
          name="rejectDirectSend"
        />
      </div>
      <div className="grid-3">
        <TextField label={t('question.domain')} value={job.domain} onChange={(domain) => updateJob({ domain })} placeholder="contoso.com" name="domain" />
        <TextField label={t('question.mailbox')} value={job.mailbox} onChange={(mailbox) => updateJob({ mailbox })} placeholder="scanner@contoso.com" name="mailbox" type="email" />
        <TextField label={t('question.mxHost')} value={job.mxHost} onChange={(mxHost) => updateJob({ mxHost })} placeholder="contoso-com.mail.protection.outlook.com" hint={t('question.mxHint')} name="mxHost" />
        <TextField label={t('question.staticIpValue')} value={job.staticIp} onChange={(staticIp) => updateJob({ staticIp })} placeholder="203.0.113.7" name="staticIpValue" />
        <TextField label={t('question.fromAddress')} value={job.fromAddress} onChange={(fromAddress) => updateJob({ fromAddress })} placeholder={job.mailbox || 'scanner@contoso.com'} hint={t('question.fromHint')} name="fromAddress" type="email" />
      </div>
    </div>
  );
}
