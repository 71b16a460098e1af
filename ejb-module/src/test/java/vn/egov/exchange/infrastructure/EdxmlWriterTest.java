package vn.egov.exchange.infrastructure;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import vn.egov.exchange.application.OutgoingDocument;
import vn.egov.exchange.application.StatusMessage;
import vn.egov.exchange.domain.model.BusinessType;
import vn.egov.exchange.domain.model.Delivery;
import vn.egov.exchange.domain.model.DeliveryStatus;
import vn.egov.exchange.domain.model.ExchangeDocument;
import vn.egov.exchange.domain.model.SignatureStatus;
import vn.egov.exchange.domain.model.StatusEntry;
import vn.egov.exchange.domain.model.Urgency;

/** What /vxp hands out when there is no package as sent: read back by the axis's own readers, unchanged. */
class EdxmlWriterTest {

    @TempDir
    Path storeDir;

    private static final byte[] FILE = "kế hoạch".getBytes(StandardCharsets.UTF_8);

    private static ExchangeDocument document() {
        ExchangeDocument d = new ExchangeDocument(
                new ExchangeDocument.Header(
                        "000.00.00.H41,2026/11/20,12/UBND-VX",
                        "12",
                        "UBND-VX",
                        1,
                        "Kế hoạch",
                        "Kế hoạch phòng chống dịch & <bão>",
                        null,
                        "Vinh",
                        LocalDate.of(2026, 11, 20),
                        "KT. CHỦ TỊCH",
                        null,
                        "Nguyễn Văn A",
                        LocalDate.of(2026, 11, 30),
                        Urgency.URGENT,
                        null,
                        BusinessType.NEW,
                        null,
                        null),
                "000.00.00.H41",
                "UBND tỉnh Nghệ An",
                "0".repeat(64),
                SignatureStatus.values()[0],
                null,
                "clerk.h41",
                OffsetDateTime.of(2026, 11, 20, 8, 0, 0, 0, ZoneOffset.ofHours(7)));
        d.addAttachment("cid:kh", "kehoach.txt", "text/plain", FILE.length, vn.egov.common.Digests.sha256Hex(FILE));
        return d;
    }

    @Test
    void aJsonSentDocumentReadsBackWithItsValuesAndAttachment() {
        ExchangeDocument d = document();
        byte[] xml = EdxmlWriter.document(d, List.of("000.00.00.G22"), sha -> new ByteArrayInputStream(FILE));
        OutgoingDocument read = new EdxmlReader(
                        new vn.egov.common.infrastructure.AttachmentStore(storeDir),
                        new EdxmlReader.Limits(1 << 20, 1 << 20, 5, 32))
                .read(new ByteArrayInputStream(xml));
        assertEquals("000.00.00.H41", read.senderCode());
        assertEquals(List.of("000.00.00.G22"), read.recipients());
        assertEquals(d.getDocumentId(), read.header().documentId());
        assertEquals("Kế hoạch phòng chống dịch & <bão>", read.header().subject());
        assertEquals(LocalDate.of(2026, 11, 30), read.header().dueDate());
        assertEquals(Urgency.URGENT, read.header().urgency());
        assertEquals("KT. CHỦ TỊCH", read.header().signerCompetence());
        assertEquals("kehoach.txt", read.attachments().get(0).name());
        try (InputStream in = new vn.egov.common.infrastructure.AttachmentStore(storeDir)
                .open(read.attachments().get(0).content().sha256())) {
            assertArrayEquals(FILE, in.readAllBytes());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void aStatusChangeReadsBackAsTheStatusMessageRealClientsSend() {
        ExchangeDocument d = document();
        Delivery delivery = d.addDelivery("000.00.00.G22", "Văn phòng Chính phủ", 1);
        StatusEntry entry = delivery.report(
                DeliveryStatus.ARRIVED,
                new StatusEntry.Details(
                        "Đã nhận văn bản", "qlvb-g22", "Phòng Văn thư", "Lê Thị Văn Thư", "vt@chinhphu.vn", "0912"),
                OffsetDateTime.of(2026, 11, 21, 1, 2, 3, 0, ZoneOffset.UTC));
        byte[] xml = EdxmlWriter.status(entry, new EdxmlWriter.Names("000.00.00.G22", "Văn phòng Chính phủ"));
        StatusMessage message = new EdxmlStatusReader(32).read(new ByteArrayInputStream(xml));
        assertEquals("000.00.00.G22", message.fromCode());
        assertEquals("01", message.statusCode());
        assertEquals(d.getDocumentId(), message.responseForDocumentId());
        assertEquals("000.00.00.H41", message.responseForOrganId());
        assertEquals("Đã nhận văn bản", message.description());
        assertEquals("Lê Thị Văn Thư", message.staffName());
        assertEquals("Phòng Văn thư", message.staffDepartment());
        assertEquals(
                OffsetDateTime.of(2026, 11, 21, 1, 2, 3, 0, ZoneOffset.UTC).toInstant(),
                message.timestamp().toInstant());
        assertEquals("000.00.00.H41", entry.getNoticeTo(), "announced to the document's sender");
    }
}
