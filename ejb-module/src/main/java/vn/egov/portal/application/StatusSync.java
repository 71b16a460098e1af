package vn.egov.portal.application;

import jakarta.annotation.security.DeclareRoles;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.json.JsonValue;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.application.Caller;
import vn.egov.common.application.CallerContext;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.domain.model.Role;
import vn.egov.portal.domain.model.Dossier;
import vn.egov.portal.domain.model.DossierStep;
import vn.egov.security.application.AuthenticatedCaller;
import vn.egov.security.application.AuthenticationService;
import vn.egov.security.application.IssuedToken;

/**
 * Status sync (đồng bộ trạng thái hồ sơ): agencies' one-stop systems report their dossiers
 * ({@code DongBoHoSoMC}), the steps of their handling ({@code CapNhatTienDoHoSoMC}) and look them up
 * ({@code TraCuuHoSo}). A system acts for its agency and every agency below it in the directory: a
 * province's one-stop system serves its departments, districts and communes. Another agency's
 * dossier answers as unknown.
 *
 * <p>Each record is checked on its own first ({@link SyncRecords}), then the valid ones are written
 * in one transaction ({@link SyncWriter}); only if that commit fails is the batch written again one
 * record per transaction, so a record the database refuses is refused alone. Hence no transaction
 * here.
 *
 * <p>The same services answer in the DVCQG adapter's shape, where the caller's credential is a
 * session (an access token of its partner client) carried in the JSON body rather than a header:
 * those methods verify the session themselves.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
@DeclareRoles({Role.ONE_STOP_SYSTEM_ROLE, Role.AUTHENTICATED})
public class StatusSync {

    private static final Logger LOG = Logger.getLogger(StatusSync.class.getName());

    public static final String BATCH_TOO_LARGE = "portal.sync.batch.too-large";
    public static final String CONFLICT = "portal.sync.record.conflict";
    public static final String SESSION_INVALID = "portal.dvcqg.session.invalid";
    public static final String NOT_A_SYSTEM = "portal.sync.system.required";

    @Inject
    private CallerContext callers;

    @Inject
    private DirectoryService directory;

    @Inject
    private AuthenticationService authentication;

    @EJB
    private SyncWriter writer;

    @PersistenceContext
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "egov.portal.sync.max-records", defaultValue = "1000")
    private int maxRecords;

    /** The calling one-stop system reports dossiers; new ones belong to {@code madonvi} (default: its own agency). */
    @RolesAllowed(Role.ONE_STOP_SYSTEM_ROLE)
    public SyncAnswer reportDossiers(String madonvi, List<JsonValue> records) {
        return dossiers(system(), madonvi, records);
    }

    /** The calling one-stop system reports steps of its dossiers' handling. */
    @RolesAllowed(Role.ONE_STOP_SYSTEM_ROLE)
    public SyncAnswer reportProgress(List<JsonValue> records) {
        return steps(system(), records);
    }

    /** One of the calling system's dossiers; 404 {@code portal.sync.dossier.unknown} for any other code. */
    @RolesAllowed(Role.ONE_STOP_SYSTEM_ROLE)
    public SyncedDossier lookUp(String code) {
        return find(system(), code)
                .orElseThrow(() -> DomainException.notFound(
                        SyncWriter.UNKNOWN, "no dossier with this MaHoSo belongs to your agency"));
    }

    /**
     * Opens an adapter session: the partner client's id and secret (throttled like the token
     * endpoint) give a short-lived access token, which the adapter calls carry as {@code session}.
     * {@code @PermitAll}: it runs before anyone is signed in; the credentials are the check, and
     * only a client with the ONE_STOP_SYSTEM role gets a session.
     */
    @PermitAll
    public IssuedToken openSession(String clientId, String secret, String remoteAddress) {
        IssuedToken token = authentication.issueToken(clientId, secret, remoteAddress);
        system(token.accessToken());
        return token;
    }

    /**
     * {@link #reportDossiers} in the adapter's shape. {@code @PermitAll}: the session in the body is
     * the credential, verified here as the bearer token is on the API (signature, expiry,
     * revocation), and it must be a one-stop system's.
     */
    @PermitAll
    public SyncAnswer reportDossiersInSession(String session, String madonvi, List<JsonValue> records) {
        return dossiers(system(session), madonvi, records);
    }

    /**
     * {@link #reportProgress} in the adapter's shape. {@code @PermitAll}: the session in the body is
     * the credential, verified here like {@link #reportDossiersInSession}.
     */
    @PermitAll
    public SyncAnswer reportProgressInSession(String session, List<JsonValue> records) {
        return steps(system(session), records);
    }

    /**
     * {@code TraCuuHoSo} in the adapter's shape: empty when the code is unknown or another agency's.
     * {@code @PermitAll}: the session in the body is the credential, verified here like
     * {@link #reportDossiersInSession}.
     */
    @PermitAll
    public Optional<SyncedDossier> lookUpInSession(String session, String code) {
        return find(system(session), code);
    }

    private OneStopSystem system() {
        Caller caller = callers.current().requireAgency(NOT_A_SYSTEM, "report dossiers");
        if (caller.kind() != Caller.Kind.SYSTEM) {
            throw DomainException.forbidden(NOT_A_SYSTEM, "status sync is for agencies' one-stop systems");
        }
        return new OneStopSystem(caller.name(), caller.agencyCode());
    }

    private OneStopSystem system(String session) {
        AuthenticatedCaller caller = session == null || session.isBlank()
                ? null
                : authentication.verifyToken(session.strip()).orElse(null);
        if (caller == null) {
            throw new DomainException(
                    DomainException.Kind.UNAUTHENTICATED, SESSION_INVALID, "the session is unknown or has expired");
        }
        if (!caller.roles().contains(Role.ONE_STOP_SYSTEM_ROLE)
                || caller.principal().getAgencyCode() == null
                || caller.principal().getKind() != vn.egov.security.application.EgovPrincipal.Kind.SYSTEM) {
            throw DomainException.forbidden(NOT_A_SYSTEM, "status sync is for agencies' one-stop systems");
        }
        return new OneStopSystem(
                caller.principal().getName(), caller.principal().getAgencyCode());
    }

    private SyncAnswer dossiers(OneStopSystem system, String madonvi, List<JsonValue> records) {
        bounded(records);
        String agency = system.agencyCode();
        if (madonvi != null && !madonvi.isBlank()) {
            String local = madonvi.strip();
            agency = local.equals(system.agencyCode()) ? local : writer.agency(system, local);
            if (!directory.tree().within(agency, system.agencyCode())
                    || !directory.tree().contains(agency)) {
                throw DomainException.forbidden(
                        SyncWriter.FOREIGN_AGENCY, "madonvi is neither the system's agency nor one below it");
            }
        }
        String forNew = agency;
        return run(records, SyncRecords::dossier, items -> writer.dossiers(system, forNew, items));
    }

    private SyncAnswer steps(OneStopSystem system, List<JsonValue> records) {
        bounded(records);
        return run(records, SyncRecords::step, items -> writer.steps(system, items));
    }

    private void bounded(List<JsonValue> records) {
        if (records.size() > maxRecords) {
            throw new DomainException(
                    DomainException.Kind.TOO_LARGE,
                    BATCH_TOO_LARGE,
                    "a batch holds at most " + maxRecords + " records",
                    Map.of("max", maxRecords));
        }
    }

    /** Checks every record, writes the valid ones in one transaction, and alone each if that fails. */
    private <T> SyncAnswer run(
            List<JsonValue> records,
            Function<JsonValue, SyncRecords.Checked<T>> check,
            Function<List<SyncWriter.Item<T>>, SyncWriter.Written> write) {
        RecordFailure[] failures = new RecordFailure[records.size()];
        List<SyncWriter.Item<T>> valid = new ArrayList<>();
        for (int i = 0; i < records.size(); i++) {
            SyncRecords.Checked<T> checked = check.apply(records.get(i));
            if (checked.ok()) {
                valid.add(new SyncWriter.Item<>(i, checked.value()));
            } else {
                failures[i] = checked.failure();
            }
        }
        int written = 0;
        int notices = 0;
        if (!valid.isEmpty()) {
            try {
                SyncWriter.Written batch = write.apply(valid);
                batch.refused().forEach((index, failure) -> failures[index] = failure);
                written = batch.written();
                notices = batch.notices();
            } catch (EJBException batchFailed) {
                LOG.log(Level.INFO, "a sync batch failed at commit; writing its records one by one", batchFailed);
                for (SyncWriter.Item<T> item : valid) {
                    try {
                        SyncWriter.Written alone = write.apply(List.of(item));
                        alone.refused().forEach((index, failure) -> failures[index] = failure);
                        written += alone.written();
                        notices += alone.notices();
                    } catch (EJBException refused) {
                        LOG.log(Level.INFO, "a sync record failed alone", refused);
                        failures[item.index()] = RecordFailure.of(
                                CONFLICT, "the record conflicts with what the database holds; send it again");
                    }
                }
            }
        }
        List<SyncAnswer.RecordResult> results = new ArrayList<>(records.size());
        int refused = 0;
        for (int i = 0; i < records.size(); i++) {
            results.add(new SyncAnswer.RecordResult(i, SyncRecords.codeOf(records.get(i)), failures[i]));
            refused += failures[i] == null ? 0 : 1;
        }
        return new SyncAnswer(records.size(), records.size() - refused, refused, written, notices, results);
    }

    private Optional<SyncedDossier> find(OneStopSystem system, String code) {
        if (code == null || code.isBlank() || code.length() > 50) {
            return Optional.empty();
        }
        List<Dossier> found = em.createQuery("SELECT d FROM Dossier d WHERE d.code = :code", Dossier.class)
                .setParameter("code", code.strip())
                .getResultList();
        if (found.isEmpty() || !directory.tree().within(found.get(0).getAgencyCode(), system.agencyCode())) {
            return Optional.empty();
        }
        Dossier d = found.get(0);
        List<SyncedDossier.Step> steps = em
                .createQuery(
                        "SELECT s FROM DossierStep s WHERE s.dossier = :d ORDER BY s.handledAt, s.id",
                        DossierStep.class)
                .setParameter("d", d)
                .getResultList()
                .stream()
                .map(s -> new SyncedDossier.Step(
                        s.getStatus().code(),
                        s.getHandledAt(),
                        s.getHandler(),
                        s.getHandlerTitle(),
                        s.getUnit(),
                        s.getContent(),
                        s.getStartedAt(),
                        s.getDueAt()))
                .toList();
        return Optional.of(new SyncedDossier(
                d.getCode(),
                d.getProcedureCode(),
                d.getProcedureName(),
                d.getFieldCode(),
                d.getFieldName(),
                d.getApplicantType(),
                d.getApplicantName(),
                d.getEmail(),
                d.getPhone(),
                d.getSummary(),
                d.getAgencyCode(),
                d.getHandlingUnit(),
                d.getDelivery(),
                d.getStatus().code(),
                d.getStatusAt(),
                d.getReceivedAt(),
                d.getDueAt(),
                d.getFinishedAt(),
                d.getReturnedAt(),
                d.getExtraJson(),
                d.getVersion(),
                steps));
    }
}
