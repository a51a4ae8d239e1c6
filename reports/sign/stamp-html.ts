import QRCode from 'qrcode';
import { html, rawHtml, type SafeHtml } from '../html/escape-html';
import { formatDateTimeRu, offsetLabel } from '../html/format-ru';

export interface StampInput {
  signerName: string;
  serialNumber: string;
  signedAt: Date;
  timezone: string;
  verifyUrl: string;
}

/** The visible signature stamp: signer, time, certificate and a QR code opening the verify page. */
export async function stampHtml(s: StampInput): Promise<SafeHtml> {
  const qr = await QRCode.toString(s.verifyUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 0 });
  return html`<div class="stamp">
  <div class="qr">${rawHtml(qr)}</div>
  <div>
    <div class="title">ДОКУМЕНТ ПОДПИСАН ЭЛЕКТРОННОЙ ПОДПИСЬЮ</div>
    <div>Владелец: ${s.signerName}</div>
    <div>Сертификат: ${s.serialNumber}</div>
    <div>Подписан: ${formatDateTimeRu(s.signedAt, s.timezone)} (${offsetLabel(s.signedAt, s.timezone)})</div>
    <div class="url">Проверка: ${s.verifyUrl}</div>
  </div>
</div>`;
}
