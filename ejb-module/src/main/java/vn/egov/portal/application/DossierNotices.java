package vn.egov.portal.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import vn.egov.portal.domain.model.Dossier;
import vn.egov.portal.domain.model.DossierNotification;
import vn.egov.portal.domain.model.DossierStatus;

/**
 * Writes the e-mail that tells an applicant their dossier changed status, in the transaction that
 * changed it (the outbox {@link DossierNotification}); the sender delivers it afterwards through
 * the platform's mail session. Every path that changes a dossier's status — a portal action, an
 * officer's decision, a one-stop system's sync — calls {@link #statusChanged}, so no change goes
 * unannounced. Texts are Vietnamese, the applicant's language on the national portal.
 *
 * <p>Not a public entry point: it runs only inside the caller's transaction ({@code MANDATORY}) and
 * is called by the portal's own services, never by the web layer.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.MANDATORY)
public class DossierNotices {

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("HH:mm 'ngày' dd/MM/yyyy");

    @PersistenceContext
    private EntityManager em;

    /**
     * Queues the notice of {@code dossier}'s new status (already set), if the applicant gave an
     * e-mail address. Called with the PermitAll default of a package-internal helper: it writes only
     * the applicant's own notice, in a transaction a service already authorised.
     */
    @PermitAll
    public void statusChanged(Dossier dossier, OffsetDateTime at) {
        String email = dossier.getEmail();
        if (email == null || email.isBlank() || !email.contains("@")) {
            return;
        }
        em.persist(new DossierNotification(dossier, email, subject(dossier), body(dossier, at), at));
    }

    static String subject(Dossier dossier) {
        return "Hồ sơ " + dossier.getCode() + ": " + label(dossier.getStatus());
    }

    static String body(Dossier dossier, OffsetDateTime at) {
        StringBuilder text = new StringBuilder();
        String name = dossier.getApplicantName();
        text.append("Kính gửi ")
                .append(name == null || name.isBlank() ? "Ông/Bà" : name)
                .append(",\n\n");
        text.append("Hồ sơ ")
                .append(dossier.getCode())
                .append(" (")
                .append(dossier.getProcedureName())
                .append(") đã chuyển sang trạng thái: ")
                .append(label(dossier.getStatus()))
                .append(", lúc ")
                .append(WHEN.format(at.atZoneSameInstant(VIETNAM)))
                .append(".\n");
        text.append("Đơn vị xử lý: ").append(dossier.getHandlingUnit()).append(".\n");
        if (dossier.getStatus() == DossierStatus.SUPPLEMENT_REQUESTED) {
            text.append("Đề nghị Ông/Bà bổ sung giấy tờ theo yêu cầu trên Cổng dịch vụ công.\n");
        } else if (!dossier.getStatus().isFinal()) {
            text.append("Ngày hẹn trả kết quả: ")
                    .append(WHEN.format(dossier.getDueAt().atZoneSameInstant(VIETNAM)))
                    .append(".\n");
        }
        text.append("\nTra cứu hồ sơ trên Cổng dịch vụ công bằng mã hồ sơ.\n");
        text.append("Thư này được gửi tự động, xin không trả lời.\n");
        return text.toString();
    }

    /** The status's Vietnamese name as the national portal writes it (DOMAIN.md §5). */
    public static String label(DossierStatus status) {
        return switch (status) {
            case SUBMITTED -> "Mới đăng ký";
            case ACCEPTED -> "Được tiếp nhận";
            case REFUSED -> "Không được tiếp nhận";
            case PROCESSING -> "Đang xử lý";
            case SUPPLEMENT_REQUESTED -> "Yêu cầu bổ sung giấy tờ";
            case PAYMENT_REQUESTED -> "Yêu cầu thực hiện nghĩa vụ tài chính";
            case WITHDRAWN -> "Công dân yêu cầu rút hồ sơ";
            case STOPPED -> "Dừng xử lý";
            case FINISHED -> "Đã xử lý xong";
            case RETURNED -> "Đã trả kết quả";
        };
    }
}
