package vn.egov.portal.application;

import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.Timestamps;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.directory.domain.model.Role;
import vn.egov.portal.application.PaymentViews.Bill;
import vn.egov.portal.application.PaymentViews.BillLine;
import vn.egov.portal.application.PaymentViews.ConfirmAnswer;
import vn.egov.portal.application.PaymentViews.PaymentView;
import vn.egov.portal.application.PaymentViews.Receipt;
import vn.egov.portal.application.PaymentViews.Started;
import vn.egov.portal.domain.model.Dossier;
import vn.egov.portal.domain.model.DossierSource;
import vn.egov.portal.domain.model.DossierStatus;
import vn.egov.portal.domain.model.DossierStep;
import vn.egov.portal.domain.model.Payment;
import vn.egov.portal.domain.model.PaymentLine;
import vn.egov.portal.domain.model.PaymentState;
import vn.egov.portal.infrastructure.PaymentPlatform;
import vn.egov.portal.infrastructure.PaymentReceiptPdf;
import vn.egov.portal.infrastructure.SettlementCsv;

/**
 * Thanh toán trực tuyến phí, lệ phí: what a dossier owes and its payment through the payment
 * platform (PORTAL-SHARING.md A.5). A dossier in status 6 owes the fees of its procedure's online
 * channel (the lines with an amount; "miễn" lines are left out), to the payee account configured
 * for its agency ({@code egov.portal.payment.payee.<agency code>}, else
 * {@code egov.portal.payment.payee.default}: {@code account|bank code|account name}). The citizen
 * starts a payment ({@link #pay}: INIT, answered with the URL where they pay); the platform's
 * confirm ({@link #confirm}) or the reconciliation job's check ({@link #reconcile}) settles it.
 * When it is paid the dossier moves 6 → 4 with one step and its notice, and the e-receipt is
 * written and stored, all in the transaction that learnt of the payment.
 *
 * <p>The confirm is authenticated by its checksum alone (the platform has no token of ours): a
 * wrong one is refused before anything is read. It is idempotent on {@code MaThamChieu}: a
 * repeated confirm of the same outcome answers success and changes nothing; one that contradicts
 * the settled outcome is refused ({@code portal.payment.already-settled}).
 */
@Stateless
public class PortalPayments {

    private static final Logger LOG = Logger.getLogger(PortalPayments.class.getName());
    static final String NOT_FOUND = "portal.payment.not-found";
    private static final String PORTAL_UNIT = "Cổng dịch vụ công";
    private static final int MAX_PER_ROUND = 500;
    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private PortalDossiers dossiers;

    @Inject
    private ProcedureCatalogue catalogue;

    @Inject
    private PaymentPlatform platform;

    @Inject
    private DossierNotices notices;

    @Inject
    @ConfigProperty(name = "egov.portal.payment.expiry-seconds", defaultValue = "259200")
    private long expirySeconds;

    @Inject
    @ConfigProperty(name = "egov.portal.payment.reconcile.min-age-seconds", defaultValue = "1800")
    private long minAgeSeconds;

    @Inject
    @ConfigProperty(name = "egov.portal.payment.reconcile.max-age-seconds", defaultValue = "259200")
    private long maxAgeSeconds;

    // ------------------------------------------------------------------ the citizen

    /** What one of the citizen's dossiers owes, and its payments; anyone else's is 404. */
    @RolesAllowed(Role.CITIZEN_ROLE)
    public Bill bill(String code) {
        return bill(own(code));
    }

    /**
     * Starts paying what the dossier owes: a new payment, its INIT sent to the platform, answered
     * with the address where the citizen pays. An open payment whose address is still valid is
     * answered again instead of a second one; a pending one (the bank has not answered) refuses a
     * new one ({@code portal.payment.pending}), so nobody pays twice. An init the platform refuses
     * is recorded as failed and answered without an address.
     */
    @RolesAllowed(Role.CITIZEN_ROLE)
    public Started pay(String code, String ip) {
        Dossier dossier = own(code);
        em.lock(dossier, LockModeType.PESSIMISTIC_WRITE);
        if (dossier.getStatus() != DossierStatus.PAYMENT_REQUESTED) {
            throw DomainException.conflict(
                    "portal.payment.not-requested", "dossier " + code + " is not waiting for a payment");
        }
        OffsetDateTime now = Timestamps.now();
        if (paidSince(dossier)) {
            throw DomainException.conflict("portal.payment.already-paid", "dossier " + code + " is paid");
        }
        for (Payment open : payments(dossier)) {
            if (open.getState() == PaymentState.PENDING && !open.isExpiredAt(now)) {
                throw DomainException.conflict(
                        "portal.payment.pending", "a payment of dossier " + code + " waits for the bank's answer");
            }
            if (open.getState() == PaymentState.INITIATED && !open.isExpiredAt(now)) {
                return new Started(open.getReference(), open.getPaymentUrl(), null);
            }
        }
        List<PaymentLine> lines = lines(dossier);
        if (lines.isEmpty()) {
            throw DomainException.invalid("portal.payment.nothing-owed", "dossier " + code + " owes nothing");
        }
        String[] payee = payee(dossier.getAgencyCode());
        Payment payment =
                new Payment(dossier, lines, payee[0], payee[1], payee[2], now, now.plusSeconds(expirySeconds));
        if (byReference(payment.getReference()).isPresent()) {
            throw DomainException.conflict(
                    "portal.payment.in-progress", "a payment of dossier " + code + " was just started");
        }
        em.persist(payment);
        em.flush();
        PaymentPlatform.InitAnswer answer = platform.init(new PaymentPlatform.Init(
                payment.getReference(),
                payment.getAmount(),
                description(dossier),
                now,
                ip,
                receiptData(dossier, payment)));
        if (answer.accepted()) {
            payment.initiated(answer.paymentUrl(), now);
            return new Started(payment.getReference(), answer.paymentUrl(), null);
        }
        LOG.warning("the payment platform refused the init of " + payment.getReference() + ": " + answer.error());
        payment.failed(answer.error(), now);
        return new Started(payment.getReference(), null, answer.error());
    }

    /** The e-receipt of a paid payment of one of the citizen's dossiers. */
    @RolesAllowed(Role.CITIZEN_ROLE)
    public Receipt receipt(String code, String reference) {
        Dossier dossier = own(code);
        Payment payment = byReference(reference)
                .filter(p -> p.getDossier().getId().equals(dossier.getId()) && p.getReceiptPdf() != null)
                .orElseThrow(
                        () -> DomainException.notFound("portal.payment.receipt-not-found", "no receipt " + reference));
        return new Receipt(payment.getReceiptNumber(), payment.getReference(), payment.getReceiptPdf());
    }

    // ------------------------------------------------------------------ the payment platform

    /**
     * The platform's confirm call. Refused, changing nothing: a wrong checksum
     * ({@code portal.payment.checksum-invalid}, 403), another message type or partner
     * ({@code portal.payment.message-invalid}), an unknown reference ({@code portal.payment.not-found}),
     * an amount or currency other than the bill's ({@code portal.payment.amount-mismatch}), an outcome
     * that contradicts the one already settled ({@code portal.payment.already-settled}). {@code PermitAll}:
     * the checksum under the shared secret is the credential.
     */
    @PermitAll
    public ConfirmAnswer confirm(PaymentPlatform.Confirm confirm) {
        if (!platform.verifies(confirm)) {
            throw DomainException.forbidden("portal.payment.checksum-invalid", "MaXacThuc does not match the message");
        }
        if (!platform.confirmType().equals(confirm.type())
                || !platform.partnerCode().equals(confirm.partner())) {
            throw DomainException.invalid(
                    "portal.payment.message-invalid", "not a confirm for partner " + platform.partnerCode());
        }
        Payment payment = byReference(confirm.reference())
                .orElseThrow(() -> DomainException.notFound(NOT_FOUND, "no payment " + confirm.reference()));
        em.lock(payment, LockModeType.PESSIMISTIC_WRITE);
        em.refresh(payment);
        if (!Objects.equals(Long.toString(payment.getAmount()), confirm.amount())
                || !"VND".equals(confirm.currency())) {
            throw DomainException.invalid(
                    "portal.payment.amount-mismatch",
                    "payment " + payment.getReference() + " is " + payment.getAmount() + " VND, not " + confirm.amount()
                            + " " + confirm.currency());
        }
        boolean paid = "00".equals(confirm.error());
        OffsetDateTime now = Timestamps.now();
        PaymentState state = payment.getState();
        boolean repeated = (state.isSettledPaid()
                        && paid
                        && Objects.equals(confirm.transaction(), payment.getPlatformTransaction()))
                || (state == PaymentState.FAILED && !paid);
        if (!repeated) {
            if (state.isSettledPaid() || state == PaymentState.FAILED) {
                throw DomainException.conflict(
                        "portal.payment.already-settled", "payment " + payment.getReference() + " is already " + state);
            }
            if (paid) {
                settlePaid(payment, confirm.transaction(), confirm.bank(), now);
            } else {
                payment.failed("MaLoi " + confirm.error(), now);
            }
        }
        String time = PaymentPlatform.time(now);
        return new ConfirmAnswer(
                "00",
                "Thành công",
                platform.partnerCode(),
                payment.getReference(),
                time,
                platform.answerChecksum("00", payment.getReference(), time));
    }

    /**
     * The bill look-up real portals call ({@code dptracuuthanhtoanhs}): error_code −1 for a dossier
     * that is unknown (or another agency's), 0 with an empty message when nothing is owed or it is
     * paid, 1 with the bill's receipt fields. For one-stop systems and officers of the dossier's agency.
     */
    @RolesAllowed({Role.ONE_STOP_SYSTEM_ROLE, Role.ONE_STOP_OFFICER_ROLE})
    public JsonObject billLookup(String code) {
        Caller caller = callers.current().requireAgency("portal.officer.agency-required", "look up bills");
        Dossier dossier = code == null || code.isBlank()
                ? null
                : em.createQuery("SELECT d FROM Dossier d WHERE d.code = :code", Dossier.class)
                        .setParameter("code", code.strip())
                        .getResultStream()
                        .findFirst()
                        .orElse(null);
        if (dossier == null || !dossier.getAgencyCode().equals(caller.agencyCode())) {
            return Json.createObjectBuilder()
                    .add("error_code", -1)
                    .add("message", "Không tìm thấy hồ sơ")
                    .build();
        }
        Bill bill = bill(dossier);
        if (!bill.owed()) {
            return Json.createObjectBuilder()
                    .add("error_code", 0)
                    .add("message", Json.createArrayBuilder())
                    .build();
        }
        OffsetDateTime now = Timestamps.now();
        String reference = payments(dossier).stream()
                .filter(p -> p.getState().isOpen() && !p.isExpiredAt(now))
                .map(Payment::getReference)
                .findFirst()
                .orElse(Payment.reference(dossier.getCode(), now));
        List<PaymentLine> lines = lines(dossier);
        JsonObjectBuilder message = receiptData(dossier, lines, bill.payeeAccount(), bill.payeeBank(), bill.payeeName())
                .add("transaction_id", reference)
                .add("client_id", platform.partnerCode())
                .add("MaTraCuuTT", reference)
                .add("SoTien", bill.total());
        return Json.createObjectBuilder()
                .add("error_code", 1)
                .add("message", message)
                .build();
    }

    // ------------------------------------------------------------------ the agency's officers

    /** The payments of a dossier of the officer's agency; another agency's is 404. */
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public Bill forOfficer(String code) {
        dossiers.forOfficer(code);
        return bill(byCode(code));
    }

    /**
     * Records that a paid payment was refunded to the citizen (outside the platform, which has no
     * refund message); the reason is required.
     */
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public Bill refund(String code, String reference, String reason) {
        Caller caller = callers.current().requireAgency("portal.officer.agency-required", "record refunds");
        dossiers.forOfficer(code);
        Dossier dossier = byCode(code);
        Payment payment = byReference(reference)
                .filter(p -> p.getDossier().getId().equals(dossier.getId()))
                .orElseThrow(() -> DomainException.notFound(NOT_FOUND, "no payment " + reference));
        if (reason == null || reason.isBlank() || reason.length() > 1000) {
            throw DomainException.invalid(
                    "portal.payment.refund-reason", "a refund says why, in at most 1000 characters");
        }
        payment.refunded(caller.displayName(), reason.strip(), Timestamps.now());
        return bill(dossier);
    }

    /**
     * The daily settlement report (đối soát) as CSV: the payments collected on {@code day} (paid that
     * day in Vietnam, refunded later or not), per payee account and service type. A system
     * administrator sees every agency's, an officer their agency's.
     */
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.ONE_STOP_OFFICER_ROLE})
    public String settlement(LocalDate day) {
        return SettlementCsv.write(day, settlementRows(day));
    }

    /** The same daily settlement report as an Excel workbook ({@link SettlementCsv#xlsx}), under the same rules. */
    @RolesAllowed({Role.SYSADMIN_ROLE, Role.ONE_STOP_OFFICER_ROLE})
    public byte[] settlementXlsx(LocalDate day) {
        return SettlementCsv.xlsx(day, settlementRows(day));
    }

    private List<SettlementCsv.Row> settlementRows(LocalDate day) {
        Caller caller = callers.current().requireAuthenticated();
        boolean everyone = callers.isInRole(Role.SYSADMIN_ROLE);
        if (!everyone && caller.agencyCode() == null) {
            throw DomainException.forbidden(
                    "portal.officer.agency-required", "only an agency's officer sees its settlement");
        }
        OffsetDateTime from = day.atStartOfDay(VIETNAM).toOffsetDateTime();
        OffsetDateTime to = day.plusDays(1).atStartOfDay(VIETNAM).toOffsetDateTime();
        var query = em.createQuery(
                        "SELECT p.payeeAccount, p.payeeBank, p.payeeName, p.serviceKind, COUNT(p), SUM(p.amount)"
                                + " FROM Payment p WHERE p.paidAt >= :from AND p.paidAt < :to AND p.state IN :paid"
                                + (everyone ? "" : " AND p.agencyCode = :agency")
                                + " GROUP BY p.payeeAccount, p.payeeBank, p.payeeName, p.serviceKind"
                                + " ORDER BY p.payeeAccount, p.payeeBank, p.serviceKind",
                        Object[].class)
                .setParameter("from", from)
                .setParameter("to", to)
                .setParameter("paid", List.of(PaymentState.PAID, PaymentState.RECEIPTED, PaymentState.REFUNDED));
        if (!everyone) {
            query.setParameter("agency", caller.agencyCode());
        }
        return query.getResultList().stream()
                .map(r -> new SettlementCsv.Row(
                        (String) r[0],
                        (String) r[1],
                        (String) r[2],
                        ((Number) r[3]).intValue(),
                        ((Number) r[4]).longValue(),
                        ((Number) r[5]).longValue()))
                .toList();
    }

    // ------------------------------------------------------------------ the reconciliation job

    /**
     * The open payments to check now: initiated or pending, begun between
     * {@code egov.portal.payment.reconcile.max-age-seconds} (3 days) and
     * {@code …min-age-seconds} (30 minutes) ago, and the open ones past their expiry.
     * {@code PermitAll}: the reconciliation timer calls it as the container, with no caller.
     */
    @PermitAll
    public List<Long> dueForCheck() {
        OffsetDateTime now = Timestamps.now();
        List<Long> ids = new ArrayList<>(em.createQuery(
                        "SELECT p.id FROM Payment p WHERE p.state IN :open AND p.initiatedAt <= :youngest"
                                + " AND p.initiatedAt >= :oldest ORDER BY p.initiatedAt",
                        Long.class)
                .setParameter("open", List.of(PaymentState.INITIATED, PaymentState.PENDING))
                .setParameter("youngest", now.minusSeconds(minAgeSeconds))
                .setParameter("oldest", now.minusSeconds(maxAgeSeconds))
                .setMaxResults(MAX_PER_ROUND)
                .getResultList());
        em
                .createQuery(
                        "SELECT p.id FROM Payment p WHERE p.state IN :open AND p.expiresAt <= :now ORDER BY p.expiresAt",
                        Long.class)
                .setParameter("open", List.of(PaymentState.INITIATED, PaymentState.PENDING))
                .setParameter("now", now)
                .setMaxResults(MAX_PER_ROUND)
                .getResultList()
                .stream()
                .filter(id -> !ids.contains(id))
                .forEach(ids::add);
        return ids;
    }

    /**
     * Checks one open payment with the platform and settles it, in a transaction of its own:
     * TrangThaiGD 1 → paid (as a confirm would), 4 → failed, 3 → pending (checked again next
     * round); past its expiry and not paid → expired. A platform that cannot be reached, or an
     * answer not signed with our secret, only counts as a check. {@code PermitAll}: the
     * reconciliation timer calls it as the container, with no caller.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void reconcile(long id) {
        Payment payment = em.find(Payment.class, id, LockModeType.PESSIMISTIC_WRITE);
        if (payment == null || !payment.getState().isOpen()) {
            return;
        }
        OffsetDateTime now = Timestamps.now();
        Optional<PaymentPlatform.CheckAnswer> answer = platform.check(payment.getReference(), now);
        if (answer.isPresent() && answer.get().paid()) {
            if (Long.toString(payment.getAmount()).equals(answer.get().amount())) {
                payment.checked(now);
                settlePaid(payment, answer.get().transaction(), answer.get().bank(), now);
                return;
            }
            LOG.severe("the platform says " + payment.getReference() + " is paid with "
                    + answer.get().amount() + " VND, the bill is " + payment.getAmount() + ": left for an officer");
        }
        if (answer.isPresent() && answer.get().failed()) {
            payment.checked(now);
            payment.failed("TrangThaiGD 4", now);
        } else if (payment.isExpiredAt(now)) {
            payment.checked(now);
            payment.expired(now);
        } else if (answer.isPresent()
                && "00".equals(answer.get().error())
                && "3".equals(answer.get().state())) {
            payment.pending(now);
        } else {
            payment.checked(now);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Paid: the dossier moves 6 → 4 (one step, one notice) and the e-receipt is written and stored. */
    private void settlePaid(Payment payment, String transaction, String bank, OffsetDateTime now) {
        payment.paid(transaction, bank, now);
        Dossier dossier = payment.getDossier();
        if (dossier.getStatus() == DossierStatus.PAYMENT_REQUESTED) {
            dossier.moveTo(DossierStatus.PROCESSING, now);
            em.persist(new DossierStep(
                    dossier,
                    DossierStatus.PROCESSING,
                    now,
                    dossier.getApplicantName(),
                    null,
                    PORTAL_UNIT,
                    "Đã thanh toán trực tuyến " + payment.getAmount() + " đồng (mã giao dịch "
                            + (transaction == null ? "—" : transaction) + ")",
                    null,
                    dossier.getDueAt(),
                    DossierSource.PORTAL,
                    now));
            notices.statusChanged(dossier, now);
        } else {
            LOG.warning("payment " + payment.getReference() + " is paid while dossier " + dossier.getCode()
                    + " is in status " + dossier.getStatus().code() + ": the dossier is left as it is");
        }
        String number = "BL" + PaymentPlatform.time(now).substring(0, 8) + "-" + payment.getId();
        byte[] pdf = PaymentReceiptPdf.render(new PaymentReceiptPdf.Receipt(
                number,
                now,
                dossier.getHandlingUnit(),
                dossier.getCode(),
                dossier.getProcedureCode(),
                dossier.getProcedureName(),
                dossier.getApplicantName(),
                dossier.getApplicantId(),
                payment.getLines().stream()
                        .map(l -> new PaymentReceiptPdf.Line(l.getKind(), l.getCode(), l.getName(), l.getAmount()))
                        .toList(),
                payment.getAmount(),
                payment.getPayeeAccount(),
                payment.getPayeeBank(),
                payment.getPayeeName(),
                payment.getReference(),
                transaction,
                bank));
        payment.receipted(number, pdf, now);
    }

    private Bill bill(Dossier dossier) {
        List<PaymentLine> lines = lines(dossier);
        String[] payee = payee(dossier.getAgencyCode());
        boolean owed =
                dossier.getStatus() == DossierStatus.PAYMENT_REQUESTED && !lines.isEmpty() && !paidSince(dossier);
        return new Bill(
                dossier.getCode(),
                dossier.getStatus().code(),
                owed,
                lines.stream()
                        .map(l -> new BillLine(l.getKind(), l.getCode(), l.getName(), l.getAmount()))
                        .toList(),
                lines.stream().mapToLong(PaymentLine::getAmount).sum(),
                payee[0],
                payee[1],
                payee[2],
                payments(dossier).stream().map(PortalPayments::view).toList());
    }

    /** Whether a payment made since the dossier last entered its status was paid. */
    private boolean paidSince(Dossier dossier) {
        return em.createQuery(
                                "SELECT COUNT(p) FROM Payment p WHERE p.dossier = :d AND p.state IN :paid"
                                        + " AND p.createdAt >= :since",
                                Long.class)
                        .setParameter("d", dossier)
                        .setParameter("paid", List.of(PaymentState.PAID, PaymentState.RECEIPTED))
                        .setParameter("since", dossier.getStatusAt())
                        .getSingleResult()
                > 0;
    }

    /** The fees of the procedure's online channel (the case-less timing, else the first), those with an amount. */
    private List<PaymentLine> lines(Dossier dossier) {
        Optional<ProcedureRecord.Channel> online =
                catalogue.find(dossier.getProcedureCode()).flatMap(p -> p.channel(ProcedureRecord.ChannelKind.ONLINE));
        Optional<ProcedureRecord.Timing> timing = online.flatMap(c -> c.timing(null))
                .or(() -> online.flatMap(c -> c.timings().stream().findFirst()));
        List<PaymentLine> lines = new ArrayList<>();
        for (ProcedureRecord.Fee fee : timing.map(ProcedureRecord.Timing::fees).orElse(List.of())) {
            long amount = fee.amount() == null
                    ? 0
                    : fee.amount()
                            .setScale(0, RoundingMode.CEILING)
                            .min(BigDecimal.valueOf(Long.MAX_VALUE / 1000))
                            .longValue();
            if (amount <= 0) {
                continue;
            }
            int kind = fee.kind() == ProcedureRecord.FeeKind.FEE ? PaymentLine.FEE : PaymentLine.CHARGE;
            String code = fee.code() != null && !fee.code().isBlank()
                    ? fee.code()
                    : (kind == PaymentLine.FEE ? "PHI-" : "LEPHI-") + (lines.size() + 1);
            String name = fee.description() != null && !fee.description().isBlank()
                    ? fee.description()
                    : (kind == PaymentLine.FEE ? "Phí" : "Lệ phí") + " " + dossier.getProcedureName();
            lines.add(new PaymentLine(lines.size() + 1, kind, truncate(code, 40), truncate(name, 500), amount));
        }
        return lines;
    }

    private static String truncate(String text, int max) {
        return text.length() <= max ? text : text.substring(0, max);
    }

    /** The payee account of an agency: account, bank code and account name, from configuration. */
    static String[] payee(String agencyCode) {
        var config = ConfigProvider.getConfig();
        String value = config.getOptionalValue("egov.portal.payment.payee." + agencyCode, String.class)
                .or(() -> config.getOptionalValue("egov.portal.payment.payee.default", String.class))
                .orElse("");
        String[] parts = value.split("\\|", 3);
        if (parts.length != 3 || parts[0].isBlank() || parts[1].isBlank() || parts[2].isBlank()) {
            throw new DomainException(
                    DomainException.Kind.UNAVAILABLE,
                    "portal.payment.unavailable",
                    "no payee account is configured for agency " + agencyCode);
        }
        return new String[] {parts[0].strip(), parts[1].strip(), parts[2].strip()};
    }

    private static String description(Dossier dossier) {
        return "Thanh toán phí, lệ phí hồ sơ " + dossier.getCode();
    }

    private JsonObject receiptData(Dossier dossier, Payment payment) {
        return receiptData(
                        dossier,
                        payment.getLines(),
                        payment.getPayeeAccount(),
                        payment.getPayeeBank(),
                        payment.getPayeeName())
                .build();
    }

    /** ThongTinBienLai for procedure fees (MaDichVu 2), PORTAL-SHARING.md A.5. */
    private static JsonObjectBuilder receiptData(
            Dossier dossier, List<PaymentLine> lines, String account, String bank, String accountName) {
        JsonArrayBuilder fees = Json.createArrayBuilder();
        JsonArrayBuilder items = Json.createArrayBuilder();
        for (PaymentLine line : lines) {
            fees.add(Json.createObjectBuilder()
                    .add("LoaiPhiLePhi", Integer.toString(line.getKind()))
                    .add("MaPhiLePhi", line.getCode())
                    .add("TenPhiLePhi", line.getName())
                    .add("SoTien", Long.toString(line.getAmount())));
            items.add(Json.createObjectBuilder()
                    .add("NoiDung", line.getName())
                    .add("SoTien", Long.toString(line.getAmount())));
        }
        return Json.createObjectBuilder()
                .add("MaDichVu", Integer.toString(Payment.SERVICE_FEES))
                .add("MaDonVi", dossier.getAgencyCode())
                .add("TenDonVi", dossier.getHandlingUnit())
                .add("MaHoSo", dossier.getCode())
                .add("MaDVC", dossier.getProcedureCode())
                .add("TenDVC", dossier.getProcedureName())
                .add("MaTTHC", dossier.getProcedureCode())
                .add("TenTTHC", dossier.getProcedureName())
                .add("TKThuHuong", account)
                .add("MaNHThuHuong", bank)
                .add("TenTKThuHuong", accountName)
                .add("MaCoQuanQD", dossier.getAgencyCode())
                .add("TenCoQuanQD", dossier.getHandlingUnit())
                .add("TaiKhoanThuNSNN", account)
                .add("PhiLePhi", fees)
                .add("NoiDungThanhToan", description(dossier))
                .add("HoTenNguoiNop", nullToEmpty(dossier.getApplicantName()))
                .add("SoCMNDNguoiNop", nullToEmpty(dossier.getApplicantId()))
                .add("DiaChiNguoiNop", "")
                .add("HuyenNguoiNop", "")
                .add("TinhNguoiNop", "")
                .add("DSKhoanNop", items);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    private List<Payment> payments(Dossier dossier) {
        return em.createQuery(
                        "SELECT p FROM Payment p WHERE p.dossier = :d ORDER BY p.createdAt DESC, p.id DESC",
                        Payment.class)
                .setParameter("d", dossier)
                .getResultList();
    }

    private Optional<Payment> byReference(String reference) {
        if (reference == null || reference.isBlank() || reference.length() > 64) {
            return Optional.empty();
        }
        return em.createQuery("SELECT p FROM Payment p WHERE p.reference = :r", Payment.class)
                .setParameter("r", reference)
                .getResultStream()
                .findFirst();
    }

    private Dossier byCode(String code) {
        return em.createQuery("SELECT d FROM Dossier d WHERE d.code = :code", Dossier.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst()
                .orElseThrow(() -> DomainException.notFound(PortalDossiers.NOT_FOUND, "no dossier " + code));
    }

    /** One of the signed-in citizen's dossiers (the dossiers' own rule of who sees what); anyone else's is 404. */
    private Dossier own(String code) {
        dossiers.mine(code);
        return byCode(code);
    }

    private static PaymentView view(Payment p) {
        return new PaymentView(
                p.getReference(),
                p.getState().name(),
                p.getAmount(),
                p.getCreatedAt(),
                p.getPaidAt(),
                p.getPlatformTransaction(),
                p.getBankCode(),
                p.getReceiptNumber(),
                p.getFailure(),
                p.getRefundedAt(),
                p.getRefundReason(),
                p.getCheckCount(),
                p.getCheckedAt());
    }
}
