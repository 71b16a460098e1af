package vn.egov.exchange.domain.model;

import java.util.Arrays;
import java.util.Optional;

/** edXML {@code Bussiness/BussinessDocType}: a new document, or an order about an earlier one. */
public enum BusinessType {
    NEW(0),
    RECALL(1),
    UPDATE(2),
    REPLACE(3);

    private final int code;

    BusinessType(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }

    public static Optional<BusinessType> ofCode(int code) {
        return Arrays.stream(values()).filter(t -> t.code == code).findFirst();
    }
}
