package vn.egov.it;

import org.jboss.arquillian.container.spi.event.DeployManagedDeployments;
import org.jboss.arquillian.container.spi.event.UnDeployManagedDeployments;
import org.jboss.arquillian.core.api.annotation.Observes;
import org.jboss.arquillian.core.spi.EventContext;
import org.jboss.arquillian.core.spi.LoadableExtension;

/**
 * Deploys the platform once for the whole integration suite of a database instead of once per test class.
 *
 * <p>Every test class deploys the same EAR ({@link PlatformIT#platform()}): redeploying it for each of some thirty
 * classes cost 6–20 s a time on the 2-core machine, twice over (H2 and PostgreSQL) — a third of the suite's time. The
 * first class's deployment goes through Arquillian as before; later classes' deployments and every undeployment are
 * left out, and the container stops with the application deployed at the end of the run (the domains are recreated by
 * each run). A deployment that fails is tried again by the next class, as before. Tests reach the platform through
 * {@link PlatformIT#base()}, which does not depend on a class's own deployment.
 *
 * <p>Hand-written because the one library for it (arquillian-suite-extension) targets JUnit 4 and pulls JBoss
 * resolver artefacts this build cannot resolve; the two observers here are all the behaviour needed.
 */
public final class DeployOnce implements LoadableExtension {

    @Override
    public void register(ExtensionBuilder builder) {
        builder.observer(Observer.class);
    }

    /** Arquillian's observer: lets the first deployment through and no undeployment. */
    public static final class Observer {

        private static volatile boolean deployed;

        public void deploy(@Observes EventContext<DeployManagedDeployments> event) {
            if (deployed) {
                return;
            }
            event.proceed();
            deployed = true;
        }

        public void undeploy(@Observes EventContext<UnDeployManagedDeployments> event) {
            // the platform stays deployed for the next class; the container stops with it at the end of the run
        }
    }
}
