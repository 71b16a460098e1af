package vn.egov.common.infrastructure;

import java.io.IOException;
import java.io.Writer;
import org.eclipse.persistence.platform.database.H2Platform;

/**
 * EclipseLink's H2 platform for H2 2.x. The stock platform writes SQL with parameters inlined
 * whenever a statement uses a function (it asks for dynamic SQL), and inlines booleans as 1/0,
 * which H2 2.x refuses to compare with a BOOLEAN column. This one writes TRUE/FALSE. The embedded
 * domain selects it through the {@code eclipselink.target-database} system property that
 * server-config/configure-domain.sh sets; PostgreSQL keeps EclipseLink's own detection.
 */
public class EgovH2Platform extends H2Platform {

    private static final long serialVersionUID = 1L;

    @Override
    protected void appendBoolean(Boolean bool, Writer writer) throws IOException {
        writer.write(Boolean.TRUE.equals(bool) ? "TRUE" : "FALSE");
    }
}
