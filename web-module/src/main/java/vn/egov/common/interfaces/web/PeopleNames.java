package vn.egov.common.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.HashMap;
import java.util.Map;
import vn.egov.directory.application.DirectoryService;
import vn.egov.directory.application.PersonRecord;

/**
 * People by name on the pages, never by username (issue 14): who a document is assigned to, who recorded a step.
 * A name the directory does not know (a partner system, the transport) is shown as recorded. Asked once per
 * username and request: a trace names the same few people many times.
 */
@Named
@RequestScoped
public class PeopleNames {

    @Inject
    private DirectoryService directory;

    private final Map<String, String> names = new HashMap<>();

    /** The full name of the person with this username, or the username itself when no person has it. */
    public String of(String username) {
        if (username == null || username.isBlank()) {
            return "";
        }
        return names.computeIfAbsent(
                username,
                u -> directory
                        .findPerson(u)
                        .map(PersonRecord::fullName)
                        .filter(name -> !name.isBlank())
                        .orElse(u));
    }
}
