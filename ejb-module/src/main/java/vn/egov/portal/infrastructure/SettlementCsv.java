package vn.egov.portal.infrastructure;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * Báo cáo đối soát ngày — the daily settlement report of online payments as CSV: one row per payee
 * account and service type ({@code MaDichVu} 1 fines, 2 procedure fees) with the number of
 * payments collected that day and their total in đồng, then a total row, so the report adds up to
 * what the accounts received.
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
            long count = 0;
            long total = 0;
            for (Row row : rows) {
                printer.printRecord(
                        day,
                        row.account(),
                        row.bank(),
                        row.name(),
                        row.serviceKind(),
                        row.serviceKind() == 1 ? "Phạt vi phạm hành chính" : "Phí, lệ phí thủ tục hành chính",
                        row.count(),
                        row.total());
                count += row.count();
                total += row.total();
            }
            printer.printRecord(day, "TONG", "", "", "", "", count, total);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }
}
