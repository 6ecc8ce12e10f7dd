import QRCode from 'qrcode'
import { createResource, Show } from 'solid-js'

/** A QR code drawn locally as SVG (nothing fetched from anywhere), shown as an image with a text alternative. */
export const QrCode = (props: { readonly text: string; readonly alt: string; readonly size?: number }) => {
  const [svg] = createResource(
    () => props.text,
    (text) => QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }),
  )
  return (
    <Show when={svg()}>
      {(markup) => (
        <img
          class="qr"
          src={`data:image/svg+xml;charset=utf-8,${encodeURIComponent(markup())}`}
          alt={props.alt}
          width={props.size ?? 160}
          height={props.size ?? 160}
        />
      )}
    </Show>
  )
}
