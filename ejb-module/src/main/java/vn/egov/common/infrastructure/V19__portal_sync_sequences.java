package vn.egov.common.infrastructure;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Status sync writes dossiers, steps and outbox rows by the hundred, so their ids are taken
 * {@value #BLOCK} at a time (the entities' {@code allocationSize}) instead of 50: the threads of
 * concurrent batches had queued on EclipseLink's sequence lock while one of them fetched the next
 * block. EclipseLink takes a sequence value {@code v} as the block {@code v − 499 … v} and refuses a
 * value below {@value #BLOCK}, and a new block must lie above every id already given, so each
 * sequence restarts a whole block above both its table's largest id and its own current value.
 *
 * <p>Java, not SQL: {@code ALTER SEQUENCE … RESTART WITH} takes a literal on both databases, and the
 * value depends on the data.
 */
public class V19__portal_sync_sequences extends BaseJavaMigration {

    static final int BLOCK = 500;

    private static final String[][] SEQUENCES = {
        {"portal_dossier_seq", "portal_dossier"},
        {"portal_dossier_step_seq", "portal_dossier_step"},
        {"portal_notification_seq", "portal_notification"}
    };

    @Override
    public void migrate(Context context) throws SQLException {
        Connection db = context.getConnection();
        boolean postgresql = db.getMetaData()
                .getDatabaseProductName()
                .toLowerCase(Locale.ROOT)
                .contains("postgres");
        for (String[] sequence : SEQUENCES) {
            long highest = Math.max(
                    single(db, "SELECT COALESCE(MAX(id), 0) FROM " + sequence[1]),
                    single(
                            db,
                            postgresql
                                    ? "SELECT nextval('" + sequence[0] + "')"
                                    : "SELECT NEXT VALUE FOR " + sequence[0]));
            try (Statement alter = db.createStatement()) {
                alter.execute("ALTER SEQUENCE " + sequence[0] + " RESTART WITH " + restartAbove(highest)
                        + " INCREMENT BY " + BLOCK);
            }
        }
    }

    /** The first value of the new sequence: its block ({@code value − BLOCK + 1 … value}) lies above {@code highest}. */
    static long restartAbove(long highest) {
        return (Math.max(0, highest) / BLOCK + 2) * BLOCK;
    }

    private static long single(Connection db, String sql) throws SQLException {
        try (Statement query = db.createStatement();
                ResultSet row = query.executeQuery(sql)) {
            row.next();
            return row.getLong(1);
        }
    }
}
