package vn.egov.cabinet.infrastructure;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.egov.cabinet.domain.model.AgendaItem;
import vn.egov.cabinet.domain.model.CabinetDocument;
import vn.egov.cabinet.domain.model.DocumentKind;
import vn.egov.cabinet.domain.model.DocumentVersion;
import vn.egov.cabinet.domain.model.Meeting;
import vn.egov.cabinet.domain.model.MeetingKind;
import vn.egov.cabinet.domain.model.MeetingStatus;
import vn.egov.cabinet.domain.model.OpinionAnswer;
import vn.egov.cabinet.domain.model.OpinionBallot;
import vn.egov.cabinet.domain.model.Participant;
import vn.egov.cabinet.domain.model.ParticipantRole;
import vn.egov.common.Digests;
import vn.egov.common.Timestamps;
import vn.egov.directory.application.AgencyRecord;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.application.PersonRecord;
import vn.egov.directory.domain.model.Role;

/**
 * Demo e-Cabinet content, loaded once when demo mode is on and no meeting exists yet: the next
 * regular monthly session, convened, with its agenda and a draft to comment on, and an opinion
 * ballot open for five days — so a member signing in finds something to do.
 */
@Singleton
@Startup
@DependsOn("DemoDataLoader")
public class CabinetDemoData {

    private static final Logger LOG = Logger.getLogger(CabinetDemoData.class.getName());
    private static final ZoneOffset VIETNAM = ZoneOffset.ofHours(7);

    @PersistenceContext(unitName = "egov")
    private EntityManager em;

    @Inject
    @ConfigProperty(name = "egov.demo.enabled", defaultValue = "true")
    private boolean enabled;

    @Inject
    private DirectoryService directory;

    @PostConstruct
    void load() {
        if (!enabled
                || em.createQuery("SELECT COUNT(m) FROM Meeting m", Long.class).getSingleResult() > 0) {
            return;
        }
        List<PersonRecord> members = directory.activePeopleWithRole(Role.CABINET_MEMBER);
        if (members.stream().noneMatch(p -> p.username().equals("member.tt"))) {
            return;
        }
        OffsetDateTime now = Timestamps.now();
        LocalDate day = LocalDate.now(VIETNAM).plusMonths(1).withDayOfMonth(1);
        Meeting meeting = new Meeting(
                MeetingKind.REGULAR,
                "Phiên họp Chính phủ thường kỳ tháng " + day.getMonthValue() + "/" + day.getYear(),
                day.atTime(LocalTime.of(8, 0)).atOffset(VIETNAM),
                "Trụ sở Chính phủ, Hà Nội",
                false,
                "member.tt",
                "secretary.g22",
                now);
        em.persist(meeting);
        // The tables refer to each other by id columns, not mapped relations, so EclipseLink cannot
        // order the inserts itself: parents are flushed before their children.
        em.flush();
        for (PersonRecord member : members) {
            em.persist(new Participant(
                    meeting.getId(),
                    member.username(),
                    member.fullName(),
                    member.agencyCode(),
                    directory
                            .findAgency(member.agencyCode())
                            .map(AgencyRecord::name)
                            .orElse(null),
                    ParticipantRole.MEMBER,
                    null));
        }
        String[][] agenda = {
            {"Tình hình kinh tế - xã hội tháng trước, nhiệm vụ trọng tâm tháng tới", "000.00.00.G05", "90"},
            {"Dự thảo Nghị định về quản lý dữ liệu số", "000.00.00.G14", "45"},
            {"Tình hình giải ngân vốn đầu tư công", "000.00.00.G09", "30"},
        };
        AgendaItem draftItem = null;
        for (int i = 0; i < agenda.length; i++) {
            AgencyRecord presenter = directory.findAgency(agenda[i][1]).orElseThrow();
            AgendaItem item = new AgendaItem(
                    meeting.getId(),
                    i + 1,
                    agenda[i][0],
                    presenter.code(),
                    presenter.name(),
                    null,
                    Integer.valueOf(agenda[i][2]));
            em.persist(item);
            if (i == 1) {
                draftItem = item;
            }
        }
        em.flush();
        CabinetDocument draft = new CabinetDocument(
                draftItem.getId(),
                null,
                DocumentKind.DRAFT,
                "Dự thảo Nghị định về quản lý dữ liệu số",
                "secretary.g22",
                now);
        em.persist(draft);
        em.flush();
        byte[] text = ("Dự thảo Nghị định về quản lý dữ liệu số\n\nĐiều 1. Phạm vi điều chỉnh\n"
                        + "Nghị định này quy định việc quản lý, kết nối và chia sẻ dữ liệu số của cơ quan nhà nước.\n")
                .getBytes(StandardCharsets.UTF_8);
        em.persist(new DocumentVersion(
                draft.getId(),
                1,
                "du-thao-nghi-dinh.txt",
                "text/plain; charset=UTF-8",
                text,
                Digests.sha256Hex(text),
                null,
                "secretary.g22",
                now));
        meeting.advance(MeetingStatus.CONVENED, now);

        OpinionBallot ballot = new OpinionBallot(
                "Xin ý kiến thành viên Chính phủ về dự thảo Nghị quyết phiên họp " + "thường kỳ",
                "Văn phòng Chính phủ xin ý kiến về dự thảo Nghị quyết.",
                now.plusDays(5),
                "secretary.g22",
                now);
        em.persist(ballot);
        em.flush();
        for (PersonRecord member : members) {
            em.persist(new OpinionAnswer(ballot.getId(), member.username(), member.fullName(), member.agencyCode()));
        }
        LOG.info("Demo e-Cabinet content loaded: one convened meeting and one opinion ballot");
    }
}
