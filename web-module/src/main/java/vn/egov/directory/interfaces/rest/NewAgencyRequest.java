package vn.egov.directory.interfaces.rest;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Body of {@code POST /api/v1/directory/agencies}. */
public class NewAgencyRequest {

    @NotBlank
    @Size(max = 20)
    public String code;

    @NotBlank
    @Size(max = 200)
    public String name;

    @Size(max = 200)
    public String nameEn;

    @Size(max = 30)
    public String shortName;

    @Size(max = 20)
    public String parentCode;

    @NotNull
    @Pattern(
            regexp = "CENTRAL|MINISTRY|PROVINCE|DEPARTMENT|DISTRICT|COMMUNE",
            message = "must be one of CENTRAL, MINISTRY, PROVINCE, DEPARTMENT, DISTRICT, COMMUNE")
    public String level;

    @Size(max = 300)
    public String address;

    @Email
    @Size(max = 100)
    public String email;

    @Size(max = 30)
    public String phone;

    @Size(max = 200)
    public String website;
}
