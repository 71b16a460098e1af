/**
 * The data sharing platform (nền tảng tích hợp, chia sẻ dữ liệu — LGSP/NGSP): member subsystems of
 * agencies, the services they publish, access rights granted per client subsystem, and the
 * hash-chained message log of every call through the gateway. Identifiers follow X-Road's
 * {@code INSTANCE/CLASS/MEMBER/SUBSYSTEM[/SERVICE]}, the member code being the directory's agency code.
 */
package vn.egov.sharing.domain.model;
