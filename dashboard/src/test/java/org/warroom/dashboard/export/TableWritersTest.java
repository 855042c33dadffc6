package org.warroom.dashboard.export;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class TableWritersTest {
    private static final List<String> HEADER = List.of("नाम", "फ़ोन", "Count");

    @Test
    @DisplayName("CSV: UTF-8 with a byte-order mark, CRLF, quotes for commas, quotes and line breaks")
    void shouldWriteRfc4180WithBom() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter w = ExportFormat.CSV.writer(out, "t");
        w.header(HEADER);
        w.row(Arrays.asList("Kumar, Ramesh", "say \"hi\"", 3));
        w.row(Arrays.asList("two\nlines", null, 2.5));
        w.finish();
        byte[] bytes = out.toByteArray();
        assertThat(Arrays.copyOf(bytes, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
        assertThat(text).isEqualTo("नाम,फ़ोन,Count\r\n"
                + "\"Kumar, Ramesh\",\"say \"\"hi\"\"\",3\r\n"
                + "\"two\nlines\",,2.5\r\n");
    }

    @Test
    @DisplayName("CSV: an empty table is the BOM and the header")
    void shouldWriteHeaderOnly() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter w = ExportFormat.CSV.writer(out, "t");
        w.header(List.of("a", "b"));
        w.finish();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFFa,b\r\n");
    }

    @Test
    @DisplayName("formula injection: = + - @ tab and CR at the start get an apostrophe; numbers and other text do not")
    void shouldGuardFormulas() throws IOException {
        assertThat(CellGuard.text("=HYPERLINK(\"http://x\")")).isEqualTo("'=HYPERLINK(\"http://x\")");
        assertThat(CellGuard.text("+919812345678")).isEqualTo("'+919812345678");
        assertThat(CellGuard.text("-2+3")).isEqualTo("'-2+3");
        assertThat(CellGuard.text("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CellGuard.text("\t=1")).isEqualTo("'\t=1");
        assertThat(CellGuard.text("\r=1")).isEqualTo("'\r=1");
        assertThat(CellGuard.text("Ramesh = Kumar")).isEqualTo("Ramesh = Kumar");
        assertThat(CellGuard.text("********5678")).isEqualTo("********5678");
        assertThat(CellGuard.text("")).isEmpty();
        assertThat(CellGuard.text(null)).isNull();

        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter w = ExportFormat.CSV.writer(out, "t");
        w.row(Arrays.asList("=1+1", -5, "-"));
        w.finish();
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("\uFEFF'=1+1,-5,'-\r\n");
    }

    @Test
    @DisplayName("CSV: Devanagari and every tricky field read back unchanged by an RFC 4180 parser")
    void shouldRoundTripDevanagari() throws IOException {
        List<List<String>> rows = List.of(
                List.of("भोपाल", "राशन नहीं मिल रहा, कृपया मदद करें", "क्षेत्र \"स्थिति\""),
                List.of("कर्मचारी\r\nदूसरी पंक्ति", "R***** K****", "********1234"));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter w = ExportFormat.CSV.writer(out, "t");
        w.header(HEADER);
        for (List<String> row : rows) {
            w.row(row);
        }
        w.finish();
        String text = out.toString(StandardCharsets.UTF_8);
        assertThat(text).startsWith("\uFEFF");
        List<CSVRecord> read = CSVFormat.RFC4180.parse(new StringReader(text.substring(1))).getRecords();
        assertThat(read).hasSize(3);
        assertThat(read.get(0).toList()).isEqualTo(HEADER);
        assertThat(read.get(1).toList()).isEqualTo(rows.get(0));
        assertThat(read.get(2).toList()).isEqualTo(rows.get(1));
    }

    @Test
    @DisplayName("XLSX: a header in bold, text and numbers typed, Devanagari intact, a formula-looking cell stays text")
    void shouldWriteXlsx() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        TableWriter w = ExportFormat.XLSX.writer(out, "श्रमिक");
        w.header(HEADER);
        w.row(Arrays.asList("कर्मचारी, क्षेत्र", "=cmd|' /C calc'!A0", 42));
        w.row(Arrays.asList("Ramesh", null, 1.5));
        w.finish();
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(out.toByteArray()))) {
            Sheet sheet = book.getSheetAt(0);
            assertThat(sheet.getSheetName()).isEqualTo("श्रमिक");
            assertThat(sheet.getLastRowNum()).isEqualTo(2);
            Row header = sheet.getRow(0);
            assertThat(header.getCell(0).getStringCellValue()).isEqualTo("नाम");
            assertThat(book.getFontAt(header.getCell(0).getCellStyle().getFontIndex()).getBold()).isTrue();
            Row first = sheet.getRow(1);
            assertThat(first.getCell(0).getStringCellValue()).isEqualTo("कर्मचारी, क्षेत्र");
            assertThat(first.getCell(1).getCellType()).isEqualTo(CellType.STRING);
            assertThat(first.getCell(1).getStringCellValue()).isEqualTo("'=cmd|' /C calc'!A0");
            assertThat(first.getCell(2).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(first.getCell(2).getNumericCellValue()).isEqualTo(42.0);
            assertThat(sheet.getRow(2).getCell(1)).isNull();
        }
    }

    @Test
    @DisplayName("filter as audited: sorted, a registry search term masked")
    void shouldMaskSearchTermsInTheAudit() {
        assertThat(new ExportFilter(java.util.Map.of("status", "working", "district", "396", "q", "9812345678"))
                .audited()).isEqualTo("district=396&q=*5678&status=working");
        assertThat(new ExportFilter(java.util.Map.of("q", "Ramesh Kumar")).audited()).doesNotContain("Ramesh")
                .doesNotContain("Kumar");
    }
}
