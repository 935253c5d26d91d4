import { renderShareImage, type ShareCard } from './share-image.ts';

/**
 * The task of a share-drawer worker thread (`share-drawer.ts`, run by
 * `tinypool`): draws one card. Loaded by Node directly (type stripping), not
 * bundled.
 */
export default function drawShareImage(card: ShareCard): Promise<Uint8Array<ArrayBuffer>> {
  return renderShareImage(card);
}
