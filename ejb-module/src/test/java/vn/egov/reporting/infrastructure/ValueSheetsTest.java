package vn.egov.reporting.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.hssf.usermodel.HSSFWorkbook;
import org.apache.poi.poifs.crypt.EncryptionInfo;
import org.apache.poi.poifs.crypt.EncryptionMode;
import org.apache.poi.poifs.crypt.Encryptor;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import vn.egov.reporting.infrastructure.ValueSheets.CellProblem;
import vn.egov.reporting.infrastructure.ValueSheets.Entry;
import vn.egov.reporting.infrastructure.ValueSheets.TemplateRow;

class ValueSheetsTest {

    private static final String TITLE = "BC-KTXH-THANG — Báo cáo tình hình kinh tế - xã hội hằng tháng";

    /** Rows 3–9 of the Excel template, lines 2–8 of the CSV one. */
    private static final List<TemplateRow> MONTHLY = List.of(
            new TemplateRow(
                    "RETAIL_TOTAL", "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng", "tỷ đồng", "TOTAL"),
            new TemplateRow("BUDGET_REVENUE", "Thu ngân sách nhà nước trên địa bàn", "tỷ đồng", "TOTAL"),
            new TemplateRow("CPI", "Chỉ số giá tiêu dùng so với cùng kỳ năm trước", "%", "TOTAL"),
            new TemplateRow("NEW_BUSINESSES", "Số doanh nghiệp thành lập mới", "doanh nghiệp", "TOTAL"),
            new TemplateRow("DOSSIERS_TOTAL", "Số hồ sơ thủ tục hành chính tiếp nhận", "hồ sơ", "TOTAL"),
            new TemplateRow("POPULATION", "Dân số trung bình", "nghìn người", "TOTAL"),
            new TemplateRow("POPULATION", "- Trong đó: thành thị", "nghìn người", "URBAN"));

    @Test
    void provinceFillsTheExcelTemplateAndGetsEveryValueBackWithItsCell() throws IOException {
        byte[] filled = fillXlsx(ValueSheets.templateXlsx(TITLE, MONTHLY), sheet -> {
            value(sheet, 3).setCellValue(15234.75);
            value(sheet, 4).setCellValue("1.234,5");
            value(sheet, 5).setCellValue(103.1);
            // E6 (new businesses) left empty: a partial form is not a mistake.
            value(sheet, 7).setCellValue("abc");
            value(sheet, 8).setCellValue(0.1);
            value(sheet, 9).setCellValue(312.4);
        });

        ValueSheets.Sheet read = ValueSheets.read(filled, "BC-KTXH-THANG_Nghe-An_2026-10.xlsx");

        assertEquals(
                List.of(
                        new Entry("RETAIL_TOTAL", "TOTAL", new BigDecimal("15234.75"), "E3"),
                        new Entry("BUDGET_REVENUE", "TOTAL", new BigDecimal("1234.5"), "E4"),
                        new Entry("CPI", "TOTAL", new BigDecimal("103.1"), "E5"),
                        new Entry("POPULATION", "TOTAL", new BigDecimal("0.1"), "E8"),
                        new Entry("POPULATION", "URBAN", new BigDecimal("312.4"), "E9")),
                read.entries());
        assertEquals(
                List.of(new CellProblem("E7", ValueSheets.NOT_A_NUMBER, "E7: 'abc' is not a number")), read.problems());
    }

    @Test
    void excelTemplateIsReadyToFillAndKeepsItsVietnameseText() throws IOException {
        byte[] template = ValueSheets.templateXlsx(TITLE, MONTHLY);

        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            Sheet sheet = wb.getSheetAt(0);
            assertEquals(TITLE, sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(
                    List.of("Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị", "Phân tổ", "Giá trị"), texts(sheet.getRow(1), 5));
            assertTrue(wb.getFontAt(sheet.getRow(1).getCell(0).getCellStyle().getFontIndex())
                    .getBold());
            assertEquals(2, sheet.getPaneInformation().getHorizontalSplitTopRow());
            assertEquals(MONTHLY.size() + 2, sheet.getPhysicalNumberOfRows());
            assertEquals(
                    List.of("POPULATION", "- Trong đó: thành thị", "nghìn người", "URBAN", ""),
                    texts(sheet.getRow(8), 5));
            assertEquals("#,##0.00", sheet.getRow(2).getCell(4).getCellStyle().getDataFormatString());
            assertTrue(sheet.getColumnWidth(1) > sheet.getColumnWidth(0));
        }
        ValueSheets.Sheet untouched = ValueSheets.read(template, "mau-bieu.xlsx");
        assertEquals(List.of(), untouched.entries());
        assertEquals(List.of(), untouched.problems());
    }

    @Test
    void formulaCellIsReadFromTheResultExcelSavedNeverRecalculated() throws IOException {
        byte[] filled = fillXlsx(ValueSheets.templateXlsx(TITLE, MONTHLY), sheet -> {
            Cell cell = value(sheet, 3);
            cell.setCellFormula("2+2");
            cell.setCellValue(5);
            value(sheet, 4).setCellFormula("1/0");
            value(sheet, 4).setCellErrorValue(FormulaError.DIV0.getCode());
        });

        ValueSheets.Sheet read = ValueSheets.read(filled, "bao-cao.xlsx");

        assertEquals(List.of(new Entry("RETAIL_TOTAL", "TOTAL", new BigDecimal("5"), "E3")), read.entries());
        assertEquals(
                List.of(new CellProblem("E4", ValueSheets.NOT_A_NUMBER, "E4: '#DIV/0!' is not a number")),
                read.problems());
    }

    @Test
    void wrongIndicatorAndBreakdownCodesAreReportedOnTheirCells() throws IOException {
        byte[] filled = fillXlsx(ValueSheets.templateXlsx(TITLE, MONTHLY), sheet -> {
            sheet.getRow(2).getCell(0).setCellValue("bán lẻ");
            value(sheet, 3).setCellValue(10);
            sheet.getRow(8).getCell(3).setCellValue("Thành thị");
            value(sheet, 9).setCellValue(20);
            value(sheet, 4).setCellValue(30);
        });

        ValueSheets.Sheet read = ValueSheets.read(filled, "bao-cao.xlsx");

        assertEquals(List.of(new Entry("BUDGET_REVENUE", "TOTAL", new BigDecimal("30"), "E4")), read.entries());
        assertEquals(
                List.of("A3 " + ValueSheets.BAD_CODE, "D9 " + ValueSheets.BAD_CODE),
                read.problems().stream().map(p -> p.cell() + " " + p.code()).toList());
        assertTrue(read.problems().get(0).message().startsWith("A3: 'bán lẻ' is not an indicator code"));
    }

    @Test
    void provinceFillsTheCsvTemplateAndCellsAreNamedByLine() {
        String template = new String(ValueSheets.templateCsv(MONTHLY), StandardCharsets.UTF_8);
        assertTrue(template.startsWith("\uFEFFMã chỉ tiêu,Tên chỉ tiêu,Đơn vị,Phân tổ,Giá trị\r\n"));
        assertTrue(template.contains(
                "\r\nRETAIL_TOTAL,Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ tiêu dùng,tỷ đồng,,\r\n"));
        assertTrue(template.contains("\r\nPOPULATION,'- Trong đó: thành thị,nghìn người,URBAN,\r\n"));

        String[] lines = template.split("\r\n");
        lines[1] += "15234.75";
        lines[2] += "\"1.234,5\"";
        lines[3] += "103,1"; // unquoted: two fields, must not be read as 103
        lines[5] += "abc";
        lines[7] += "1 250";
        byte[] filled = (String.join("\r\n", lines) + "\r\n").getBytes(StandardCharsets.UTF_8);

        ValueSheets.Sheet read = ValueSheets.read(filled, "BC-KTXH-THANG.csv");

        assertEquals(
                List.of(
                        new Entry("RETAIL_TOTAL", "TOTAL", new BigDecimal("15234.75"), "E2"),
                        new Entry("BUDGET_REVENUE", "TOTAL", new BigDecimal("1234.5"), "E3"),
                        new Entry("POPULATION", "URBAN", new BigDecimal("1250"), "E8")),
                read.entries());
        assertEquals(List.of("E4 " + ValueSheets.NOT_A_NUMBER, "E6 " + ValueSheets.NOT_A_NUMBER), summary(read));
        assertTrue(read.problems().get(0).message().startsWith("E4: '103,1' is not a number: in a CSV file"));
        assertEquals("E6: 'abc' is not a number", read.problems().get(1).message());
    }

    @Test
    void csvSavedByVietnameseExcelWithSemicolonsAndWithoutBomIsRead() {
        String csv = "MÃ CHỈ TIÊU;Tên chỉ tiêu;Đơn vị;Phân tổ;Giá trị\n"
                + "CPI;Chỉ số giá tiêu dùng;%;;105,3\n"
                + ";;;;\n"
                + "RETAIL_TOTAL;\"Tổng mức bán lẻ; dịch vụ\";tỷ đồng;;1.234.567,8\n";

        ValueSheets.Sheet read = ValueSheets.read(csv.getBytes(StandardCharsets.UTF_8), "bao-cao.CSV");

        assertEquals(
                List.of(
                        new Entry("CPI", "TOTAL", new BigDecimal("105.3"), "E2"),
                        new Entry("RETAIL_TOTAL", "TOTAL", new BigDecimal("1234567.8"), "E4")),
                read.entries());
        assertEquals(List.of(), read.problems());
    }

    @Test
    void headerBelowAnAgencyNoteIsFoundWhateverItsCaseAndDiacritics() {
        String csv = "Ủy ban nhân dân tỉnh Nghệ An\n\nma chi tieu,ten,don vi,phan to,gia tri\nCPI,,,,99.5\n";

        ValueSheets.Sheet read = ValueSheets.read(csv.getBytes(StandardCharsets.UTF_8), "nghe-an.csv");

        assertEquals(List.of(new Entry("CPI", "TOTAL", new BigDecimal("99.5"), "E4")), read.entries());
    }

    @Test
    void sheetWithoutTheHeaderIsRefusedAtA1() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Row row = wb.createSheet("Sheet1").createRow(0);
            row.createCell(0).setCellValue("CPI");
            row.createCell(4).setCellValue(105.3);
            wb.write(out);
            xlsx = out.toByteArray();
        }
        byte[] csv = "CPI,Chỉ số giá,%,,105.3\n".getBytes(StandardCharsets.UTF_8);

        for (ValueSheets.Sheet read :
                List.of(ValueSheets.read(xlsx, "bao-cao.xlsx"), ValueSheets.read(csv, "bao-cao.csv"))) {
            assertEquals(List.of(), read.entries());
            assertEquals(List.of("A1 " + ValueSheets.NO_HEADER), summary(read));
        }
    }

    @Test
    void garbageOldExcelAndPasswordProtectedFilesAreUnreadable() throws Exception {
        byte[] garbage = new byte[4096];
        new Random(7).nextBytes(garbage);
        byte[] truncated = Arrays.copyOf(ValueSheets.templateXlsx(TITLE, MONTHLY), 1500);

        Map<String, byte[]> uploads = Map.of(
                "garbage.xlsx",
                garbage,
                "garbage.csv",
                garbage,
                "truncated.xlsx",
                truncated,
                "bao-cao.xls",
                oldExcel(),
                "bao-cao-khoa.xlsx",
                passwordProtected(ValueSheets.templateXlsx(TITLE, MONTHLY)),
                "bao-cao.pdf",
                "%PDF-1.7".getBytes(StandardCharsets.US_ASCII));

        uploads.forEach((name, content) -> {
            ValueSheets.Sheet read = ValueSheets.read(content, name);
            assertEquals(List.of(), read.entries(), name);
            assertEquals(List.of("A1 " + ValueSheets.UNREADABLE), summary(read), name);
        });
        assertTrue(ValueSheets.read(oldExcel(), "bao-cao.xls")
                .problems()
                .get(0)
                .message()
                .contains(".xls"));
        assertTrue(ValueSheets.read(passwordProtected(ValueSheets.templateXlsx(TITLE, MONTHLY)), "a.xlsx")
                .problems()
                .get(0)
                .message()
                .contains("password"));
    }

    @Test
    void oversizeUploadIsRefusedBeforeParsing() {
        byte[] big = new byte[ValueSheets.MAX_BYTES + 1];
        Arrays.fill(big, (byte) 'x');

        ValueSheets.Sheet read = ValueSheets.read(big, "bao-cao.xlsx");

        assertEquals(List.of("A1 " + ValueSheets.TOO_LARGE), summary(read));
        assertTrue(read.problems().get(0).message().contains("2 MiB"));
    }

    @Test
    void workbookThatUnpacksToTooMuchIsRefused() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] spaces = new byte[1024 * 1024];
            Arrays.fill(spaces, (byte) ' ');
            for (int i = 0; i < 40; i++) {
                zip.write(spaces);
            }
            zip.closeEntry();
        }
        assertTrue(out.size() < ValueSheets.MAX_BYTES);

        assertEquals(List.of("A1 " + ValueSheets.TOO_LARGE), summary(ValueSheets.read(out.toByteArray(), "b.xlsx")));
    }

    @Test
    void moreThanFiveThousandRowsAreRefused() {
        StringBuilder csv = new StringBuilder("Mã chỉ tiêu,Tên chỉ tiêu,Đơn vị,Phân tổ,Giá trị\n");
        for (int i = 0; i <= ValueSheets.MAX_ROWS; i++) {
            csv.append("IND_").append(i).append(",,,,1\n");
        }

        ValueSheets.Sheet read = ValueSheets.read(csv.toString().getBytes(StandardCharsets.UTF_8), "lon.csv");

        assertEquals(List.of(), read.entries());
        assertEquals(List.of("A5002 " + ValueSheets.TOO_MANY_ROWS), summary(read));
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1.234,5|1234.5",
                "1234.5|1234.5",
                "1234,5|1234.5",
                "1,234.5|1234.5",
                "1.234.567|1234567",
                "1,234,567|1234567",
                "1 234 567,25|1234567.25",
                "0,125|0.125",
                "-12,5|-12.5",
                "\u22123|-3",
                "+7|7",
                "1500|1500",
                "1.50|1.5",
                "1234.567|1234.567",
                "1\u00A0234,5|1234.5",
                "2.000,00|2000"
            })
    void numbersTypedAsTextAreReadTheVietnameseWayWhenUnambiguous(String text, String expected) {
        assertEquals(new BigDecimal(expected), ValueSheets.parseNumber(text).orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            value = {
                "1.234",
                "12,500",
                "abc",
                "12%",
                "1e5",
                "1.234.5",
                "12,34.5",
                "1,234,5.6.7",
                "1..2",
                ".5",
                "1.",
                "1 2",
                "1.234,5,6",
                "--1"
            })
    void ambiguousOrMalformedNumbersAreNotGuessed(String text) {
        assertFalse(ValueSheets.parseNumber(text).isPresent(), text);
    }

    @Test
    void ambiguousThousandsAreExplained() {
        String csv = "Mã chỉ tiêu,Tên chỉ tiêu,Đơn vị,Phân tổ,Giá trị\nNEW_BUSINESSES,,,,1.234\n";

        CellProblem problem = ValueSheets.read(csv.getBytes(StandardCharsets.UTF_8), "a.csv")
                .problems()
                .get(0);

        assertEquals("E2", problem.cell());
        assertTrue(
                problem.message().startsWith("E2: '1.234' is not a number: it could mean thousands"),
                problem.message());
    }

    private static Cell value(Sheet sheet, int excelRow) {
        return sheet.getRow(excelRow - 1).getCell(4);
    }

    private interface Filling {
        void fill(Sheet sheet) throws IOException;
    }

    private static byte[] fillXlsx(byte[] template, Filling filling) throws IOException {
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            filling.fill(wb.getSheetAt(0));
            wb.write(out);
            return out.toByteArray();
        }
    }

    private static List<String> texts(Row row, int width) {
        List<String> texts = new ArrayList<>();
        for (int c = 0; c < width; c++) {
            texts.add(row.getCell(c).getStringCellValue());
        }
        return texts;
    }

    private static List<String> summary(ValueSheets.Sheet read) {
        return read.problems().stream().map(p -> p.cell() + " " + p.code()).collect(Collectors.toList());
    }

    private static byte[] oldExcel() {
        try (HSSFWorkbook wb = new HSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            wb.createSheet("Số liệu").createRow(1).createCell(0).setCellValue("Mã chỉ tiêu");
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] passwordProtected(byte[] xlsx) {
        try (POIFSFileSystem fs = new POIFSFileSystem();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Encryptor encryptor = new EncryptionInfo(EncryptionMode.agile).getEncryptor();
            encryptor.confirmPassword("mat-khau");
            try (OutputStream os = encryptor.getDataStream(fs)) {
                os.write(xlsx);
            }
            fs.writeFilesystem(out);
            return out.toByteArray();
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    // ---- CSV through Apache Commons CSV -----------------------------------------------------------------------

    @Test
    void anExportedTableReadsBackFieldForFieldWithSeparatorsQuotesAndLineBreaks() {
        List<String> header = List.of("indicator", "period", "agency", "name", "value", "unit");
        List<List<Object>> rows = List.of(
                java.util.Arrays.asList(
                        "RETAIL_TOTAL", "2026-10", null, "Toàn quốc", new BigDecimal("1.5E+3"), "tỷ đồng"),
                java.util.Arrays.asList(
                        "RETAIL_TOTAL",
                        "2026-10",
                        "000.00.00.H41",
                        "Nghệ An, \"xứ Nghệ\"\r\ntỉnh",
                        null,
                        " trailing "));
        String csv = new String(ValueSheets.tableCsv(header, rows), StandardCharsets.UTF_8);

        assertTrue(csv.startsWith("\uFEFFindicator,period,agency,name,value,unit\r\n"), csv);
        assertTrue(
                csv.contains("\r\nRETAIL_TOTAL,2026-10,,Toàn quốc,1500,tỷ đồng\r\n"), "numbers written plain: " + csv);
        List<List<String>> read = ValueSheets.parseCsv(csv.substring(1), ',');
        assertEquals(3, read.size(), read.toString());
        assertEquals(
                List.of("RETAIL_TOTAL", "2026-10", "000.00.00.H41", "Nghệ An, \"xứ Nghệ\"\r\ntỉnh", "", " trailing "),
                read.get(2));
    }

    @Test
    void exportedTextNeverOpensInExcelAsAFormula() {
        List<List<Object>> rows =
                List.of(List.of("=HYPERLINK(\"http://x\")", "+1", "-2", "@SUM(A1)", "\tx", "Nghệ An"));
        String csv =
                new String(ValueSheets.tableCsv(List.of("a", "b", "c", "d", "e", "f"), rows), StandardCharsets.UTF_8);
        List<String> line = ValueSheets.parseCsv(csv.substring(1), ',').get(1);
        assertEquals(List.of("'=HYPERLINK(\"http://x\")", "'+1", "'-2", "'@SUM(A1)", "'\tx", "Nghệ An"), line);
        // A negative figure stays a number: only text is defused.
        String figures = new String(
                ValueSheets.tableCsv(List.of("value"), List.of(List.of(new BigDecimal("-12.5")))),
                StandardCharsets.UTF_8);
        assertTrue(figures.endsWith("\r\n-12.5\r\n"), figures);
    }

    @Test
    void csvLinesAreNumberedAsTheSpreadsheetShowsThemAndAQuoteLeftOpenIsRead() {
        List<List<String>> read = ValueSheets.parseCsv("a;b\n\n\"c\"x;d\n\"open", ';');
        assertEquals(List.of(List.of("a", "b"), List.of(""), List.of("cx", "d"), List.of("open")), read);
    }
}
