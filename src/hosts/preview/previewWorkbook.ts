/**
 * The preview's workbook: the grid shows an ExcelJS model, but the file the user downloads
 * comes from the package writer, which copies every part it does not own byte for byte. Each
 * batch reads from the file and applies its plans to both, so what is shown is what is saved.
 */
import type { Workbook, WorkbookSession } from '../../workbook/port';
import { ExcelJsWorkbook, type Selection } from '../../workbook/exceljs/excelJsWorkbook';
import { XlsxWorkbook, type XlsxWorkbookOptions } from '../../workbook/xlsx/xlsxWorkbook';
import { webInflate } from '../../xlsx/inflateWeb';
import { webDeflate } from '../../xlsx/deflateWeb';

export const WEB_XLSX: XlsxWorkbookOptions = { inflate: webInflate, deflate: webDeflate };

export class PreviewWorkbook implements Workbook {
  private constructor(
    /** What the grid draws. */
    readonly view: ExcelJsWorkbook,
    /** What is downloaded (created lazily for a new workbook: creation is asynchronous). */
    private readonly file: Promise<XlsxWorkbook>,
  ) {
    file.catch(() => undefined); // reported by the batch or download that awaits it
  }

  static create(label: string): PreviewWorkbook {
    return new PreviewWorkbook(ExcelJsWorkbook.create(label), XlsxWorkbook.create(label, WEB_XLSX));
  }

  /** The bytes, already through the preflight. */
  static async open(bytes: Uint8Array, label: string): Promise<PreviewWorkbook> {
    const file = await XlsxWorkbook.open(bytes, label, WEB_XLSX);
    return new PreviewWorkbook(await ExcelJsWorkbook.fromBuffer(bytes, label), Promise.resolve(file));
  }

  get label(): string {
    return this.view.label;
  }

  /** The ExcelJS model the grid draws. */
  get workbook() {
    return this.view.workbook;
  }

  get lastSelection(): Selection | null {
    return this.view.lastSelection;
  }

  async batch<T>(work: (session: WorkbookSession) => Promise<T>): Promise<T> {
    const file = await this.file;
    return file.batch((fileSession) =>
      this.view.batch((viewSession) =>
        work({
          read: (sheets, options) => fileSession.read(sheets, options),
          write: (plan) => {
            fileSession.write(plan);
            viewSession.write(plan);
          },
          select: (sheet, address) => {
            fileSession.select(sheet, address);
            viewSession.select(sheet, address);
          },
        }),
      ),
    );
  }

  /** The file to download: untouched parts as they came, the add-in's parts written anew. */
  async toBuffer(): Promise<Uint8Array> {
    return (await this.file).toBytes();
  }
}
