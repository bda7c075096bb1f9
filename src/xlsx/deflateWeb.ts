/** The browser's CompressionStream('deflate-raw') as the zip writer's deflater (preview). */
import type { Deflate } from './zipWriter';
import { throughStream } from './webStream';

export const webDeflate: Deflate = async (data) => (await throughStream(new CompressionStream('deflate-raw'), data))!;
