import type ExcelJS from 'exceljs';
import type PDFDocument from 'pdfkit';

/*
 * The spreadsheet and PDF libraries take about two thirds of the service host's start-up; most
 * sessions never make a workbook or a PDF, so they load on first use (and stay loaded).
 */

export async function loadExcel(): Promise<typeof ExcelJS> {
  return (await import('exceljs')).default;
}

export async function loadPdfKit(): Promise<typeof PDFDocument> {
  return (await import('pdfkit')).default;
}
