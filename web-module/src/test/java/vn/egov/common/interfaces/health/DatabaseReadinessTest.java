package vn.egov.common.interfaces.health;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import org.junit.jupiter.api.Test;
import vn.egov.common.application.PlatformStatus;

/** Ready means the application itself answers and its database does: not one without the other. */
class DatabaseReadinessTest {

    private final ApplicationServing serving = new ApplicationServing();

    private DatabaseReadiness readiness(boolean databaseAnswers) throws ReflectiveOperationException {
        DatabaseReadiness check = new DatabaseReadiness();
        set(check, "status", new PlatformStatus() {
            @Override
            public boolean databaseAnswers() {
                return databaseAnswers;
            }
        });
        set(check, "serving", serving);
        return check;
    }

    private static void set(Object target, String field, Object value) throws ReflectiveOperationException {
        Field f = target.getClass().getDeclaredField(field);
        f.setAccessible(true);
        f.set(target, value);
    }

    @Test
    void notReadyWhileTheServerAnswersInTheApplicationsPlaceEvenIfTheDatabaseDoes() throws Exception {
        assertFalse(readiness(true).ready());
    }

    @Test
    void readyOnceTheApplicationServesAndOnlyWhileItsDatabaseAnswers() throws Exception {
        serving.markServing();
        assertTrue(readiness(true).ready());
        assertFalse(readiness(false).ready());
    }
}
