package vn.egov.portal.infrastructure;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import vn.egov.reporting.infrastructure.ValueSheets;

/**
 * Báo cáo đối soát ngày — the daily settlement report of online payments as CSV: one row per payee
 * account and service type ({@code MaDichVu} 1 fines, 2 procedure fees) with the number of
 * payments collected that day and their total in đồng, then a total row, so the report adds up to
 * what the accounts received. The same table as Excel ({@link #xlsx}) for the accountants who reconcile in a
 * spreadsheet: counts and amounts are number cells there, so the sheet sums them.
 */
public final class SettlementCsv {

    /** The header, in the order of the columns. */
    public static final List<String> HEADER = List.of(
            "Ngay", "TKThuHuong", "MaNHThuHuong", "TenTKThuHuong", "MaDichVu", "LoaiDichVu", "SoGiaoDich", "TongTien");

    private SettlementCsv() {}

    /** One payee account and service type of a day. */
    public record Row(String account, String bank, String name, int serviceKind, long count, long total) {}

    public static String write(LocalDate day, List<Row> rows) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(
                out, CSVFormat.DEFAULT.builder().setRecordSeparator("\r\n").build())) {
            printer.printRecord(HEADER);
            for (List<Object> record : table(day, rows)) {
                printer.printRecord(record);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    /** The report as an Excel workbook: a title, the same header and rows, and the total row. */
    public static byte[] xlsx(LocalDate day, List<Row> rows) {
        return ValueSheets.tableXlsx(
                "Báo cáo đối soát thanh toán trực tuyến ngày " + day.format(DateTimeFormatter.ofPattern("dd/MM/yyyy")),
                HEADER,
                table(day, rows));
    }

    /** The rows of the report, then the total: counts and amounts as numbers. */
    private static List<List<Object>> table(LocalDate day, List<Row> rows) {
        List<List<Object>> table = new ArrayList<>();
        long count = 0;
        long total = 0;
        for (Row row : rows) {
            table.add(List.of(
                    day.toString(),
                    row.account(),
                    row.bank(),
                    row.name(),
                    String.valueOf(row.serviceKind()),
                    row.serviceKind() == 1 ? "Phạt vi phạm hành chính" : "Phí, lệ phí thủ tục hành chính",
                    BigDecimal.valueOf(row.count()),
                    BigDecimal.valueOf(row.total())));
            count += row.count();
            total += row.total();
        }
        table.add(
                List.of(day.toString(), "TONG", "", "", "", "", BigDecimal.valueOf(count), BigDecimal.valueOf(total)));
        return table;
    }
}
