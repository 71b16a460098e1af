package vn.egov.exchange.interfaces.rest;

/** Chuyển xử lý: who in the recipient agency takes the document on (a username), with a note. */
public class AssignmentRequest {
    public String assignee;
    public String note;
}
