package vn.egov.exchange.interfaces.rest;

/** A recipient's status message: {@code status} 02–06, 15 or 16, a note, and who handled it. */
public class StatusRequest {
    public String status;
    public String description;
    public Staff staff;

    /** StaffInfo of the status message. */
    public static class Staff {
        public String department;
        public String name;
        public String email;
        public String mobile;
    }
}
