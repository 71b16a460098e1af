package vn.egov.portal.infrastructure;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
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

    @Test
    void theExcelReportHoldsTheSameRowsWithCountsAndAmountsAsNumbers() throws IOException {
        List<SettlementCsv.Row> rows = List.of(
                new SettlementCsv.Row("0011", "970436", "KBNN Nghệ An", 2, 3, 24_000),
                new SettlementCsv.Row("0022", "970418", "KBNN Vinh", 1, 2, 3_000_000));
        try (XSSFWorkbook book =
                new XSSFWorkbook(new ByteArrayInputStream(SettlementCsv.xlsx(LocalDate.of(2026, 12, 4), rows)))) {
            Sheet sheet = book.getSheetAt(0);
            assertEquals(
                    "Báo cáo đối soát thanh toán trực tuyến ngày 04/12/2026",
                    sheet.getRow(0).getCell(0).getStringCellValue());
            Row header = sheet.getRow(1);
            for (int c = 0; c < SettlementCsv.HEADER.size(); c++) {
                assertEquals(SettlementCsv.HEADER.get(c), header.getCell(c).getStringCellValue());
            }
            assertEquals("KBNN Nghệ An", sheet.getRow(2).getCell(3).getStringCellValue());
            assertEquals("Phạt vi phạm hành chính", sheet.getRow(3).getCell(5).getStringCellValue());
            Row total = sheet.getRow(4);
            assertEquals("TONG", total.getCell(1).getStringCellValue());
            assertEquals(CellType.NUMERIC, total.getCell(7).getCellType(), "amounts are numbers the sheet can sum");
            assertEquals(5.0, total.getCell(6).getNumericCellValue());
            assertEquals(3_024_000.0, total.getCell(7).getNumericCellValue());
            assertEquals(
                    sheet.getRow(2).getCell(7).getNumericCellValue()
                            + sheet.getRow(3).getCell(7).getNumericCellValue(),
                    total.getCell(7).getNumericCellValue());
            assertEquals(4, sheet.getLastRowNum(), "title, header, two rows and the total");
        }
    }
}
