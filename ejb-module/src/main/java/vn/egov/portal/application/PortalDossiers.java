package vn.egov.portal.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.TextRule;
import vn.egov.common.Timestamps;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.common.application.Visibility;
import vn.egov.common.infrastructure.AttachmentStore;
import vn.egov.common.infrastructure.BoundedInputStream;
import vn.egov.common.infrastructure.StoredContent;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.Role;
import vn.egov.portal.application.DossierViews.ComponentContent;
import vn.egov.portal.application.DossierViews.ComponentView;
import vn.egov.portal.application.DossierViews.DossierDetail;
import vn.egov.portal.application.DossierViews.DossierSummary;
import vn.egov.portal.application.DossierViews.NewDossier;
import vn.egov.portal.application.DossierViews.OfficerAction;
import vn.egov.portal.application.DossierViews.PublicDossierView;
import vn.egov.portal.application.DossierViews.StepView;
import vn.egov.portal.application.DossierViews.SupplementView;
import vn.egov.portal.application.DossierViews.UploadedFile;
import vn.egov.portal.domain.model.Dossier;
import vn.egov.portal.domain.model.DossierComponent;
import vn.egov.portal.domain.model.DossierParticulars;
import vn.egov.portal.domain.model.DossierSource;
import vn.egov.portal.domain.model.DossierStatus;
import vn.egov.portal.domain.model.DossierStep;
import vn.egov.portal.domain.model.Supplement;
import vn.egov.portal.infrastructure.ReceiptPdf;
import vn.egov.security.application.CitizenPrincipal;
import vn.egov.security.application.SignInThrottling;
import vn.egov.security.domain.model.ThrottleCounter;

/**
 * Online dossiers (hồ sơ trực tuyến), from the citizen's submission to the result: the one service
 * the portal's pages, the citizens' API, the officers' intranet pages and API all call, so they
 * cannot disagree. A citizen sees only their own dossiers, an officer ({@code ONE_STOP_OFFICER}) only
 * those addressed to their agency; anyone else's is 404 {@code portal.dossier.not-found}. Every
 * status change goes through {@link Dossier#moveTo} (the national transitions; 409
 * {@code portal.dossier.transition-illegal} otherwise), is written as a step of the timeline, and
 * queues the applicant's e-mail ({@link DossierNotices}) in the same transaction.
 *
 * <p>Files stream into the shared attachment store under their SHA-256 while the transaction runs,
 * staged; they move into the store proper once it commits, and are discarded if it rolls back.
 */
@Stateless
public class PortalDossiers {

    private static final Logger LOG = Logger.getLogger(PortalDossiers.class.getName());
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    /** A due date is the end of the office day (17:00 in Vietnam) of the day the count ends on. */
    static final LocalTime END_OF_DAY = LocalTime.of(17, 0);

    static final String NOT_FOUND = "portal.dossier.not-found";
    /**
     * Look-up misses are counted per address under their own name (like a partner client's failures:
     * {@code egov.auth.throttle.account-failures} in the window lock it out), apart from the address's
     * sign-in failures, so wrong look-ups never lock an office out of signing in.
     */
    private static final String LOOKUP_THROTTLE = "dossier-lookup@";

    private static final String PORTAL_UNIT = "Cổng dịch vụ công";
    private static final String OFFICER_TITLE = "Cán bộ một cửa";
    private static final int MAX_FILES = 20;
    private static final int MAX_SUMMARY = 2000;
    private static final int MAX_CONTENT = 4000;
    private static final int MAX_LIST = 200;

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    private CallerContext callers;

    @Inject
    private ProcedureCatalogue catalogue;

    @Inject
    private DirectoryService directory;

    @Inject
    private DossierCounters counters;

    @Inject
    private PortalHolidays holidays;

    @Inject
    private DossierNotices notices;

    @Inject
    private AttachmentStore store;

    @Inject
    private SignInThrottling throttling;

    @Resource
    private TransactionSynchronizationRegistry transaction;

    @Inject
    @ConfigProperty(name = "egov.portal.dossier.code-pattern", defaultValue = DossierCodePattern.DEFAULT)
    private String codePattern;

    @Inject
    @ConfigProperty(name = "egov.portal.dossier.component-types", defaultValue = "application/pdf,image/jpeg,image/png")
    private String componentTypes;

    @Inject
    @ConfigProperty(name = "egov.portal.dossier.max-component-bytes", defaultValue = "10485760")
    private long maxComponentBytes;

    private DossierCodePattern codes;
    private ComponentFiles files;

    @PostConstruct
    void init() {
        codes = new DossierCodePattern(codePattern);
        files = new ComponentFiles(
                Arrays.stream(componentTypes.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .collect(Collectors.toSet()),
                maxComponentBytes);
    }

    // ------------------------------------------------------------------ the citizen

    /**
     * Submits a dossier for a procedure offered online, with a file for every component its case
     * requires; answers it in status 1 with its code, receipt date and due date. Refused: a
     * procedure that is unknown or not online ({@code portal.procedure.not-online}), whose required
     * assurance level is above the sign-in's ({@code portal.assurance.insufficient}, 403), an agency
     * that does not implement it, a missing or unknown component, a file that is not what it says.
     */
    @RolesAllowed(Role.CITIZEN_ROLE)
    public DossierDetail submit(NewDossier request) {
        CitizenPrincipal citizen = citizen();
        ProcedureRecord procedure = catalogue
                .find(required("procedureCode", request.procedureCode(), 50))
                .filter(ProcedureRecord::published)
                .orElseThrow(() -> DomainException.notFound(
                        "portal.procedure.not-found", "no procedure " + request.procedureCode()));
        ProcedureRecord.Channel online = procedure
                .channel(ProcedureRecord.ChannelKind.ONLINE)
                .filter(c -> procedure.submittableOnline())
                .orElseThrow(() -> DomainException.invalid(
                        "portal.procedure.not-online", "procedure " + procedure.code() + " is not offered online"));
        requireAssurance(procedure, citizen);
        String caseName = optional("caseName", request.caseName(), 500);
        ProcedureRecord.Agency agency = implementingAgency(procedure, request.agencyCode());
        if (request.delivery() != 0 && request.delivery() != 1) {
            throw DomainException.invalid(
                    "portal.dossier.delivery-invalid", "delivery is 0 (at the desk) or 1 (by post)");
        }
        String phone = phone(request.phone() == null || request.phone().isBlank() ? citizen.phone() : request.phone());
        String email = email(request.email() == null || request.email().isBlank() ? citizen.email() : request.email());
        String summary = optional("summary", request.summary(), MAX_SUMMARY);
        Map<String, ProcedureRecord.Document> documents = new LinkedHashMap<>();
        procedure.documents(caseName).forEach(d -> documents.putIfAbsent(d.code(), d));
        checkFiles(request.files(), documents);

        // Files first: the day's counter is locked from the number's taking to the commit, so as briefly as can be.
        List<StagedFile> staged = stageFiles(request.files(), documents);
        OffsetDateTime now = Timestamps.now();
        LocalDate today = now.atZoneSameInstant(VIETNAM).toLocalDate();
        OffsetDateTime due = dueDate(online, caseName, today);
        try {
            counters.create(agency.code(), today);
        } catch (jakarta.ejb.EJBException raced) {
            // Another submission created the day's counter at the same moment: its row is locked next.
        }
        String code = codes.format(agency.code(), today, counters.take(agency.code(), today));
        String field =
                procedure.fields().isEmpty() ? "" : procedure.fields().get(0).code();
        String fieldName =
                procedure.fields().isEmpty() ? "" : procedure.fields().get(0).name();
        DossierParticulars particulars = new DossierParticulars(
                procedure.code(),
                procedure.name(),
                field,
                fieldName,
                citizen.isBusiness() ? 2 : 1,
                citizen.isBusiness() && citizen.businessCode() != null ? citizen.businessCode() : citizen.personalId(),
                citizen.fullName(),
                citizen.subject(),
                email,
                phone,
                summary == null ? procedure.name() : summary,
                agency.code(),
                agency.name() == null ? directory.agencyName(agency.code()) : agency.name(),
                ProcedureRecord.ChannelKind.ONLINE.nationalCode(),
                request.delivery());
        Dossier dossier = Dossier.submitted(code, particulars, now, due);
        em.persist(dossier);
        recordFiles(dossier, staged, null, now);
        em.persist(new DossierStep(
                dossier,
                DossierStatus.SUBMITTED,
                now,
                citizen.fullName(),
                null,
                PORTAL_UNIT,
                "Nộp hồ sơ trực tuyến",
                now,
                due,
                DossierSource.PORTAL,
                now));
        notices.statusChanged(dossier, now);
        em.flush();
        return detail(dossier);
    }

    /** The signed-in citizen's dossiers, newest first. */
    @RolesAllowed(Role.CITIZEN_ROLE)
    public List<DossierSummary> mine() {
        CitizenPrincipal citizen = citizen();
        return em
                .createQuery(
                        "SELECT d FROM Dossier d WHERE d.applicantSubject = :subject OR (d.applicantType = 1 AND"
                                + " d.applicantId = :personalId) ORDER BY d.receivedAt DESC, d.id DESC",
                        Dossier.class)
                .setParameter("subject", citizen.subject() == null ? "" : citizen.subject())
                .setParameter("personalId", citizen.personalId())
                .setMaxResults(MAX_LIST)
                .getResultList()
                .stream()
                .map(PortalDossiers::summary)
                .toList();
    }

    /** One of the signed-in citizen's dossiers; anyone else's is 404. */
    @RolesAllowed(Role.CITIZEN_ROLE)
    public DossierDetail mine(String code) {
        return detail(own(code));
    }

    /** The receipt (biên nhận) of one of the citizen's dossiers, as a PDF. */
    @RolesAllowed(Role.CITIZEN_ROLE)
    public DossierViews.Receipt receipt(String code) {
        Dossier dossier = own(code);
        return new DossierViews.Receipt(dossier.getCode(), ReceiptPdf.render(detail(dossier)));
    }

    /**
     * The citizen answers an open supplement request with the files asked for; the dossier goes
     * back to processing (5 → 4) and its due date moves by the working days it waited.
     */
    @RolesAllowed(Role.CITIZEN_ROLE)
    public DossierDetail answerSupplement(String code, long supplementId, List<UploadedFile> uploaded) {
        Dossier dossier = own(code);
        Supplement supplement = em.find(Supplement.class, supplementId);
        if (supplement == null || !supplement.getDossier().getId().equals(dossier.getId())) {
            throw DomainException.notFound("portal.supplement.not-found", "no supplement request " + supplementId);
        }
        if (!supplement.isOpen()) {
            throw DomainException.conflict("portal.supplement.answered", "the supplement request is already answered");
        }
        if (uploaded == null || uploaded.isEmpty()) {
            throw DomainException.invalid("portal.component.missing", "a supplement brings at least one file");
        }
        OffsetDateTime now = Timestamps.now();
        dossier.moveTo(DossierStatus.PROCESSING, now);
        Map<String, ProcedureRecord.Document> documents = new LinkedHashMap<>();
        catalogue
                .find(dossier.getProcedureCode())
                .ifPresent(p -> p.components().stream()
                        .flatMap(c -> c.documents().stream())
                        .forEach(d -> documents.putIfAbsent(d.code(), d)));
        checkUploads(uploaded, documents);
        recordFiles(dossier, stageFiles(uploaded, documents), supplement, now);
        LocalDate requested =
                supplement.getRequestedAt().atZoneSameInstant(VIETNAM).toLocalDate();
        LocalDate today = now.atZoneSameInstant(VIETNAM).toLocalDate();
        WorkingDays calendar = holidays.calendar(requested.isBefore(today) ? requested : today);
        int remaining = calendar.between(
                requested,
                supplement.getPreviousDue().atZoneSameInstant(VIETNAM).toLocalDate());
        OffsetDateTime newDue = endOfDay(calendar.addTo(today, remaining));
        supplement.answered(now, newDue);
        dossier.reschedule(newDue, now);
        em.persist(new DossierStep(
                dossier,
                DossierStatus.PROCESSING,
                now,
                dossier.getApplicantName(),
                null,
                PORTAL_UNIT,
                "Công dân bổ sung hồ sơ",
                now,
                newDue,
                DossierSource.PORTAL,
                now));
        notices.statusChanged(dossier, now);
        em.flush();
        return detail(dossier);
    }

    /** The citizen withdraws the dossier (→ 7), allowed from statuses 1, 2, 4, 5 and 6. */
    @RolesAllowed(Role.CITIZEN_ROLE)
    public DossierDetail withdraw(String code, String reason) {
        Dossier dossier = own(code);
        OffsetDateTime now = Timestamps.now();
        dossier.moveTo(DossierStatus.WITHDRAWN, now);
        String why = optional("reason", reason, MAX_CONTENT);
        em.persist(new DossierStep(
                dossier,
                DossierStatus.WITHDRAWN,
                now,
                dossier.getApplicantName(),
                null,
                PORTAL_UNIT,
                why == null ? "Công dân rút hồ sơ" : "Công dân rút hồ sơ: " + why,
                null,
                null,
                DossierSource.PORTAL,
                now));
        notices.statusChanged(dossier, now);
        return detail(dossier);
    }

    // ------------------------------------------------------------------ the agency's officers

    /** The dossiers addressed to the officer's agency, newest first; {@code status} null for all. */
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public List<DossierSummary> agencyDossiers(Integer status) {
        Caller caller = officer();
        String query = "SELECT d FROM Dossier d WHERE d.agencyCode = :agency"
                + (status == null ? "" : " AND d.status = :status")
                + " ORDER BY d.receivedAt DESC, d.id DESC";
        var q = em.createQuery(query, Dossier.class).setParameter("agency", caller.agencyCode());
        if (status != null) {
            q.setParameter("status", status);
        }
        return q.setMaxResults(MAX_LIST).getResultList().stream()
                .map(PortalDossiers::summary)
                .toList();
    }

    /** A dossier of the officer's agency; another agency's is 404. */
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public DossierDetail forOfficer(String code) {
        return detail(ofAgency(code));
    }

    /**
     * Records a step of the dossier's handling ({@code CapNhatTienDoHoSoMC}): what was done and, when
     * {@code status} is given, the status it moves to — accepted (2), refused (3), processing (4),
     * payment requested (6), stopped (8), finished (9), result returned (10). A supplement request (5)
     * goes through {@link #requestSupplement}; withdrawal (7) is the applicant's.
     */
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public DossierDetail record(String code, OfficerAction action) {
        Caller caller = officer();
        Dossier dossier = ofAgency(code);
        OffsetDateTime now = Timestamps.now();
        String content = optional("content", action.content(), MAX_CONTENT);
        String unit = optional("unit", action.unit(), 300);
        DossierStatus after = dossier.getStatus();
        if (action.status() != null) {
            if (!DossierStatus.isCode(action.status())) {
                throw DomainException.invalid("portal.dossier.status-invalid", "a status is one of 1 to 10");
            }
            DossierStatus target = DossierStatus.of(action.status());
            if (target == DossierStatus.SUPPLEMENT_REQUESTED
                    || target == DossierStatus.WITHDRAWN
                    || target == DossierStatus.SUBMITTED) {
                throw DomainException.conflict(
                        "portal.dossier.transition-illegal",
                        "status " + target.code() + " is not an officer's step (supplements have their own request)");
            }
            dossier.moveTo(target, now);
            after = target;
        } else if (content == null) {
            throw DomainException.invalid("portal.dossier.step-empty", "a step says what was done or moves the status");
        }
        em.persist(new DossierStep(
                dossier,
                after,
                now,
                caller.displayName(),
                OFFICER_TITLE,
                unit == null ? dossier.getHandlingUnit() : unit,
                content == null ? DossierNotices.label(after) : content,
                null,
                dossier.getDueAt(),
                DossierSource.PORTAL,
                now));
        if (action.status() != null) {
            notices.statusChanged(dossier, now);
        }
        em.flush();
        return detail(dossier);
    }

    /** Asks the applicant for missing or corrected components (4 → 5); answers the request's id among the dossier's. */
    @RolesAllowed(Role.ONE_STOP_OFFICER_ROLE)
    public DossierDetail requestSupplement(String code, String content) {
        Caller caller = officer();
        Dossier dossier = ofAgency(code);
        String what = required("content", content, MAX_CONTENT);
        OffsetDateTime now = Timestamps.now();
        dossier.moveTo(DossierStatus.SUPPLEMENT_REQUESTED, now);
        em.persist(new Supplement(dossier, caller.displayName(), what, now));
        em.persist(new DossierStep(
                dossier,
                DossierStatus.SUPPLEMENT_REQUESTED,
                now,
                caller.displayName(),
                OFFICER_TITLE,
                dossier.getHandlingUnit(),
                what,
                null,
                null,
                DossierSource.PORTAL,
                now));
        notices.statusChanged(dossier, now);
        em.flush();
        return detail(dossier);
    }

    // ------------------------------------------------------------------ both, and anyone

    /** A file of a dossier, for its applicant or an officer of its agency; anyone else gets 404. */
    @RolesAllowed({Role.CITIZEN_ROLE, Role.ONE_STOP_OFFICER_ROLE})
    public ComponentContent component(String code, long componentId) {
        Dossier dossier = callers.citizen().isPresent() ? own(code) : ofAgency(code);
        DossierComponent component = em.find(DossierComponent.class, componentId);
        if (component == null || !component.getDossier().getId().equals(dossier.getId())) {
            throw DomainException.notFound("portal.component.not-found", "no such file in dossier " + code);
        }
        try {
            return new ComponentContent(view(component), store.open(component.getSha256()));
        } catch (IOException e) {
            throw new UncheckedIOException(
                    "the file " + component.getSha256() + " of dossier " + code + " is missing", e);
        }
    }

    /**
     * Tra cứu hồ sơ: a dossier's status for whoever knows its code and the applicant's phone or
     * personal id, without any personal data. A wrong pair answers exactly like an unknown code
     * (404), and misses are throttled per address like sign-ins, so codes cannot be tried out at
     * speed. {@code PermitAll}: the look-up is public by design; the pair is the check.
     */
    @PermitAll
    public PublicDossierView lookup(String code, String phone, String personalId, String address) {
        String caller = address == null ? null : LOOKUP_THROTTLE + address;
        if (caller != null) {
            throttling.check(ThrottleCounter.Kind.CLIENT, caller, null);
        }
        Dossier dossier = code == null || code.isBlank() || code.length() > DossierCodePattern.MAX_LENGTH
                ? null
                : byCode(code.strip());
        boolean matches = dossier != null
                && ((phone != null && !phone.isBlank() && digits(phone).equals(digits(dossier.getPhone())))
                        || (personalId != null
                                && !personalId.isBlank()
                                && personalId.strip().equals(dossier.getApplicantId())));
        if (!matches) {
            if (caller != null) {
                throttling.failed(ThrottleCounter.Kind.CLIENT, caller, null);
            }
            throw DomainException.notFound(NOT_FOUND, "no dossier with that code and contact");
        }
        return new PublicDossierView(
                dossier.getCode(),
                dossier.getProcedureCode(),
                dossier.getProcedureName(),
                dossier.getStatus().code(),
                DossierNotices.label(dossier.getStatus()),
                dossier.getReceivedAt(),
                dossier.getDueAt(),
                dossier.getReturnedAt(),
                dossier.getHandlingUnit());
    }

    // ------------------------------------------------------------------ helpers

    private CitizenPrincipal citizen() {
        callers.current().requireAuthenticated();
        return callers.citizen()
                .orElseThrow(() -> DomainException.forbidden(
                        "portal.citizen.required", "only a citizen signed in to the portal submits dossiers"));
    }

    private Caller officer() {
        return callers.current().requireAgency("portal.officer.agency-required", "handle dossiers");
    }

    /**
     * The assurance level rule: a procedure that needs a higher level of assurance (loA) than this
     * sign-in has is refused, saying which level it needs.
     */
    static void requireAssurance(ProcedureRecord procedure, CitizenPrincipal citizen) {
        Assurance.check(citizen, procedure.assuranceLevel());
    }

    private static ProcedureRecord.Agency implementingAgency(ProcedureRecord procedure, String requested) {
        List<ProcedureRecord.Agency> agencies = procedure.implementingAgencies();
        if (requested == null || requested.isBlank()) {
            if (agencies.size() == 1) {
                return agencies.get(0);
            }
            throw DomainException.invalid(
                    "portal.dossier.agency-required",
                    "procedure " + procedure.code() + " is handled by several agencies: choose one");
        }
        return agencies.stream()
                .filter(a -> a.code().equals(requested.strip()))
                .findFirst()
                .orElseThrow(() -> DomainException.invalid(
                        "portal.dossier.agency-invalid",
                        "agency " + requested + " does not implement procedure " + procedure.code()));
    }

    /** The due date: the online channel's processing time for the case, counted from today. */
    private OffsetDateTime dueDate(ProcedureRecord.Channel channel, String caseName, LocalDate today) {
        Optional<ProcedureRecord.Timing> timing = channel.timing(caseName);
        BigDecimal amount = timing.map(ProcedureRecord.Timing::amount).orElse(BigDecimal.ZERO);
        ProcedureRecord.TimeUnit unit =
                timing.map(ProcedureRecord.Timing::unit).orElse(ProcedureRecord.TimeUnit.WORKING_DAY);
        int whole = amount.setScale(0, RoundingMode.CEILING).intValueExact();
        WorkingDays calendar = holidays.calendar(today);
        LocalDate due = switch (unit == null ? ProcedureRecord.TimeUnit.WORKING_DAY : unit) {
            case WORKING_DAY -> calendar.addTo(today, whole);
            case DAY -> today.plusDays(whole);
            case HOUR ->
                calendar.addTo(
                        today,
                        amount.divide(BigDecimal.valueOf(8), 0, RoundingMode.CEILING)
                                .intValueExact());
            case MONTH -> today.plusMonths(whole);
        };
        return endOfDay(due);
    }

    static OffsetDateTime endOfDay(LocalDate day) {
        return day.atTime(END_OF_DAY).atZone(VIETNAM).toOffsetDateTime();
    }

    private void checkFiles(List<UploadedFile> uploaded, Map<String, ProcedureRecord.Document> documents) {
        checkUploads(uploaded, documents);
        Set<String> given = uploaded.stream().map(UploadedFile::componentCode).collect(Collectors.toSet());
        List<String> missing =
                documents.keySet().stream().filter(c -> !given.contains(c)).toList();
        if (!missing.isEmpty()) {
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "portal.component.missing",
                    "the dossier lacks the components " + String.join(", ", missing),
                    Map.of("components", String.join(",", missing)));
        }
    }

    private void checkUploads(List<UploadedFile> uploaded, Map<String, ProcedureRecord.Document> documents) {
        if (uploaded.size() > MAX_FILES) {
            throw DomainException.invalid("portal.component.too-many", "at most " + MAX_FILES + " files per dossier");
        }
        for (UploadedFile file : uploaded) {
            if (file.componentCode() == null || !documents.containsKey(file.componentCode())) {
                throw DomainException.invalid(
                        "portal.component.unknown", "the procedure has no component " + file.componentCode());
            }
            required("fileName", file.fileName(), 255);
        }
    }

    /** A file streamed into the store (staged until the transaction commits), with the component it is for. */
    private record StagedFile(
            ProcedureRecord.Document document, String fileName, String contentType, StoredContent content) {}

    /**
     * Streams each file into the store, staged, after checking its type on its first bytes; the staged
     * files move into the store proper when the transaction commits, and are discarded if it rolls back.
     */
    private List<StagedFile> stageFiles(List<UploadedFile> uploaded, Map<String, ProcedureRecord.Document> documents) {
        List<StoredContent> staged = new ArrayList<>();
        transaction.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
                // the outcome decides
            }

            @Override
            public void afterCompletion(int status) {
                for (StoredContent content : staged) {
                    if (status == Status.STATUS_COMMITTED) {
                        try {
                            store.promote(content);
                        } catch (IOException | RuntimeException e) {
                            LOG.log(
                                    Level.SEVERE,
                                    "could not move " + content.staging() + " into the store; the sweep does",
                                    e);
                        }
                    } else {
                        store.discard(content);
                    }
                }
            }
        });
        List<StagedFile> files = new ArrayList<>();
        for (UploadedFile file : uploaded) {
            InputStream in = new BufferedInputStream(file.content(), 8192);
            String type;
            try {
                in.mark(ComponentFiles.HEAD_BYTES);
                byte[] head = in.readNBytes(ComponentFiles.HEAD_BYTES);
                in.reset();
                type = this.files.check(file.contentType(), head, head.length);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            StoredContent content;
            try {
                content = store.stage(in, this.files.maxBytes());
            } catch (UncheckedIOException e) {
                if (tooLarge(e)) {
                    throw new DomainException(
                            DomainException.Kind.TOO_LARGE,
                            "portal.component.too-large",
                            "a component file is larger than " + this.files.maxBytes() + " bytes");
                }
                throw e;
            }
            staged.add(content);
            files.add(new StagedFile(
                    documents.get(file.componentCode()), file.fileName().strip(), type, content));
        }
        return files;
    }

    private void recordFiles(Dossier dossier, List<StagedFile> staged, Supplement supplement, OffsetDateTime now) {
        for (StagedFile file : staged) {
            em.persist(new DossierComponent(
                    dossier,
                    file.document().code(),
                    file.document().name(),
                    file.fileName(),
                    file.contentType(),
                    file.content().size(),
                    file.content().sha256(),
                    supplement,
                    now));
        }
    }

    private static boolean tooLarge(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BoundedInputStream.TooLargeException) {
                return true;
            }
        }
        return false;
    }

    private Dossier byCode(String code) {
        return em.createQuery("SELECT d FROM Dossier d WHERE d.code = :code", Dossier.class)
                .setParameter("code", code)
                .getResultStream()
                .findFirst()
                .orElse(null);
    }

    private Dossier own(String code) {
        CitizenPrincipal citizen = citizen();
        return Visibility.visibleOrNotFound(
                code == null ? null : byCode(code),
                d -> (citizen.subject() != null && citizen.subject().equals(d.getApplicantSubject()))
                        || (d.getApplicantType() == 1 && citizen.personalId().equals(d.getApplicantId())),
                NOT_FOUND,
                "no dossier " + code);
    }

    private Dossier ofAgency(String code) {
        Caller caller = officer();
        return Visibility.visibleOrNotFound(
                code == null ? null : byCode(code),
                d -> d.getAgencyCode().equals(caller.agencyCode()),
                NOT_FOUND,
                "no dossier " + code);
    }

    private static String digits(String phone) {
        String d = phone.replaceAll("[^0-9]", "");
        return d.startsWith("84") && d.length() > 9 ? "0" + d.substring(2) : d;
    }

    private static String phone(String phone) {
        String value = required("phone", phone, 20);
        if (!value.matches("\\+?[0-9 .-]{8,19}")) {
            throw DomainException.invalid("portal.dossier.phone-invalid", "a phone number has 8 to 15 digits");
        }
        return value;
    }

    private static String email(String email) {
        if (email == null || email.isBlank()) {
            return "";
        }
        String value = required("email", email, 254).toLowerCase(Locale.ROOT);
        if (!value.matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
            throw DomainException.invalid("portal.dossier.email-invalid", "not an e-mail address: " + email);
        }
        return value;
    }

    private static String required(String field, String value, int max) {
        String v = optional(field, value, max);
        if (v == null) {
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "portal.dossier.field-required",
                    field + " is required",
                    Map.of("field", field));
        }
        return v;
    }

    private static String optional(String field, String value, int max) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = TextRule.require(field, value.strip(), max <= 500);
        if (v.length() > max) {
            throw new DomainException(
                    DomainException.Kind.INVALID,
                    "portal.dossier.field-too-long",
                    field + " has more than " + max + " characters",
                    Map.of("field", field, "max", max));
        }
        return v;
    }

    static DossierSummary summary(Dossier d) {
        return new DossierSummary(
                d.getCode(),
                d.getProcedureCode(),
                d.getProcedureName(),
                d.getStatus().code(),
                DossierNotices.label(d.getStatus()),
                d.getReceivedAt(),
                d.getDueAt(),
                d.getAgencyCode(),
                d.getHandlingUnit(),
                d.getApplicantName());
    }

    private DossierDetail detail(Dossier d) {
        List<StepView> steps = em
                .createQuery(
                        "SELECT s FROM DossierStep s WHERE s.dossier = :d ORDER BY s.handledAt, s.id",
                        DossierStep.class)
                .setParameter("d", d)
                .getResultList()
                .stream()
                .map(s -> new StepView(
                        s.getStatus().code(),
                        DossierNotices.label(s.getStatus()),
                        s.getHandledAt(),
                        s.getHandler(),
                        s.getHandlerTitle(),
                        s.getUnit(),
                        s.getContent()))
                .toList();
        List<ComponentView> components = em
                .createQuery(
                        "SELECT c FROM DossierComponent c WHERE c.dossier = :d ORDER BY c.id", DossierComponent.class)
                .setParameter("d", d)
                .getResultList()
                .stream()
                .map(PortalDossiers::view)
                .toList();
        List<SupplementView> supplements = em
                .createQuery(
                        "SELECT s FROM Supplement s WHERE s.dossier = :d ORDER BY s.requestedAt, s.id",
                        Supplement.class)
                .setParameter("d", d)
                .getResultList()
                .stream()
                .map(s -> new SupplementView(
                        s.getId(),
                        s.getRequestedBy(),
                        s.getContent(),
                        s.getRequestedAt(),
                        s.getAnsweredAt(),
                        s.getPreviousDue(),
                        s.getNewDue()))
                .toList();
        Set<DossierStatus> next = new HashSet<>(d.getStatus().next());
        return new DossierDetail(
                d.getCode(),
                d.getProcedureCode(),
                d.getProcedureName(),
                d.getFieldName(),
                d.getStatus().code(),
                DossierNotices.label(d.getStatus()),
                next.stream().map(DossierStatus::code).sorted().toList(),
                d.getReceivedAt(),
                d.getDueAt(),
                d.getFinishedAt(),
                d.getReturnedAt(),
                d.getAgencyCode(),
                d.getHandlingUnit(),
                d.getChannel(),
                d.getDelivery(),
                d.getApplicantType(),
                d.getApplicantId(),
                d.getApplicantName(),
                d.getEmail(),
                d.getPhone(),
                d.getSummary(),
                steps,
                components,
                supplements);
    }

    private static ComponentView view(DossierComponent c) {
        return new ComponentView(
                c.getId(),
                c.getComponentCode(),
                c.getComponentName(),
                c.getFileName(),
                c.getContentType(),
                c.getSize(),
                c.getSha256(),
                c.getSupplement() == null ? null : c.getSupplement().getId(),
                c.getUploadedAt());
    }
}
