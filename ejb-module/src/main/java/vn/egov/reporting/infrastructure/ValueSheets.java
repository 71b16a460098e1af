package vn.egov.reporting.infrastructure;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.csv.CSVRecord;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.poifs.crypt.Decryptor;
import org.apache.poi.poifs.filesystem.FileMagic;
import org.apache.poi.poifs.filesystem.POIFSFileSystem;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.FormulaError;
import org.apache.poi.ss.usermodel.IndexedColors;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellAddress;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.egov.common.SearchText;
import vn.egov.reporting.domain.model.Indicator;

/**
 * Biểu mẫu nhập số liệu — the value sheet of a reporting regime: the template an agency downloads (Excel or CSV),
 * fills in and uploads, and the reader that turns the upload into entries and per-cell problems for a dry run.
 *
 * <p>Both formats share one layout (columns A–E: indicator code, name, unit, breakdown, value) and one reader over a
 * small grid abstraction, so a rule such as "an empty breakdown means TOTAL" cannot drift between them. Problems
 * name the cell as Excel shows it ("E7"; in CSV the line number stands for the row) because that is what the person
 * fixing the file looks for.
 *
 * <p>Numbers typed as text are read the Vietnamese way first ("1.234,5") while still accepting "1234.5" and
 * "1,234.5"; a lone separator followed by exactly three digits ("1.234") is refused rather than guessed, since a
 * thousand-fold error in an official figure is worse than asking again.
 *
 * <p>Uploads are untrusted: the size is bounded before parsing, an .xlsx is also bounded by its unpacked size (POI's
 * own zip-bomb ratio check stays on), formulas are never evaluated (only the result Excel cached is read, so external
 * links are never followed), and the old binary .xls and password-protected workbooks are refused with a message
 * saying how to save the file instead.
 */
public final class ValueSheets {

    /** Largest upload read at all. */
    public static final int MAX_BYTES = 2 * 1024 * 1024;
    /** The media types of the two formats, as downloads declare them. */
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

    public static final String CSV_TYPE = "text/csv; charset=UTF-8";
    /** Largest total unpacked size of an .xlsx; a 5 000-row sheet unpacks to a few MiB. */
    static final long MAX_UNPACKED_BYTES = 32L * 1024 * 1024;
    /** Most data rows (rows with an indicator code) in one sheet. */
    static final int MAX_ROWS = 5_000;
    /** The header is looked for within this many rows, so a title or a note above it is allowed. */
    static final int HEADER_SEARCH_ROWS = 10;

    public static final String NOT_A_NUMBER = "reporting.cell.not-a-number";
    public static final String BAD_CODE = "reporting.cell.bad-code";
    public static final String NO_HEADER = "reporting.sheet.no-header";
    public static final String UNREADABLE = "reporting.sheet.unreadable";
    public static final String TOO_LARGE = "reporting.sheet.too-large";
    public static final String TOO_MANY_ROWS = "reporting.sheet.too-many-rows";

    static final List<String> HEADER = List.of("Mã chỉ tiêu", "Tên chỉ tiêu", "Đơn vị", "Phân tổ", "Giá trị");
    private static final int CODE_COLUMN = 0;
    private static final int BREAKDOWN_COLUMN = 3;
    private static final int VALUE_COLUMN = 4;
    private static final String SHEET_NAME = "Số liệu";
    private static final String VALUE_FORMAT = "#,##0.00";
    private static final int[] COLUMN_WIDTHS = {20, 60, 14, 16, 18};

    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9_]{0,39}");
    private static final Pattern NUMBER_SHAPE = Pattern.compile("[0-9]([0-9., ]*[0-9])?");
    private static final Pattern PLAIN_DIGITS = Pattern.compile("[0-9]+");
    private static final Pattern GROUPED_DIGITS = Pattern.compile("[0-9]{1,3}([., ])[0-9]{3}(\\1[0-9]{3})*");
    private static final Pattern THOUSANDS_OR_DECIMAL = Pattern.compile("[1-9][0-9]{0,2}[.,][0-9]{3}");
    private static final int MAX_NUMBER_TEXT = 60;
    private static final int MAX_QUOTED = 40;
    private static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private static final Logger LOG = Logger.getLogger(ValueSheets.class.getName());

    /** One row of the template: an indicator and the breakdown a value is asked for ("TOTAL" for the whole). */
    public record TemplateRow(String indicator, String name, String unit, String breakdown) {}

    /** A value read from the upload, with the cell it came from. */
    public record Entry(String indicator, String breakdown, BigDecimal value, String cell) {}

    /** What is wrong with one cell; {@code code} is stable and localised by the interfaces. */
    public record CellProblem(String cell, String code, String message) {}

    /** The result of reading an upload: what could be read and what must be fixed. */
    public record Sheet(List<Entry> entries, List<CellProblem> problems) {

        public Sheet {
            entries = List.copyOf(entries);
            problems = List.copyOf(problems);
        }

        public boolean hasProblems() {
            return !problems.isEmpty();
        }
    }

    private ValueSheets() {}

    // ---- Templates -------------------------------------------------------------------------------------------

    /** The Excel template: title in row 1, header in row 2 (frozen), one row per template row from row 3. */
    public static byte[] templateXlsx(String title, List<TemplateRow> rows) {
        Objects.requireNonNull(rows, "rows");
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet(SHEET_NAME);
            Styles styles = new Styles(wb);

            Row titleRow = sheet.createRow(0);
            titleRow.setHeightInPoints(30);
            Cell titleCell = titleRow.createCell(0);
            titleCell.setCellValue(title == null ? "" : title);
            titleCell.setCellStyle(styles.title);
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, HEADER.size() - 1));

            Row header = sheet.createRow(1);
            for (int c = 0; c < HEADER.size(); c++) {
                Cell cell = header.createCell(c);
                cell.setCellValue(HEADER.get(c));
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(c, COLUMN_WIDTHS[c] * 256);
            }

            int r = 2;
            for (TemplateRow row : rows) {
                Row line = sheet.createRow(r++);
                text(line, 0, row.indicator(), styles.code);
                text(line, 1, row.name(), styles.text);
                text(line, 2, row.unit(), styles.text);
                text(line, 3, Indicator.TOTAL.equals(row.breakdown()) ? "" : row.breakdown(), styles.code);
                line.createCell(VALUE_COLUMN).setCellStyle(styles.value);
            }

            sheet.createFreezePane(0, 2);
            sheet.setRepeatingRows(CellRangeAddress.valueOf("1:2"));
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            sheet.setFitToPage(true);
            sheet.setActiveCell(new CellAddress(2, VALUE_COLUMN));
            wb.getProperties().getCoreProperties().setTitle(title);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the value sheet template", e);
        }
    }

    /**
     * A plain table as Excel, for exports (a dashboard's figures): title in row 1, header in row 2,
     * numbers as numbers (BigDecimal cells keep their value), text as text.
     */
    public static byte[] tableXlsx(String title, List<String> header, List<List<Object>> rows) {
        try (XSSFWorkbook wb = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = wb.createSheet(SHEET_NAME);
            Styles styles = new Styles(wb);
            Cell titleCell = sheet.createRow(0).createCell(0);
            titleCell.setCellValue(title == null ? "" : title);
            titleCell.setCellStyle(styles.title);
            Row head = sheet.createRow(1);
            for (int c = 0; c < header.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(header.get(c));
                cell.setCellStyle(styles.header);
                sheet.setColumnWidth(c, 20 * 256);
            }
            int r = 2;
            for (List<Object> values : rows) {
                Row line = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Object v = values.get(c);
                    if (v instanceof BigDecimal number) {
                        Cell cell = line.createCell(c);
                        cell.setCellValue(number.doubleValue());
                        cell.setCellStyle(styles.value);
                    } else {
                        text(line, c, v == null ? "" : v.toString(), styles.text);
                    }
                }
            }
            sheet.createFreezePane(0, 2);
            wb.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the table", e);
        }
    }

    /**
     * How our CSV files are written (Apache Commons CSV): RFC 4180, comma-separated, CRLF line ends,
     * fields quoted only where they must be (a separator, a quote, a line break, surrounding space).
     */
    private static final CSVFormat WRITTEN = CSVFormat.RFC4180
            .builder()
            .setRecordSeparator("\r\n")
            .setQuoteMode(QuoteMode.MINIMAL)
            .get();

    /** The same plain table as CSV: UTF-8 with a byte order mark, numbers written plain, text kept from being a formula. */
    public static byte[] tableCsv(List<String> header, List<List<Object>> rows) {
        List<List<String>> records = new ArrayList<>();
        records.add(header);
        for (List<Object> values : rows) {
            records.add(values.stream()
                    .map(v -> v instanceof BigDecimal d ? d.toPlainString() : safeText(v == null ? "" : v.toString()))
                    .toList());
        }
        return csv(records);
    }

    /**
     * The CSV template: UTF-8 with a byte order mark (without it Excel reads the file as the ANSI code page and
     * breaks the diacritics), comma-separated, CRLF line ends, header on line 1.
     */
    public static byte[] templateCsv(List<TemplateRow> rows) {
        Objects.requireNonNull(rows, "rows");
        List<List<String>> records = new ArrayList<>();
        records.add(HEADER);
        for (TemplateRow row : rows) {
            records.add(List.of(
                    row.indicator(),
                    safeText(row.name()),
                    safeText(row.unit()),
                    Indicator.TOTAL.equals(row.breakdown()) ? "" : row.breakdown(),
                    ""));
        }
        return csv(records);
    }

    private static byte[] csv(List<List<String>> records) {
        StringBuilder out = new StringBuilder();
        try (CSVPrinter printer = new CSVPrinter(out, WRITTEN)) {
            for (List<String> record : records) {
                printer.printRecord(record.stream().map(v -> v == null ? "" : v).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot write the CSV file", e); // a StringBuilder does not fail
        }
        return withBom(out);
    }

    private static byte[] withBom(CharSequence csv) {
        byte[] body = csv.toString().getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[UTF8_BOM.length + body.length];
        System.arraycopy(UTF8_BOM, 0, out, 0, UTF8_BOM.length);
        System.arraycopy(body, 0, out, UTF8_BOM.length, body.length);
        return out;
    }

    // ---- Reading -----------------------------------------------------------------------------------------------

    /**
     * Reads an upload without saving anything. An .xlsx is recognised by its name or by the zip signature, a CSV by
     * its name; anything else is unreadable. Never throws for bad content: every defect is a {@link CellProblem}.
     */
    public static Sheet read(byte[] content, String fileName) {
        Objects.requireNonNull(content, "content");
        if (content.length > MAX_BYTES) {
            return failed(
                    TOO_LARGE,
                    String.format(
                            Locale.ROOT,
                            "the file is %.1f MiB; at most %d MiB is accepted",
                            content.length / 1048576.0,
                            MAX_BYTES / (1024 * 1024)));
        }
        String name = fileName == null ? "" : fileName.strip().toLowerCase(Locale.ROOT);
        FileMagic magic = FileMagic.valueOf(content);
        if (magic == FileMagic.OOXML || name.endsWith(".xlsx")) {
            return magic == FileMagic.OLE2 ? failed(UNREADABLE, ole2Reason(content)) : readXlsx(content);
        }
        if (name.endsWith(".csv") && magic != FileMagic.OLE2) {
            return readCsv(content);
        }
        return failed(
                UNREADABLE,
                magic == FileMagic.OLE2
                        ? ole2Reason(content)
                        : "the file is not an Excel workbook (.xlsx) or a CSV file (.csv)");
    }

    private static Sheet readXlsx(byte[] content) {
        long unpacked = unpackedSize(content);
        if (unpacked > MAX_UNPACKED_BYTES) {
            return failed(
                    TOO_LARGE,
                    "the workbook unpacks to more than " + MAX_UNPACKED_BYTES / (1024 * 1024)
                            + " MiB; remove other sheets, pictures and formatting and upload it again");
        }
        // POI signals a damaged package with a zoo of runtime exceptions (POIXMLException, NotOfficeXmlFileException,
        // XmlValueOutOfRangeException, ...); all of them mean the same thing to the person uploading.
        try (XSSFWorkbook wb = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            for (int i = 0; i < wb.getNumberOfSheets(); i++) {
                if (wb.isSheetHidden(i) || wb.isSheetVeryHidden(i)) {
                    continue;
                }
                Grid grid = new XlsxGrid(wb.getSheetAt(i));
                int header = findHeader(grid);
                if (header >= 0) {
                    return readGrid(grid, header);
                }
            }
            return noHeader();
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Uploaded workbook cannot be read", e);
            return failed(UNREADABLE, "the file is damaged or is not an Excel workbook (.xlsx)");
        }
    }

    private static Sheet readCsv(byte[] content) {
        String text;
        try {
            text = StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content))
                    .toString();
        } catch (CharacterCodingException e) {
            LOG.log(Level.FINE, "Uploaded CSV is not UTF-8", e);
            return failed(UNREADABLE, "the CSV file is not in UTF-8; in Excel save it as \"CSV UTF-8\"");
        }
        if (text.indexOf('\0') >= 0) {
            return failed(UNREADABLE, "the file is not a CSV text file");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        char delimiter = csvDelimiter(text);
        List<List<String>> records;
        try {
            records = parseCsv(text, delimiter);
        } catch (UncheckedIOException | IllegalStateException e) {
            LOG.log(Level.FINE, "Uploaded CSV cannot be parsed", e);
            return failed(UNREADABLE, "the file is not a CSV file that can be read");
        }
        Grid grid = new CsvGrid(records, delimiter);
        int header = findHeader(grid);
        return header < 0 ? noHeader() : readGrid(grid, header);
    }

    private static Sheet readGrid(Grid grid, int header) {
        int breakdownColumn = headerColumn(grid, header, HEADER.get(BREAKDOWN_COLUMN), BREAKDOWN_COLUMN);
        int valueColumn = headerColumn(grid, header, HEADER.get(VALUE_COLUMN), VALUE_COLUMN);
        boolean valueIsLast = valueColumn == grid.width(header) - 1;
        List<Entry> entries = new ArrayList<>();
        List<CellProblem> problems = new ArrayList<>();
        int dataRows = 0;
        for (int r = header + 1; r < grid.rowCount(); r++) {
            String code = grid.at(r, CODE_COLUMN).text().strip();
            if (code.isEmpty()) {
                continue;
            }
            if (++dataRows > MAX_ROWS) {
                String cell = cellName(r, CODE_COLUMN);
                return new Sheet(
                        List.of(),
                        List.of(new CellProblem(
                                cell,
                                TOO_MANY_ROWS,
                                cell + ": the sheet has more than " + MAX_ROWS + " rows of data; split it into several"
                                        + " files")));
            }
            boolean usable = true;
            if (!CODE.matcher(code).matches()) {
                String cell = cellName(r, CODE_COLUMN);
                problems.add(new CellProblem(
                        cell,
                        BAD_CODE,
                        cell + ": " + quote(code) + " is not an indicator code"
                                + " (capital letters, digits and _, e.g. RETAIL_TOTAL)"));
                usable = false;
            }
            String breakdown = grid.at(r, breakdownColumn).text().strip();
            if (breakdown.isEmpty()) {
                breakdown = Indicator.TOTAL;
            } else if (!CODE.matcher(breakdown).matches()) {
                String cell = cellName(r, breakdownColumn);
                problems.add(
                        new CellProblem(
                                cell,
                                BAD_CODE,
                                cell + ": " + quote(breakdown)
                                        + " is not a breakdown code (capital letters, digits and _, e.g. URBAN; empty for the total)"));
                usable = false;
            }
            String cell = cellName(r, valueColumn);
            Content raw = grid.at(r, valueColumn);
            Optional<String> spilled = valueIsLast ? grid.spill(r, valueColumn) : Optional.empty();
            if (spilled.isPresent()) {
                problems.add(
                        new CellProblem(
                                cell,
                                NOT_A_NUMBER,
                                cell + ": " + quote(spilled.get())
                                        + " is not a number: in a CSV file a value containing the separator must be in quotes"));
                continue;
            }
            BigDecimal value = switch (raw.kind()) {
                case BLANK -> null;
                case NUMBER -> raw.number();
                case TEXT -> parseNumber(raw.text()).orElse(null);
                case OTHER -> null;
            };
            if (value == null && raw.kind() != Kind.BLANK) {
                problems.add(new CellProblem(cell, NOT_A_NUMBER, notANumber(cell, raw)));
            } else if (value != null && usable) {
                entries.add(new Entry(code, breakdown, value, cell));
            }
        }
        return new Sheet(entries, problems);
    }

    private static String notANumber(String cell, Content raw) {
        String message = cell + ": " + quote(raw.text()) + " is not a number";
        if (raw.kind() == Kind.TEXT
                && THOUSANDS_OR_DECIMAL
                        .matcher(normalizeSpaces(raw.text()).strip().replaceFirst("^[+\\-\u2212]", ""))
                        .matches()) {
            message += ": it could mean thousands or decimals; write thousands without a separator (e.g. 1234)";
        }
        return message;
    }

    /**
     * Reads a number typed as text. When both '.' and ',' occur, the last one is the decimal separator and the other
     * groups thousands ("1.234,5", "1,234.5"); one of them occurring several times groups thousands ("1.234.567");
     * occurring once it is the decimal separator ("1234,5", "0,125"), except before exactly three digits after a
     * short non-zero integer part ("1.234", "12,500"), which Vietnamese and English readers read a thousand-fold
     * apart. Spaces may group thousands too.
     *
     * @return the number (trailing zeros stripped), or empty when the text is not a number or is ambiguous
     */
    static Optional<BigDecimal> parseNumber(String text) {
        String s = normalizeSpaces(text).strip();
        boolean negative = false;
        if (!s.isEmpty() && (s.charAt(0) == '-' || s.charAt(0) == '\u2212' || s.charAt(0) == '+')) {
            negative = s.charAt(0) != '+';
            s = s.substring(1).strip();
        }
        if (s.length() > MAX_NUMBER_TEXT
                || !NUMBER_SHAPE.matcher(s).matches()
                || THOUSANDS_OR_DECIMAL.matcher(s).matches()) {
            return Optional.empty();
        }
        int dot = s.lastIndexOf('.');
        int comma = s.lastIndexOf(',');
        String integer = s;
        String fraction = "";
        int separator = Math.max(dot, comma);
        if (separator >= 0) {
            char decimal = s.charAt(separator);
            boolean both = dot >= 0 && comma >= 0;
            boolean once = s.indexOf(decimal) == separator;
            if (both && !once) {
                return Optional.empty();
            }
            if (once) {
                integer = s.substring(0, separator);
                fraction = s.substring(separator + 1);
            }
        }
        String digits;
        if (PLAIN_DIGITS.matcher(integer).matches()) {
            digits = integer;
        } else if (GROUPED_DIGITS.matcher(integer).matches()) {
            digits = integer.replaceAll("[., ]", "");
        } else {
            return Optional.empty();
        }
        if (!fraction.isEmpty() && !PLAIN_DIGITS.matcher(fraction).matches()) {
            return Optional.empty();
        }
        BigDecimal value = new BigDecimal(fraction.isEmpty() ? digits : digits + "." + fraction);
        return Optional.of(normalize(negative ? value.negate() : value));
    }

    private static BigDecimal normalize(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }

    private static int findHeader(Grid grid) {
        String wanted = SearchText.fold(HEADER.get(CODE_COLUMN));
        for (int r = 0; r < Math.min(HEADER_SEARCH_ROWS, grid.rowCount()); r++) {
            if (SearchText.fold(grid.at(r, CODE_COLUMN).text()).equals(wanted)) {
                return r;
            }
        }
        return -1;
    }

    /** Finds a column by its header text, so a column the agency inserted does not shift the values read. */
    private static int headerColumn(Grid grid, int header, String title, int fallback) {
        String wanted = SearchText.fold(title);
        for (int c = 0; c < Math.min(grid.width(header), 100); c++) {
            if (SearchText.fold(grid.at(header, c).text()).equals(wanted)) {
                return c;
            }
        }
        return fallback;
    }

    private static String normalizeSpaces(String s) {
        return s.replace('\u00A0', ' ').replace('\u202F', ' ').replace('\u2009', ' ');
    }

    private static long unpackedSize(byte[] content) {
        long total = 0;
        byte[] buffer = new byte[16 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    total += n;
                    if (total > MAX_UNPACKED_BYTES) {
                        return total;
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            // Left to POI, which reports the damage and keeps its own zip-bomb check.
            LOG.log(Level.FINE, "Cannot measure the unpacked size of an uploaded workbook", e);
        }
        return total;
    }

    private static String ole2Reason(byte[] content) {
        try (POIFSFileSystem fs = new POIFSFileSystem(new ByteArrayInputStream(content))) {
            if (fs.getRoot().hasEntry(Decryptor.DEFAULT_POIFS_ENTRY)) {
                return "the workbook is protected by a password; remove the password and upload it again";
            }
        } catch (IOException | RuntimeException e) {
            LOG.log(Level.FINE, "Cannot inspect an uploaded OLE2 file", e);
        }
        return "this is an old Excel 97-2003 (.xls) file; save it as Excel Workbook (.xlsx) and upload it again";
    }

    private static Sheet failed(String code, String reason) {
        return new Sheet(List.of(), List.of(new CellProblem("A1", code, "A1: " + reason)));
    }

    private static Sheet noHeader() {
        return failed(
                NO_HEADER,
                "no header row starting with '" + HEADER.get(CODE_COLUMN) + "' in the first " + HEADER_SEARCH_ROWS
                        + " rows; use the template of the reporting regime");
    }

    static String cellName(int row, int column) {
        return CellReference.convertNumToColString(column) + (row + 1);
    }

    private static String quote(String text) {
        String shown = text.length() > MAX_QUOTED ? text.substring(0, MAX_QUOTED) + "…" : text;
        return "'" + shown + "'";
    }

    // ---- CSV ---------------------------------------------------------------------------------------------------

    /** Keeps Excel from taking free text such as "- Trong đó" or "=…" for a formula when it opens the CSV. */
    private static String safeText(String value) {
        return value != null && !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }

    /**
     * Excel saves "CSV" with the list separator of the user's regional settings, which is ';' where the decimal
     * separator is ',' (as in Vietnam); the header line tells which one this file uses.
     */
    private static char csvDelimiter(String text) {
        String wanted = SearchText.fold(HEADER.get(CODE_COLUMN));
        String[] lines = text.split("\r\n|\r|\n", HEADER_SEARCH_ROWS + 1);
        for (int i = 0; i < Math.min(HEADER_SEARCH_ROWS, lines.length); i++) {
            if (SearchText.fold(lines[i].replace("\"", "")).startsWith(wanted)) {
                char best = ',';
                long bestCount = lines[i].chars().filter(ch -> ch == ',').count();
                for (char candidate : new char[] {';', '\t'}) {
                    long count = lines[i].chars().filter(ch -> ch == candidate).count();
                    if (count > bestCount) {
                        best = candidate;
                        bestCount = count;
                    }
                }
                return best;
            }
        }
        return ',';
    }

    /**
     * RFC 4180 records (Apache Commons CSV), one per line as the spreadsheet program numbers them — empty lines
     * are kept, so a cell is named by its line; lenient about text after a closing quote and about a quote left
     * open at the end, as spreadsheet programs are.
     */
    static List<List<String>> parseCsv(String text, char delimiter) {
        CSVFormat format = CSVFormat.RFC4180
                .builder()
                .setDelimiter(delimiter)
                .setIgnoreEmptyLines(false)
                .setTrailingData(true)
                .setLenientEof(true)
                .get();
        List<List<String>> records = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(text, format)) {
            for (CSVRecord record : parser) {
                records.add(record.toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e); // a String does not fail to read
        }
        return records;
    }

    // ---- The grid both formats are read through ----------------------------------------------------------------

    private enum Kind {
        BLANK,
        TEXT,
        NUMBER,
        OTHER
    }

    /** A cell as read: its text as the user sees it, and its number when the cell holds a genuine one. */
    private record Content(Kind kind, String text, BigDecimal number) {

        static final Content BLANK = new Content(Kind.BLANK, "", null);

        static Content text(String text) {
            return text == null || text.isBlank() ? BLANK : new Content(Kind.TEXT, text, null);
        }
    }

    private interface Grid {

        int rowCount();

        int width(int row);

        Content at(int row, int column);

        /**
         * The text of a CSV line from {@code column} on, when fields follow it: "103,1" typed without quotes in a
         * comma-separated file arrives as two fields, and reading only the first would be off by a factor.
         */
        default Optional<String> spill(int row, int column) {
            return Optional.empty();
        }
    }

    private record CsvGrid(List<List<String>> records, char delimiter) implements Grid {

        @Override
        public int rowCount() {
            return records.size();
        }

        @Override
        public int width(int row) {
            return records.get(row).size();
        }

        @Override
        public Content at(int row, int column) {
            List<String> record = records.get(row);
            return column < record.size() ? Content.text(record.get(column)) : Content.BLANK;
        }

        @Override
        public Optional<String> spill(int row, int column) {
            List<String> record = records.get(row);
            if (record.size() <= column + 1
                    || record.subList(column + 1, record.size()).stream().allMatch(String::isBlank)) {
                return Optional.empty();
            }
            return Optional.of(String.join(String.valueOf(delimiter), record.subList(column, record.size()))
                    .strip());
        }
    }

    /** Reads cells as stored: a formula cell yields the result Excel cached when it saved the file. */
    private static final class XlsxGrid implements Grid {

        private final org.apache.poi.ss.usermodel.Sheet sheet;
        private final DataFormatter formatter = new DataFormatter(Locale.ROOT);

        XlsxGrid(org.apache.poi.ss.usermodel.Sheet sheet) {
            this.sheet = sheet;
        }

        @Override
        public int rowCount() {
            return sheet.getLastRowNum() + 1;
        }

        @Override
        public int width(int row) {
            Row r = sheet.getRow(row);
            return r == null ? 0 : Math.max(0, r.getLastCellNum());
        }

        @Override
        public Content at(int row, int column) {
            Row r = sheet.getRow(row);
            Cell cell = r == null ? null : r.getCell(column);
            if (cell == null) {
                return Content.BLANK;
            }
            CellType type =
                    cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
            return switch (type) {
                case STRING -> Content.text(cell.getStringCellValue());
                case NUMERIC -> number(cell);
                case BOOLEAN -> new Content(Kind.OTHER, cell.getBooleanCellValue() ? "TRUE" : "FALSE", null);
                case ERROR ->
                    new Content(
                            Kind.OTHER,
                            FormulaError.forInt(cell.getErrorCellValue()).getString(),
                            null);
                default -> Content.BLANK;
            };
        }

        private Content number(Cell cell) {
            double d = cell.getNumericCellValue();
            CellStyle style = cell.getCellStyle();
            String shown = formatter.formatRawCellContents(d, style.getDataFormat(), style.getDataFormatString());
            if (!Double.isFinite(d) || DateUtil.isCellDateFormatted(cell)) {
                return new Content(Kind.OTHER, shown, null);
            }
            // Double.toString gives the shortest decimal that round-trips, so 0.1 stays 0.1 rather than
            // 0.1000000000000000055511151231257827.
            return new Content(Kind.NUMBER, shown, normalize(new BigDecimal(Double.toString(d))));
        }
    }

    // ---- Template styling ------------------------------------------------------------------------------------

    private static void text(Row row, int column, String value, CellStyle style) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value == null ? "" : value);
        cell.setCellStyle(style);
    }

    private static final class Styles {

        final CellStyle title;
        final CellStyle header;
        final CellStyle code;
        final CellStyle text;
        final CellStyle value;

        Styles(XSSFWorkbook wb) {
            Font titleFont = wb.createFont();
            titleFont.setBold(true);
            titleFont.setFontHeightInPoints((short) 14);
            title = wb.createCellStyle();
            title.setFont(titleFont);
            title.setVerticalAlignment(VerticalAlignment.CENTER);

            Font bold = wb.createFont();
            bold.setBold(true);
            header = bordered(wb);
            header.setFont(bold);
            header.setWrapText(true);
            header.setFillForegroundColor(IndexedColors.GREY_25_PERCENT.getIndex());
            header.setFillPattern(FillPatternType.SOLID_FOREGROUND);

            code = bordered(wb);
            text = bordered(wb);
            text.setWrapText(true);

            value = bordered(wb);
            value.setDataFormat(wb.createDataFormat().getFormat(VALUE_FORMAT));
            value.setFillForegroundColor(IndexedColors.LIGHT_YELLOW.getIndex());
            value.setFillPattern(FillPatternType.SOLID_FOREGROUND);
            value.setLocked(false);
        }

        private static CellStyle bordered(XSSFWorkbook wb) {
            CellStyle style = wb.createCellStyle();
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
            style.setVerticalAlignment(VerticalAlignment.TOP);
            return style;
        }
    }
}
