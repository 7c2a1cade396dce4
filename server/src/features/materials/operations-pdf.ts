// PDFs of the campaign's operations (plan table, stand poster, booklet) through pdfmake with DejaVu fonts:
// pdfmake's bundled Roboto lacks ₸ and some Kazakh letters (ә, ғ, қ, ң, ө, ұ, ү, һ, і are all in DejaVu).
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import PdfPrinter from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces';

const fontDir = join(dirname(createRequire(import.meta.url).resolve('dejavu-fonts-ttf/package.json')), 'ttf');

const printer = new PdfPrinter({
  DejaVu: {
    normal: join(fontDir, 'DejaVuSans.ttf'),
    bold: join(fontDir, 'DejaVuSans-Bold.ttf'),
    italics: join(fontDir, 'DejaVuSans-Oblique.ttf'),
    bolditalics: join(fontDir, 'DejaVuSans-BoldOblique.ttf'),
  },
  DejaVuCondensed: {
    normal: join(fontDir, 'DejaVuSansCondensed.ttf'),
    bold: join(fontDir, 'DejaVuSansCondensed-Bold.ttf'),
    italics: join(fontDir, 'DejaVuSansCondensed-Oblique.ttf'),
    bolditalics: join(fontDir, 'DejaVuSansCondensed-BoldOblique.ttf'),
  },
});

/** Renders a document definition to the bytes of a PDF. */
export function renderPdf(doc: TDocumentDefinitions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const pdf = printer.createPdfKitDocument({ defaultStyle: { font: 'DejaVu' }, ...doc });
    const chunks: Buffer[] = [];
    pdf.on('data', (c: Buffer) => chunks.push(c));
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
    pdf.end();
  });
}
