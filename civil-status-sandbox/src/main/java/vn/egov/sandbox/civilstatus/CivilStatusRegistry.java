package vn.egov.sandbox.civilstatus;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sandbox registry's dossiers, by one-stop receipt number (maHoSo), each with the registry's own
 * Long id (the two numbering spaces of PORTAL-SHARING.md B.2) and its status 1 received, 2 needs a
 * supplement, 3 eligible, 4 registered. Kept in memory: a test system that starts empty but for one
 * demo dossier every run.
 */
@ApplicationScoped
public class CivilStatusRegistry {

    /** The demo dossier every run starts with: a birth registration of Nghệ An, registered. */
    public static final String DEMO_DOSSIER = "000.00.00.H41-261201-0001";

    /** One registration dossier as the registry keeps it. */
    public record Dossier(
            long id, long unitCode, String dossierCode, String module, String receivedOn, int status, String note) {}

    private final Map<String, Dossier> dossiers = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong(1_000_000);

    public CivilStatusRegistry() {
        dossiers.put(
                DEMO_DOSSIER, new Dossier(ids.incrementAndGet(), 40101, DEMO_DOSSIER, "KS", "01/12/2026", 4, null));
    }

    /** Registers a dossier once; sending the same receipt number again answers the first registration. */
    public Dossier register(long unitCode, String dossierCode, String module, String receivedOn) {
        return dossiers.computeIfAbsent(
                dossierCode, code -> new Dossier(ids.incrementAndGet(), unitCode, code, module, receivedOn, 1, null));
    }

    public Optional<Dossier> find(String dossierCode) {
        return Optional.ofNullable(dossiers.get(dossierCode));
    }
}
