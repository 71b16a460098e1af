/**
 * The exchange axis's services (trục liên thông): sending (checked in the caller's thread, written by a group committer),
 * inboxes, status reports, recalls (thu hồi), forwarding for handling (chuyển xử lý), webhooks, the hash-chained log and
 * signatures. Every operation is one transaction that takes the log's head lock first.
 */
package vn.egov.exchange.application;
