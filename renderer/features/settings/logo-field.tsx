/** The clinic's logo: upload a small PNG, JPEG or SVG, see it as the slip will, or remove it. */
import { DeleteOutlined, UploadOutlined } from '@ant-design/icons';
import { App, Button, Flex, Form, Image, Typography, Upload } from 'antd';
import { Controller, type Control } from 'react-hook-form';
import { LOGO_MAX_CHARS, type Settings } from '../../../shared/domain/settings';
import { useI18n } from '../../i18n/i18n';
import { fieldErrorMessage } from '../../ui/error-message';

const TYPES = ['image/png', 'image/jpeg', 'image/svg+xml'];

function readAsDataUrl(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result));
    reader.onerror = () => reject(reader.error ?? new Error('unreadable file'));
    reader.readAsDataURL(file);
  });
}

export function LogoField({ control }: { control: Control<Settings> }) {
  const { t } = useI18n();
  const { message } = App.useApp();
  return (
    <Controller
      control={control}
      name="logo"
      render={({ field, fieldState }) => (
        <Form.Item
          label={t('field.logo')}
          extra={t('settings.logo.hint')}
          validateStatus={fieldState.error ? 'error' : ''}
          help={fieldErrorMessage(fieldState.error?.message, t('field.logo'), t)}
        >
          <Flex gap={16} align="center">
            <div style={{ width: 160, height: 64, border: '1px dashed #d9d9d9', borderRadius: 6, display: 'grid', placeItems: 'center', background: '#fff' }}>
              {field.value ? (
                <Image src={field.value} alt={t('field.logo')} preview={false} style={{ maxWidth: 150, maxHeight: 56 }} />
              ) : (
                <Typography.Text type="secondary" style={{ fontSize: 12, padding: 8, textAlign: 'center' }}>
                  {t('settings.logo.none')}
                </Typography.Text>
              )}
            </div>
            <Upload
              accept={TYPES.join(',')}
              showUploadList={false}
              beforeUpload={async (file) => {
                if (!TYPES.includes(file.type)) {
                  void message.error(t('settings.logo.wrongType'));
                  return Upload.LIST_IGNORE;
                }
                const url = await readAsDataUrl(file);
                if (url.length > LOGO_MAX_CHARS) void message.error(t('settings.logo.tooLarge'));
                else field.onChange(url);
                return Upload.LIST_IGNORE;
              }}
            >
              <Button icon={<UploadOutlined />}>{t('settings.logo.upload')}</Button>
            </Upload>
            {field.value && (
              <Button icon={<DeleteOutlined />} onClick={() => field.onChange('')}>
                {t('settings.logo.remove')}
              </Button>
            )}
          </Flex>
        </Form.Item>
      )}
    />
  );
}
