package vn.egov.exchange.application;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts due webhook pushes every {@code egov.exchange.webhook.poll-seconds}: each outside any
 * transaction (a slow endpoint holds no lock and no connection), its outcome recorded in a
 * transaction of its own. Redirects are not followed; an answer other than 2xx, or none within
 * ten seconds, is a failed attempt.
 *
 * <p>{@code @PermitAll}: it has no business method; its timer runs as the container.
 */
@Singleton
@Startup
@PermitAll
public class WebhookPusher {

    private static final Logger LOG = Logger.getLogger(WebhookPusher.class.getName());
    private static final int PER_ROUND = 100;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Resource
    private TimerService timers;

    @Inject
    private Webhooks webhooks;

    @Inject
    @ConfigProperty(name = "egov.exchange.webhook.poll-seconds", defaultValue = "5")
    private int pollSeconds;

    @PostConstruct
    void schedule() {
        long every = Duration.ofSeconds(Math.max(1, pollSeconds)).toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("exchange webhook pushes", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void pushDue() {
        for (Long deliveryId : webhooks.due(PER_ROUND)) {
            try {
                webhooks.prepare(deliveryId).ifPresent(this::post);
            } catch (RuntimeException e) {
                LOG.log(Level.WARNING, "webhook push of delivery " + deliveryId + " failed", e);
            }
        }
    }

    private void post(Webhooks.PushRequest push) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(push.url()))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json")
                .header("X-Egov-Delivery", Long.toString(push.deliveryId()))
                .header("X-Egov-Signature", push.signature())
                .POST(HttpRequest.BodyPublishers.ofByteArray(push.body()))
                .build();
        try {
            int status =
                    http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
            if (status / 100 == 2) {
                webhooks.succeeded(push.deliveryId());
            } else {
                webhooks.failed(push.deliveryId(), "HTTP " + status);
            }
        } catch (IOException e) {
            webhooks.failed(push.deliveryId(), e.getClass().getSimpleName() + ": " + e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
