package vn.egov.portal.application;

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
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sends the applicants' e-mails every {@code egov.portal.mail.poll-seconds} through the platform's
 * JavaMail session ({@code egov.portal.mail.session}, default {@code mail/egov}, which
 * configure-domain.sh points at the SMTP server): each notification claimed first (safe with two
 * instances), sent outside any transaction, its outcome recorded in a transaction of its own. No
 * mail server, or no mail session at all, only means failed attempts, tried again later with
 * back-off; the dossiers are never touched.
 *
 * <p>{@code @PermitAll}: it has no business method; its timer runs as the container.
 */
@Singleton
@Startup
@PermitAll
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class.getName());
    private static final int PER_ROUND = 50;

    @Resource
    private TimerService timers;

    @Inject
    private NotificationOutbox outbox;

    @Inject
    @ConfigProperty(name = "egov.portal.mail.poll-seconds", defaultValue = "5")
    private int pollSeconds;

    @Inject
    @ConfigProperty(name = "egov.portal.mail.max-per-poll", defaultValue = "500")
    private int maxPerPoll;

    @Inject
    @ConfigProperty(name = "egov.portal.mail.session", defaultValue = "mail/egov")
    private String sessionName;

    private Session session;

    @PostConstruct
    void schedule() {
        long every = Duration.ofSeconds(Math.max(1, pollSeconds)).toMillis();
        timers.createIntervalTimer(every, every, new TimerConfig("portal e-mail notifications", false));
    }

    @Timeout
    @TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
    void sendDue() {
        // Rounds of PER_ROUND until nothing is due, max-per-poll are handled or the poll interval is
        // spent: a backlog drains at the mail server's pace (up to max-per-poll per poll: 100 a second
        // by default, twenty times the national portal's average), and the sender never takes more
        // than its share of the server; the next timeout carries on where this one stopped.
        long stopAt =
                System.nanoTime() + Duration.ofSeconds(Math.max(1, pollSeconds)).toNanos();
        int handled = 0;
        List<Long> due;
        do {
            due = outbox.due(PER_ROUND);
            handled += due.size();
            try (Smtp smtp = new Smtp()) {
                for (Long id : due) {
                    try {
                        outbox.claim(id).ifPresent(mail -> send(smtp, mail));
                    } catch (RuntimeException e) {
                        LOG.log(Level.WARNING, "the e-mail notification " + id + " could not be handled", e);
                    }
                    if (smtp.unreachable) {
                        // No mail server answers: the others wait (unclaimed, untouched) for the next poll,
                        // instead of each failing in turn and costing two transactions for nothing.
                        return;
                    }
                }
            }
        } while (due.size() == PER_ROUND && handled < maxPerPoll && System.nanoTime() < stopAt);
    }

    /**
     * The mail session, looked up once (a JNDI look-up per e-mail was the sender's largest cost in
     * bench/portal-sync.sh's profile); a failed look-up is tried again at the next e-mail.
     */
    private Session session() throws NamingException {
        if (session == null) {
            session = (Session) new InitialContext().lookup(sessionName);
        }
        return session;
    }

    private void send(Smtp smtp, NotificationOutbox.Mail mail) {
        try {
            MimeMessage message = new MimeMessage(session());
            message.setFrom();
            message.setRecipient(MimeMessage.RecipientType.TO, new InternetAddress(mail.recipient(), true));
            message.setSubject(mail.subject(), "UTF-8");
            message.setText(mail.body(), "UTF-8");
            message.setSentDate(new Date());
            message.setHeader("Auto-Submitted", "auto-generated");
            message.saveChanges();
            smtp.send(message);
            outbox.sent(mail.id());
        } catch (NamingException | MessagingException | RuntimeException e) {
            LOG.log(Level.INFO, "e-mail notification " + mail.id() + " not sent; tried again later: " + e);
            outbox.failed(mail.id(), e.getClass().getSimpleName() + ": " + e.getMessage());
        }
    }

    /**
     * One connection to the mail server for a round of e-mails, opened at the first and reopened
     * after one that broke it: a connection (and SMTP greeting) per e-mail made a backlog of a
     * thousand synced dossiers' notices take minutes.
     */
    private final class Smtp implements AutoCloseable {

        private Transport transport;

        /** The mail server could not be reached: the poll ends here. */
        boolean unreachable;

        void send(MimeMessage message) throws MessagingException, NamingException {
            if (transport == null) {
                Transport opened = session().getTransport();
                try {
                    opened.connect();
                } catch (MessagingException e) {
                    unreachable = true;
                    throw e;
                }
                transport = opened;
            }
            try {
                transport.sendMessage(message, message.getAllRecipients());
            } catch (SendFailedException e) {
                throw e; // the server refused this message or its recipient; the connection serves the next
            } catch (MessagingException | RuntimeException e) {
                close(); // the connection broke (or was never good): the next e-mail opens another
                throw e;
            }
        }

        @Override
        public void close() {
            if (transport != null) {
                try {
                    transport.close();
                } catch (MessagingException e) {
                    LOG.log(Level.FINE, "closing the mail connection", e);
                }
                transport = null;
            }
        }
    }
}
