package org.warroom.dashboard.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * A table as an XLSX workbook of one sheet, with Apache POI's streaming SXSSF: only the last {@link #WINDOW} rows
 * stay in memory, older ones go to a compressed temporary file, which {@link #finish()} zips into the stream and
 * deletes. Text cells are string cells, never formulas, so a cell beginning with {@code =} stays text; they still
 * pass {@link CellGuard} so a sheet copied to CSV stays safe and both formats show the same values. Rows past
 * Excel's limit (1,048,575 after the header) continue on a next sheet. Strings are written inline (no shared string
 * table, which would hold every distinct text in memory).
 */
final class XlsxTableWriter implements TableWriter {
    static final int WINDOW = 200;
    static final int MAX_ROWS = 1_048_576;

    private final OutputStream out;
    private final SXSSFWorkbook workbook = new SXSSFWorkbook(null, WINDOW, true, false);
    private final String sheetName;
    private final CellStyle bold;
    private SXSSFSheet sheet;
    private List<String> header;
    private int next;
    private int sheets;

    XlsxTableWriter(OutputStream out, String sheetName) {
        this.out = out;
        this.sheetName = WorkbookUtil.createSafeSheetName(sheetName.length() > 28 ? sheetName.substring(0, 28) : sheetName);
        Font font = workbook.createFont();
        font.setBold(true);
        bold = workbook.createCellStyle();
        bold.setFont(font);
    }

    @Override
    public void header(List<String> titles) {
        header = List.copyOf(titles);
        newSheet();
    }

    @Override
    public void row(List<?> cells) {
        if (sheet == null || next >= MAX_ROWS) {
            newSheet();
        }
        write(sheet.createRow(next++), cells, null);
    }

    private void newSheet() {
        sheets++;
        sheet = workbook.createSheet(sheets == 1 ? sheetName : sheetName + " " + sheets);
        next = 0;
        if (header != null) {
            write(sheet.createRow(next++), header, bold);
            sheet.createFreezePane(0, 1);
        }
    }

    private static void write(Row row, List<?> cells, CellStyle style) {
        for (int i = 0; i < cells.size(); i++) {
            Object value = cells.get(i);
            if (value == null) {
                continue;
            }
            Cell cell = row.createCell(i);
            if (value instanceof Number n) {
                cell.setCellValue(n.doubleValue());
            } else {
                cell.setCellValue(CellGuard.text(value.toString()));
            }
            if (style != null) {
                cell.setCellStyle(style);
            }
        }
    }

    @Override
    public void finish() throws IOException {
        if (sheet == null) {
            newSheet();
        }
        try {
            workbook.write(out);
            out.flush();
        } finally {
            workbook.close(); // also deletes the temporary files
        }
    }
}
