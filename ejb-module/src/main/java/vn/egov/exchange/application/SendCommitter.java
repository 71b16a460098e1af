package vn.egov.exchange.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.EJBException;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.common.DomainException;
import vn.egov.common.infrastructure.GroupCommit;

/**
 * Group commit for sends. Request threads do the expensive part of a send in parallel (reading the
 * package, storing attachments, checking the signature), then hand the checked send here and wait.
 * One committer thread takes every send waiting at that moment (up to
 * {@code egov.exchange.send.batch-max}) and has the {@link SendWriter} write them in one
 * transaction: one head lock, one commit and one round of batched inserts for the lot, instead of
 * one of each per document. Each caller is answered only after that commit, so a 202 still means
 * the document is on disk. A failed batch is written again one send per transaction.
 *
 * <p>{@code @PermitAll}: an internal step of {@link ExchangeService#send}, which checked the caller
 * (role and agency) before handing the send here.
 */
@Singleton
@Startup
@PermitAll
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class SendCommitter {

    @Resource
    private ManagedThreadFactory threads;

    @Inject
    private SendWriter writer;

    @Inject
    @ConfigProperty(name = "egov.exchange.send.batch-max", defaultValue = "32")
    private int batchMax;

    @Inject
    @ConfigProperty(name = "egov.exchange.send.timeout-seconds", defaultValue = "60")
    private int timeoutSeconds;

    private GroupCommit<CheckedSend, Views.Receipt> group;

    @PostConstruct
    void start() {
        group = new GroupCommit<>("egov-exchange-committer", threads, batchMax, writer::write);
    }

    @PreDestroy
    void stop() {
        group.stop(TimeUnit.SECONDS.toMillis(10));
    }

    /** Writes the send with whatever else is waiting; returns its receipt once committed. */
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    public Views.Receipt commit(CheckedSend send) {
        try {
            return group.submit(send, timeoutSeconds, TimeUnit.SECONDS);
        } catch (TimeoutException e) {
            throw new DomainException(
                    DomainException.Kind.UNAVAILABLE,
                    "exchange.send.timeout",
                    "the send was not "
                            + "written within " + timeoutSeconds
                            + " s; send it again with the same DocumentId: if it was "
                            + "written meanwhile, the answer is its receipt and nothing is created twice");
        } catch (GroupCommit.StoppedException e) {
            throw new DomainException(
                    DomainException.Kind.UNAVAILABLE,
                    "exchange.send.unavailable",
                    "the exchange axis is stopping; send again with the same DocumentId once it is back");
        } catch (EJBException e) {
            // The writer's own failure, as the container wrapped it.
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
