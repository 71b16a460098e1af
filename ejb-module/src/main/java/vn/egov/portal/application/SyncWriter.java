package vn.egov.portal.application;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import vn.egov.directory.application.AgencyTree;
import vn.egov.directory.application.DirectoryService;
import vn.egov.portal.domain.model.Dossier;
import vn.egov.portal.domain.model.DossierParticulars;
import vn.egov.portal.domain.model.DossierSource;
import vn.egov.portal.domain.model.DossierStatus;
import vn.egov.portal.domain.model.DossierStep;

/**
 * Writes one sync batch in one transaction: the batch's dossiers are found in one query, its code
 * mappings in another, then every record is applied in memory and the inserts and updates go out as
 * JDBC batches when the transaction commits (EclipseLink batch writing), with no flush per record.
 * Records were checked before ({@link SyncRecords}); what only the database knows — whether a
 * dossier exists and is the system's, what a local code maps to — refuses a record here, alone.
 * If the commit itself fails (a constraint another writer won the race for), {@link StatusSync}
 * writes the batch again one record per transaction.
 *
 * <p>Not an entry point: {@link StatusSync} authorised the caller and hands over the system it
 * stands for.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
public class SyncWriter {

    public static final String UNKNOWN = "portal.sync.dossier.unknown";
    public static final String BAD_STATUS = "portal.sync.status.invalid";
    public static final String DUPLICATE = "portal.sync.record.duplicate";
    public static final String FOREIGN_AGENCY = "portal.sync.agency.foreign";

    @PersistenceContext
    private EntityManager em;

    @Inject
    private DirectoryService directory;

    @EJB
    private DossierNotices notices;

    /** A checked record and its place in the batch. */
    public record Item<T>(int index, T report) {}

    /** What a batch wrote: the refusals by index, the records that changed something, the e-mails queued. */
    public record Written(Map<Integer, RecordFailure> refused, int written, int notices) {}

    /**
     * Creates or updates the batch's dossiers ({@code DongBoHoSoMC}). New dossiers belong to
     * {@code agency} (already checked to be the system's own or below it).
     * {@code @PermitAll}: called only by {@link StatusSync}, which authorised the system.
     */
    @PermitAll
    public Written dossiers(OneStopSystem system, String agency, List<Item<DossierReport>> items) {
        OffsetDateTime now = OffsetDateTime.now();
        AgencyTree tree = directory.tree();
        Map<String, Dossier> existing =
                find(items.stream().map(i -> i.report().code()).toList());
        Set<String> agencies = new LinkedHashSet<>();
        agencies.add(agency);
        existing.values().forEach(d -> agencies.add(d.getAgencyCode()));
        Map<MappingKind, Set<String>> codes = new EnumMap<>(MappingKind.class);
        codes.put(MappingKind.PROCEDURE, new HashSet<>());
        codes.put(MappingKind.FIELD, new HashSet<>());
        codes.put(MappingKind.STATUS, new HashSet<>());
        for (Item<DossierReport> item : items) {
            codes.get(MappingKind.PROCEDURE).add(item.report().procedureCode());
            codes.get(MappingKind.FIELD).add(item.report().fieldCode());
            codes.get(MappingKind.STATUS).add(item.report().statusCode());
        }
        MappingTables mappings = MappingTables.load(em, tree, codes, agencies);
        Map<Integer, RecordFailure> refused = new HashMap<>();
        Set<String> seen = new HashSet<>();
        int written = 0;
        int queued = 0;
        for (Item<DossierReport> item : items) {
            DossierReport r = item.report();
            if (!seen.add(r.code())) {
                refused.put(
                        item.index(),
                        RecordFailure.of(DUPLICATE, "the batch holds this MaHoSo more than once; send it once"));
                continue;
            }
            Dossier dossier = existing.get(r.code());
            if (dossier != null && !tree.within(dossier.getAgencyCode(), system.agencyCode())) {
                refused.put(item.index(), unknown());
                continue;
            }
            String at = dossier == null ? agency : dossier.getAgencyCode();
            DossierStatus status = status(mappings.national(MappingKind.STATUS, at, r.statusCode()));
            if (status == null) {
                refused.put(item.index(), badStatus("TrangThaiHoSo", r.statusCode()));
                continue;
            }
            DossierParticulars particulars = new DossierParticulars(
                    mappings.national(MappingKind.PROCEDURE, at, r.procedureCode()),
                    r.procedureName(),
                    mappings.national(MappingKind.FIELD, at, r.fieldCode()),
                    r.fieldName(),
                    r.applicantType(),
                    dossier == null ? null : dossier.getApplicantId(),
                    r.applicantName() != null || dossier == null ? r.applicantName() : dossier.getApplicantName(),
                    r.applicantSubject() != null || dossier == null
                            ? r.applicantSubject()
                            : dossier.getApplicantSubject(),
                    r.email(),
                    r.phone(),
                    r.summary(),
                    at,
                    r.handlingUnit(),
                    r.channel(),
                    r.delivery());
            if (dossier == null) {
                dossier = Dossier.reported(
                        r.code(),
                        particulars,
                        status,
                        r.receivedAt(),
                        r.dueAt(),
                        system.clientId(),
                        r.extraJson(),
                        now);
                dossier.reportStatus(status, r.statusAt(), now);
                em.persist(dossier);
                existing.put(r.code(), dossier);
                notices.statusChanged(dossier, dossier.getStatusAt());
                written++;
                queued++;
                continue;
            }
            DossierStatus before = dossier.getStatus();
            boolean changed = dossier.updateReported(particulars, r.receivedAt(), r.dueAt(), r.extraJson(), now);
            changed |= dossier.reportStatus(status, r.statusAt(), now);
            if (dossier.getStatus() != before) {
                notices.statusChanged(dossier, dossier.getStatusAt());
                queued++;
            }
            written += changed ? 1 : 0;
        }
        return new Written(refused, written, queued);
    }

    /**
     * Records the batch's steps ({@code CapNhatTienDoHoSoMC}) in the dossiers' timelines. A step
     * already recorded (same dossier, status and time) changes nothing; a step older than the
     * dossier's status is kept in the timeline but leaves the status alone.
     * {@code @PermitAll}: called only by {@link StatusSync}, which authorised the system.
     */
    @PermitAll
    public Written steps(OneStopSystem system, List<Item<StepReport>> items) {
        OffsetDateTime now = OffsetDateTime.now();
        AgencyTree tree = directory.tree();
        Map<String, Dossier> dossiers =
                find(items.stream().map(i -> i.report().code()).toList());
        dossiers.values().removeIf(d -> !tree.within(d.getAgencyCode(), system.agencyCode()));
        Set<String> recorded = new HashSet<>();
        if (!dossiers.isEmpty()) {
            List<Long> ids = dossiers.values().stream().map(Dossier::getId).toList();
            for (int from = 0; from < ids.size(); from += 1000) {
                for (Object[] row : em.createQuery(
                                "SELECT s.dossierPk, s.status, s.handledAt FROM DossierStep s WHERE s.dossierPk IN :ids",
                                Object[].class)
                        .setParameter("ids", ids.subList(from, Math.min(ids.size(), from + 1000)))
                        .getResultList()) {
                    recorded.add(stepKey((Long) row[0], ((Number) row[1]).intValue(), (OffsetDateTime) row[2]));
                }
            }
        }
        Map<MappingKind, Set<String>> codes = new EnumMap<>(MappingKind.class);
        codes.put(MappingKind.STATUS, new HashSet<>());
        items.forEach(i -> codes.get(MappingKind.STATUS).add(i.report().statusCode()));
        Set<String> agencies = new LinkedHashSet<>();
        dossiers.values().forEach(d -> agencies.add(d.getAgencyCode()));
        MappingTables mappings = MappingTables.load(em, tree, codes, agencies);
        Map<Integer, RecordFailure> refused = new HashMap<>();
        int written = 0;
        int queued = 0;
        for (Item<StepReport> item : items) {
            StepReport r = item.report();
            Dossier dossier = dossiers.get(r.code());
            if (dossier == null) {
                refused.put(item.index(), unknown());
                continue;
            }
            DossierStatus status =
                    status(mappings.national(MappingKind.STATUS, dossier.getAgencyCode(), r.statusCode()));
            if (status == null) {
                refused.put(item.index(), badStatus("TrangThai", r.statusCode()));
                continue;
            }
            if (!recorded.add(stepKey(dossier.getId(), status.code(), r.handledAt()))) {
                continue;
            }
            em.persist(new DossierStep(
                    dossier,
                    status,
                    r.handledAt(),
                    r.handler(),
                    r.handlerTitle(),
                    r.unit(),
                    r.content(),
                    r.startedAt(),
                    r.dueAt(),
                    DossierSource.SYNC,
                    now));
            written++;
            DossierStatus before = dossier.getStatus();
            dossier.reportStatus(status, r.handledAt(), now);
            if (dossier.getStatus() != before) {
                notices.statusChanged(dossier, r.handledAt());
                queued++;
            }
        }
        return new Written(refused, written, queued);
    }

    /**
     * The national code of {@code agency} for a local agency code ({@code madonvi}), through the
     * agency mappings of the system's agency and those above it.
     * {@code @PermitAll}: called only by {@link StatusSync}, which authorised the system.
     */
    @PermitAll
    @TransactionAttribute(TransactionAttributeType.SUPPORTS)
    public String agency(OneStopSystem system, String local) {
        Map<MappingKind, Set<String>> codes = new EnumMap<>(MappingKind.class);
        codes.put(MappingKind.AGENCY, Set.of(local));
        return MappingTables.load(em, directory.tree(), codes, List.of(system.agencyCode()))
                .national(MappingKind.AGENCY, system.agencyCode(), local);
    }

    private Map<String, Dossier> find(List<String> codes) {
        Map<String, Dossier> found = new HashMap<>();
        List<String> distinct = new ArrayList<>(new LinkedHashSet<>(codes));
        for (int from = 0; from < distinct.size(); from += 1000) {
            for (Dossier d : em.createQuery("SELECT d FROM Dossier d WHERE d.code IN :codes", Dossier.class)
                    .setParameter("codes", distinct.subList(from, Math.min(distinct.size(), from + 1000)))
                    .getResultList()) {
                found.put(d.getCode(), d);
            }
        }
        return found;
    }

    private static DossierStatus status(String national) {
        try {
            int code = Integer.parseInt(national);
            return DossierStatus.isCode(code) ? DossierStatus.of(code) : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static RecordFailure unknown() {
        return RecordFailure.of(UNKNOWN, "no dossier with this MaHoSo belongs to the system's agency");
    }

    private static RecordFailure badStatus(String field, String code) {
        return new RecordFailure(
                BAD_STATUS, field + " " + code + " is neither a national status 1–10 nor a mapped local status", field);
    }

    private static String stepKey(long dossier, int status, OffsetDateTime at) {
        return dossier + "/" + status + "/" + at.toInstant();
    }
}
