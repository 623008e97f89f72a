import { useI18n } from '../i18n/i18n-context'
import { TEMPLATE_CHOICES, type TemplateChoice } from './template-choices'

/** The werkvorm a new board starts from, as a list of radio cards with a one-line description. */
export function TemplatePicker({
  value,
  onChange,
}: {
  value: TemplateChoice
  onChange(next: TemplateChoice): void
}) {
  const { t } = useI18n()
  return (
    <fieldset className="field-group">
      <legend>{t('start.template')}</legend>
      <p className="hint">{t('start.templateHint')}</p>
      <div className="template-grid">
        {TEMPLATE_CHOICES.map((choice) => (
          <label key={choice} className="template-option" data-template={choice}>
            <input
              type="radio"
              name="template"
              value={choice}
              checked={value === choice}
              onChange={() => onChange(choice)}
            />
            <span className="template-text">
              <span className="template-name">{t(`template.${choice}.name`)}</span>
              <span className="template-description">{t(`template.${choice}.description`)}</span>
            </span>
          </label>
        ))}
      </div>
    </fieldset>
  )
}
