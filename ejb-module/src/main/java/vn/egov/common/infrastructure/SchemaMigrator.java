package vn.egov.common.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionManagement;
import jakarta.ejb.TransactionManagementType;
import java.util.logging.Logger;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Brings the database schema to the version this build expects, at deploy, before anything else
 * touches it. The migrations are the versioned SQL files in the persistence module
 * ({@code db/migration}); they run on the embedded database and on PostgreSQL alike.
 *
 * <p>Bean-managed transactions: Flyway commits each migration itself, which a JTA transaction
 * would forbid.
 */
@Singleton
@Startup
@TransactionManagement(TransactionManagementType.BEAN)
public class SchemaMigrator {

    private static final Logger LOG = Logger.getLogger(SchemaMigrator.class.getName());

    @Resource(lookup = "jdbc/egov")
    private DataSource dataSource;

    @PostConstruct
    void migrate() {
        MigrateResult result = Flyway.configure(SchemaMigrator.class.getClassLoader())
                .dataSource(dataSource)
                .locations("classpath:db/migration")
                // Areas reserve migration numbers ahead and land in any order: a database already at
                // V18 still takes a V15 that arrives later, instead of refusing to start.
                .outOfOrder(true)
                // Migrations whose values depend on the data, in Java (registered, not scanned for).
                .javaMigrations(new V19__portal_sync_sequences())
                .load()
                .migrate();
        LOG.info(() -> "Database schema at version " + result.targetSchemaVersion + " (" + result.migrationsExecuted
                + " migrations applied now)");
    }
}
