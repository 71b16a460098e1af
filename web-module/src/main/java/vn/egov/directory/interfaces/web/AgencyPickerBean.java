package vn.egov.directory.interfaces.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import vn.egov.directory.application.AgencySearch;
import vn.egov.directory.application.DirectoryService;

/**
 * What the agency picker ({@code <egov:agencyPicker>}, resources/egov/agencyPicker.xhtml) asks: the
 * agencies whose name or code holds every word typed (the directory's own search, so "y te nghe an"
 * finds "Sở Y tế tỉnh Nghệ An"), and how to show a code to a person, "name (code)". The page keeps
 * the code; people never have to type one.
 */
@Named("agencyPicker")
@RequestScoped
public class AgencyPickerBean {

    /** Enough to find an agency by a few letters of its name without a list nobody reads. */
    static final int SUGGESTIONS = 20;

    @Inject
    private DirectoryService directory;

    public List<String> complete(String query) {
        if (query == null || query.isBlank()) {
            return List.of();
        }
        return directory.search(new AgencySearch(query, null, null, 0, SUGGESTIONS)).stream()
                .map(a -> a.code())
                .toList();
    }

    /** "Sở Y tế tỉnh Nghệ An (000.00.01.H41)"; a code the directory does not know is shown as it is. */
    public String label(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = directory.tree().name(code);
        return name == null ? code : name + " (" + code + ")";
    }
}
