package vn.egov.directory.domain.model;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.NamedQuery;
import jakarta.persistence.PrePersist;
import jakarta.persistence.SequenceGenerator;
import jakarta.persistence.Table;
import java.time.OffsetDateTime;
import java.util.EnumSet;
import java.util.Set;

/**
 * Cán bộ, công chức — a person who signs in to the intranet: a member of staff of one agency, or a
 * citizen (who has none). Holds a password hash, never a password.
 */
@Entity
@Table(name = "person")
@NamedQuery(name = "Person.byUsername", query = "SELECT p FROM Person p WHERE p.username = :username")
@NamedQuery(name = "Person.demo", query = "SELECT p FROM Person p WHERE p.demo = :demo")
@NamedQuery(
        name = "Person.activeWithRole",
        query = "SELECT DISTINCT p FROM Person p JOIN p.roles r "
                + "WHERE r = :role AND p.active = TRUE ORDER BY p.username")
public class Person {

    @Id
    @SequenceGenerator(name = "person_seq", sequenceName = "person_seq", allocationSize = 50)
    @GeneratedValue(strategy = GenerationType.SEQUENCE, generator = "person_seq")
    private Long id;

    @Column(name = "username", nullable = false, unique = true, length = 64)
    private String username;

    @Column(name = "full_name", nullable = false, length = 200)
    private String fullName;

    @Column(name = "email", length = 200)
    private String email;

    @Column(name = "agency_code", length = 20)
    private String agencyCode;

    @Column(name = "password_hash", nullable = false, length = 300)
    private String passwordHash;

    @Column(name = "active", nullable = false)
    private boolean active = true;

    /** Created by demo mode; removed when demo mode is off. */
    @Column(name = "demo", nullable = false)
    private boolean demo;

    /** Chức vụ: the office printed under the person's name where they sign ("Bộ trưởng Bộ Tài chính"). */
    @Column(name = "title", length = 200)
    private String title;

    /** Thứ tự nghi thức: lower comes first where people are listed by protocol (the Government's members). */
    @Column(name = "protocol_order")
    private Integer protocolOrder;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "person_role", joinColumns = @JoinColumn(name = "person_id"))
    @Enumerated(EnumType.STRING)
    @Column(name = "role", length = 30)
    private Set<Role> roles = EnumSet.noneOf(Role.class);

    @Column(name = "created_at", nullable = false)
    private OffsetDateTime createdAt;

    protected Person() {}

    public Person(
            String username,
            String fullName,
            String email,
            String agencyCode,
            String passwordHash,
            Set<Role> roles,
            boolean demo) {
        this.username = username;
        this.fullName = fullName;
        this.email = email;
        this.agencyCode = agencyCode;
        this.passwordHash = passwordHash;
        this.roles = roles.isEmpty() ? EnumSet.noneOf(Role.class) : EnumSet.copyOf(roles);
        this.demo = demo;
    }

    @PrePersist
    void beforeSave() {
        if (createdAt == null) {
            createdAt = OffsetDateTime.now();
        }
    }

    public Long getId() {
        return id;
    }

    public String getUsername() {
        return username;
    }

    public String getFullName() {
        return fullName;
    }

    public String getEmail() {
        return email;
    }

    public String getAgencyCode() {
        return agencyCode;
    }

    public String getPasswordHash() {
        return passwordHash;
    }

    public void setPasswordHash(String passwordHash) {
        this.passwordHash = passwordHash;
    }

    public boolean isActive() {
        return active;
    }

    public boolean isDemo() {
        return demo;
    }

    public Set<Role> getRoles() {
        return roles;
    }

    public String getTitle() {
        return title;
    }

    public Integer getProtocolOrder() {
        return protocolOrder;
    }

    /** The person's office and place in protocol order (either may be null). */
    public void setOffice(String title, Integer protocolOrder) {
        this.title = title;
        this.protocolOrder = protocolOrder;
    }
}
