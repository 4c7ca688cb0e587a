/**
 * Prints an appointment slip: one click prints on the clinic's default paper, the arrow offers
 * 80 mm or A5, a preview, and (desktop) saving a PDF. Every print is recorded on the server; a
 * preview is not a print. The browser prints through its own dialog; the desktop app prints on
 * the clinic's printer, silently when the settings say so.
 */
import { DownOutlined, EyeOutlined, FilePdfOutlined, PrinterOutlined } from '@ant-design/icons';
import { App, Button, Dropdown, Modal, Space, type MenuProps } from 'antd';
import { useState } from 'react';
import type { SlipPaper } from '../../../shared/domain/settings';
import { useApi } from '../../client/api-context';
import { useApiQuery } from '../../client/queries';
import { useI18n } from '../../i18n/i18n';
import { errorMessage } from '../../ui/error-message';
import { loadForPrinting, slipUrl } from './print-in-frame';

export interface PrintSlipButtonProps {
  appointmentId: number;
  size?: 'small' | 'middle';
}

/** The preview frame's width in screen pixels, roughly the paper's own width. */
const PREVIEW_WIDTH: Record<SlipPaper, number> = { '80mm': 360, a5: 640 };

export function PrintSlipButton({ appointmentId, size = 'middle' }: PrintSlipButtonProps) {
  const { t, language } = useI18n();
  const { message } = App.useApp();
  const api = useApi();
  const settings = useApiQuery('settings.get', {});
  const defaultPaper: SlipPaper = settings.data?.slipPaper ?? '80mm';
  const desktop = typeof window !== 'undefined' && window.frontdesk !== undefined;
  const [busy, setBusy] = useState(false);
  const [preview, setPreview] = useState<{ html: string; paper: SlipPaper } | null>(null);

  const run = async (work: () => Promise<void>) => {
    setBusy(true);
    try {
      await work();
    } catch (error) {
      void message.error(errorMessage(error, t));
    } finally {
      setBusy(false);
    }
  };

  const print = (paper: SlipPaper) =>
    run(async () => {
      if (desktop) {
        const result = await api.call('print.toDevice', { appointmentId, paper, language, target: 'printer' });
        if (result.printed) void message.success(t('printing.button.printed'));
        return;
      }
      const openDialog = await loadForPrinting(slipUrl(appointmentId, paper, language));
      await api.call('print.record', { kind: 'slip', appointmentId, paper, language });
      openDialog();
    });

  const savePdf = (paper: SlipPaper) =>
    run(async () => {
      const result = await api.call('print.toDevice', { appointmentId, paper, language, target: 'pdf' });
      if (result.file) void message.success(t('printing.button.saved', { file: result.file }));
    });

  const showPreview = (paper: SlipPaper) =>
    run(async () => {
      const slip = await api.call('print.slip', { appointmentId, paper, language });
      setPreview({ html: slip.html, paper: slip.paper });
    });

  const items: MenuProps['items'] = [
    { key: 'print-80mm', icon: <PrinterOutlined />, label: t('printing.button.paper80') },
    { key: 'print-a5', icon: <PrinterOutlined />, label: t('printing.button.paperA5') },
    { type: 'divider' },
    { key: 'preview-80mm', icon: <EyeOutlined />, label: `${t('printing.button.preview')} · ${t('printing.button.paper80')}` },
    { key: 'preview-a5', icon: <EyeOutlined />, label: `${t('printing.button.preview')} · ${t('printing.button.paperA5')}` },
    ...(desktop ? [{ key: 'pdf', icon: <FilePdfOutlined />, label: t('printing.button.savePdf') }] : []),
  ];
  const onMenu: MenuProps['onClick'] = ({ key }) => {
    const [action, paper] = key.split('-') as [string, SlipPaper | undefined];
    if (action === 'print') void print(paper ?? defaultPaper);
    else if (action === 'preview') void showPreview(paper ?? defaultPaper);
    else if (action === 'pdf') void savePdf(defaultPaper);
  };

  return (
    <>
      <Space.Compact size={size}>
        <Button icon={<PrinterOutlined />} loading={busy} onClick={() => void print(defaultPaper)}>
          {t('printing.button.print')}
        </Button>
        <Dropdown menu={{ items, onClick: onMenu }} trigger={['click']} disabled={busy}>
          <Button icon={<DownOutlined />} aria-label={t('printing.button.preview')} />
        </Dropdown>
      </Space.Compact>
      <Modal
        open={preview !== null}
        title={t('printing.button.preview')}
        width={(preview ? PREVIEW_WIDTH[preview.paper] : 360) + 48}
        onCancel={() => setPreview(null)}
        footer={
          <Button
            type="primary"
            icon={<PrinterOutlined />}
            loading={busy}
            onClick={() => {
              if (preview) void print(preview.paper).then(() => setPreview(null));
            }}
          >
            {t('printing.button.print')}
          </Button>
        }
        destroyOnHidden
      >
        {preview && (
          <iframe
            title={t('printing.button.preview')}
            // A sandbox without permissions: the preview runs nothing and reaches nothing.
            sandbox=""
            srcDoc={preview.html}
            style={{ width: PREVIEW_WIDTH[preview.paper], height: '70vh', border: '1px solid #d9d9d9', background: '#fff' }}
          />
        )}
      </Modal>
    </>
  );
}
