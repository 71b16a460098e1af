package vn.egov.reporting.domain.model;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** One line of a regime's form: an indicator, its place, and whether a value is required. */
@Embeddable
public class RegimeItem {

    @Column(name = "indicator_code", length = 40)
    private String indicatorCode;

    @Column(name = "position")
    private int position;

    @Column(name = "required")
    private boolean required;

    protected RegimeItem() {}

    public RegimeItem(String indicatorCode, int position, boolean required) {
        this.indicatorCode = indicatorCode;
        this.position = position;
        this.required = required;
    }

    public String getIndicatorCode() {
        return indicatorCode;
    }

    public int getPosition() {
        return position;
    }

    public boolean isRequired() {
        return required;
    }
}
