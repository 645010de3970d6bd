import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { renderAppendicesXlsx } from './appendicesXlsx';
import { modelReportData } from '@shared/testkit/reportModel';
import { modelReportMeta } from '../../../testkit/documents';

function rowValues(sheet: ExcelJS.Worksheet, rowNumber: number): unknown[] {
  const row = sheet.getRow(rowNumber);
  return Array.from({ length: sheet.columnCount }, (_, index) => row.getCell(index + 1).value);
}

/** A formula cell as written: `value` would drop a cached result of 0, `result` keeps it. */
function formulaCell(sheet: ExcelJS.Worksheet, rowNumber: number, column: number): { formula: string; result: unknown } {
  const cell = sheet.getRow(rowNumber).getCell(column);
  return { formula: cell.formula, result: cell.result };
}

function findRow(sheet: ExcelJS.Worksheet, firstCell: unknown, column = 1): number {
  for (let rowNumber = 1; rowNumber <= sheet.rowCount; rowNumber += 1) {
    if (sheet.getRow(rowNumber).getCell(column).value === firstCell) return rowNumber;
  }
  throw new Error(`no row starting with ${String(firstCell)}`);
}

describe('renderAppendicesXlsx', () => {
  const data = modelReportData();
  let workbook: ExcelJS.Workbook;

  beforeAll(async () => {
    workbook = new ExcelJS.Workbook();
    // exceljs declares `load` against an older Buffer type than the one Node 20's typings give.
    await workbook.xlsx.load(
      (await renderAppendicesXlsx(data, modelReportMeta())) as unknown as Parameters<typeof workbook.xlsx.load>[0],
    );
  });

  it('has one sheet per appendix, set up for A4', () => {
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(['Phụ lục 01', 'Phụ lục 02', 'Phụ lục 03']);
    expect(
      workbook.worksheets.map((sheet) => [sheet.pageSetup.paperSize, sheet.pageSetup.orientation, sheet.pageSetup.fitToWidth]),
    ).toEqual([
      [9, 'landscape', 1],
      [9, 'landscape', 1],
      [9, 'landscape', 1],
    ]);
    expect(workbook.worksheets[1]?.pageSetup.margins?.left).toBeCloseTo(30 / 25.4, 5);
  });

  it('writes appendix 02 as numbers equal to the report data, year by year, and the totals as SUM formulas whose values equal the data', () => {
    const sheet = workbook.getWorksheet('Phụ lục 02');
    if (!sheet) throw new Error('missing sheet');
    const header = findRow(sheet, 'STT');
    expect(rowValues(sheet, header)).toEqual([
      'STT',
      'Năm',
      'Tổng số',
      'Dưới 1 tháng',
      'Từ 01 - 03 tháng',
      'Từ 03 - 12 tháng',
      'Trên 12 tháng',
    ]);
    data.appendix02.rows.forEach((row, index) => {
      const label = index === 3 ? 'Năm 2026 (tính đến 31/5/2026)' : `Năm ${row.year}`;
      expect(rowValues(sheet, header + 1 + index)).toEqual([
        index + 1,
        label,
        row.total,
        row.under1m,
        row.from1to3m,
        row.from3to12m,
        row.over12m,
      ]);
    });
    const total = data.appendix02.total;
    expect(rowValues(sheet, header + 5).slice(0, 2)).toEqual([null, 'Tổng cộng']);
    expect([3, 4, 5, 6, 7].map((column) => formulaCell(sheet, header + 5, column))).toEqual(
      ['C', 'D', 'E', 'F', 'G'].map((column, index) => ({
        formula: `SUM(${column}${header + 1}:${column}${header + 4})`,
        result: [total.total, total.under1m, total.from1to3m, total.from3to12m, total.over12m][index],
      })),
    );
    for (let column = 3; column <= 7; column += 1) {
      const summed = [1, 2, 3, 4].reduce((sum, offset) => sum + Number(sheet.getRow(header + offset).getCell(column).value), 0);
      expect(sheet.getRow(header + 5).getCell(column).result).toBe(summed);
    }
    const totalCell = sheet.getRow(header + 5).getCell(3);
    expect(totalCell.numFmt).toBe('#,##0');
    expect(totalCell.font?.bold).toBe(true);
    expect(totalCell.font?.name).toBe('Times New Roman');
    expect(totalCell.border?.top?.style).toBe('thin');
  });

  it('writes the "Trong đó" lines with their counts as numbers', () => {
    const sheet = workbook.getWorksheet('Phụ lục 02');
    if (!sheet) throw new Error('missing sheet');
    const privateTrips = findRow(sheet, '- Đảng viên ra nước ngoài lao động, học tập tự túc hoặc giải quyết việc riêng');
    expect(sheet.getRow(privateTrips).getCell(7).value).toBe(924);
    const permitted = findRow(sheet, '+ Được cấp có thẩm quyền cho phép');
    expect(sheet.getRow(permitted).getCell(7).value).toBe(1);
    expect(sheet.getRow(findRow(sheet, '+ Tự ý ở lại')).getCell(7).value).toBe(0);
    expect(sheet.model.merges).toContain(`A${privateTrips}:F${privateTrips}`);
  });

  it('merges the two-level header of appendix 03, sums the labour columns and writes the enterprise stocks as numbers', () => {
    const sheet = workbook.getWorksheet('Phụ lục 03');
    if (!sheet) throw new Error('missing sheet');
    const header = findRow(sheet, 'STT');
    expect(sheet.model.merges).toEqual(
      expect.arrayContaining([
        `A${header}:A${header + 1}`,
        `B${header}:B${header + 1}`,
        `C${header}:E${header}`,
        `F${header}:H${header}`,
      ]),
    );
    expect(sheet.getRow(header).getCell(3).value).toBe('Đảng viên đi xuất khẩu lao động');
    expect(rowValues(sheet, header + 2)).toEqual([1, 'Năm 2023', 1, 0, 1, null, null, null]);
    expect(rowValues(sheet, header + 5)).toEqual([4, 'Năm 2026 (tính đến 31/5/2026)', 0, 0, 0, null, null, null]);
    expect(rowValues(sheet, header + 6).slice(0, 2)).toEqual([null, 'Tổng cộng']);
    expect([3, 4, 5].map((column) => formulaCell(sheet, header + 6, column))).toEqual([
      { formula: `SUM(C${header + 2}:C${header + 5})`, result: 1 },
      { formula: `SUM(D${header + 2}:D${header + 5})`, result: 0 },
      { formula: `SUM(E${header + 2}:E${header + 5})`, result: 1 },
    ]);
    expect(rowValues(sheet, header + 6).slice(5)).toEqual([0, 0, 0]);
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header + 1}`);
  });

  it('lists appendix 01 documents under their kind with the citation in the note column', () => {
    const sheet = workbook.getWorksheet('Phụ lục 01');
    if (!sheet) throw new Error('missing sheet');
    const header = findRow(sheet, 'STT');
    expect(sheet.model.merges).toContain(`C${header}:G${header}`);
    expect(rowValues(sheet, header + 1).slice(2, 7)).toEqual([
      'Chỉ thị, nghị quyết, kết luận',
      'Công văn',
      'Kế hoạch',
      'Hướng dẫn',
      'Văn bản khác',
    ]);
    expect(rowValues(sheet, header + 4)).toEqual([
      3,
      'Ban Thường vụ Đảng ủy xã Vĩnh Trạch',
      null,
      'Công văn',
      null,
      null,
      null,
      'Công văn số 112-CV/ĐU ngày 05/8/2025 về việc tăng cường quản lý đảng viên xuất cảnh bằng giấy thông hành',
    ]);
    expect(sheet.getRow(1).getCell(1).value).toBe('Phụ lục 01');
    expect(sheet.getRow(3).getCell(1).value).toBe('CÁC VĂN BẢN LÃNH ĐẠO, CHỈ ĐẠO, KIỂM TRA, ĐÔN ĐỐC THỰC HIỆN QUY ĐỊNH 86');
  });
});
