/**
 * A box the customer signs in with a finger, a stylus or the mouse (issue 20: a consent signed on a
 * tablet). Drawing is signature_pad's (smooth variable-width strokes from pointer events); this
 * wraps it for React: the canvas follows its box's width at the screen's pixel density, a resize
 * keeps the strokes, and every finished stroke reports the PNG (null while the box is empty).
 */
import { Button, Flex, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import SignaturePad from 'signature_pad';
import { useI18n } from '../i18n/i18n';

const HEIGHT = 180;

export function SignatureBox({ onChange }: { onChange(png: string | null): void }) {
  const { t } = useI18n();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const padRef = useRef<SignaturePad | null>(null);
  const onChangeRef = useRef(onChange);
  useEffect(() => {
    onChangeRef.current = onChange;
  }, [onChange]);
  const [empty, setEmpty] = useState(true);

  useEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas) return undefined;
    const pad = new SignaturePad(canvas, { penColor: '#1f1f1f', minWidth: 0.8, maxWidth: 2.6 });
    padRef.current = pad;
    const report = () => {
      const isEmpty = pad.isEmpty();
      setEmpty(isEmpty);
      onChangeRef.current(isEmpty ? null : pad.toDataURL('image/png'));
    };
    // The canvas's pixels follow its box (a modal that opens, a tablet turned): strokes are kept.
    const fit = () => {
      const ratio = Math.min(Math.max(window.devicePixelRatio || 1, 1), 2);
      const width = canvas.offsetWidth;
      if (width === 0 || (canvas.width === Math.round(width * ratio) && canvas.height === Math.round(HEIGHT * ratio))) return;
      const strokes = pad.toData();
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(HEIGHT * ratio);
      canvas.getContext('2d')?.scale(ratio, ratio);
      pad.clear();
      if (strokes.length > 0) pad.fromData(strokes);
    };
    fit();
    const observer = new ResizeObserver(fit);
    observer.observe(canvas);
    pad.addEventListener('endStroke', report);
    return () => {
      observer.disconnect();
      pad.removeEventListener('endStroke', report);
      pad.off();
      padRef.current = null;
    };
  }, []);

  const clear = () => {
    padRef.current?.clear();
    setEmpty(true);
    onChangeRef.current(null);
  };

  return (
    <Flex vertical gap={4}>
      <Flex justify="space-between" align="center">
        <Typography.Text strong>{t('privacy.signature.label')}</Typography.Text>
        <Button size="small" onClick={clear} disabled={empty} data-testid="signature-clear">
          {t('privacy.signature.clear')}
        </Button>
      </Flex>
      <canvas
        ref={canvasRef}
        aria-label={t('privacy.signature.label')}
        data-testid="signature-box"
        data-empty={empty ? 'true' : 'false'}
        style={{ width: '100%', height: HEIGHT, touchAction: 'none', border: '1px dashed #bfbfbf', borderRadius: 6, background: '#fafafa', cursor: 'crosshair' }}
      />
      <Typography.Text type="secondary">{t('privacy.signature.hint')}</Typography.Text>
    </Flex>
  );
}
