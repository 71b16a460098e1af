package vn.egov.portal.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;

class SettlementCsvTest {

    @Test
    void theDaysReportHasARowPerPayeeAccountAndServiceTypeAndATotalThatAddsUp() throws IOException {
        String csv = SettlementCsv.write(
                LocalDate.of(2026, 12, 4),
                List.of(
                        new SettlementCsv.Row("0011", "970436", "KBNN Nghệ An, \"thu phí\"", 2, 3, 24_000),
                        new SettlementCsv.Row("0011", "970436", "KBNN Nghệ An, \"thu phí\"", 1, 1, 1_500_000),
                        new SettlementCsv.Row("0022", "970418", "KBNN Vinh", 2, 2, 400_000)));
        List<CSVRecord> records = CSVFormat.DEFAULT.parse(new StringReader(csv)).getRecords();
        assertEquals(5, records.size());
        assertEquals(SettlementCsv.HEADER, records.get(0).toList());
        assertEquals("KBNN Nghệ An, \"thu phí\"", records.get(1).get(3), "quotes and commas survive");
        assertEquals("Phạt vi phạm hành chính", records.get(2).get(5));
        long sum = records.subList(1, 4).stream()
                .mapToLong(r -> Long.parseLong(r.get(7)))
                .sum();
        CSVRecord total = records.get(4);
        assertEquals("TONG", total.get(1));
        assertEquals("6", total.get(6));
        assertEquals(sum, Long.parseLong(total.get(7)));
        assertEquals(1_924_000, sum);
    }

    @Test
    void aDayWithoutPaymentsHasOnlyTheHeaderAndAZeroTotal() throws IOException {
        List<CSVRecord> records = CSVFormat.DEFAULT
                .parse(new StringReader(SettlementCsv.write(LocalDate.of(2026, 1, 1), List.of())))
                .getRecords();
        assertEquals(2, records.size());
        assertEquals(
                List.of("2026-01-01", "TONG", "", "", "", "", "0", "0"),
                records.get(1).toList());
    }
}
