package vn.egov.cabinet.interfaces.web;

import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import vn.egov.cabinet.application.CabinetDossier;
import vn.egov.cabinet.application.MeetingMinutes;
import vn.egov.cabinet.application.OpinionBallots;
import vn.egov.cabinet.domain.model.DocumentVersion;
import vn.egov.cabinet.infrastructure.MinutesPdf;
import vn.egov.common.DomainException;
import vn.egov.common.interfaces.web.Downloads;

/**
 * Files of e-Cabinet for intranet pages (signed in by session): {@code /cabinet/files/documents/{id}}
 * (a dossier file, {@code ?version=n} or the latest), {@code /cabinet/files/minutes/{meetingId}} and
 * {@code /cabinet/files/ballots/{ballotId}} (PDF). The services decide who may read what.
 */
@WebServlet("/cabinet/files/*")
public class CabinetFilesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    @Inject
    private transient CabinetDossier dossier;

    @Inject
    private transient MeetingMinutes minutes;

    @Inject
    private transient OpinionBallots ballots;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String[] parts = request.getPathInfo() == null
                ? new String[0]
                : request.getPathInfo().substring(1).split("/");
        try {
            if (parts.length != 2) {
                throw new NumberFormatException();
            }
            long id = Long.parseLong(parts[1]);
            switch (parts[0]) {
                case "documents" -> {
                    String version = request.getParameter("version");
                    DocumentVersion file = dossier.file(id, version == null ? null : Integer.valueOf(version));
                    write(response, file.getContentType(), file.getFileName(), file.getContent());
                }
                case "minutes" ->
                    write(
                            response,
                            "application/pdf",
                            MinutesPdf.meetingFileName(id),
                            MinutesPdf.meeting(minutes.minutes(id)));
                case "ballots" ->
                    write(
                            response,
                            "application/pdf",
                            MinutesPdf.ballotFileName(id),
                            MinutesPdf.ballot(ballots.result(id)));
                default -> throw new NumberFormatException();
            }
        } catch (NumberFormatException e) {
            response.sendError(HttpServletResponse.SC_NOT_FOUND);
        } catch (DomainException e) {
            response.sendError(e.kind().status());
        }
    }

    private static void write(HttpServletResponse response, String type, String name, byte[] content)
            throws IOException {
        response.setContentType(type);
        response.setContentLength(content.length);
        response.setHeader("Content-Disposition", Downloads.attachment(name));
        response.getOutputStream().write(content);
    }
}
