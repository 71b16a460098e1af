/**
 * The e-Cabinet's model (Chính phủ điện tử — phiên họp không giấy): meetings (phiên họp) with their agenda, participants
 * and documents, votes (biểu quyết) and written opinion ballots (phiếu lấy ý kiến) with members' signed answers. JPA
 * entities and value objects; the rules that keep them consistent live on the entities themselves.
 */
package vn.egov.cabinet.domain.model;
