/**
 * The exchange's intranet pages under {@code /exchange}: inbox (văn bản đến), outbox (văn bản đi), a document with its
 * history, composing and sending, statistics, and attachment downloads.
 */
package vn.egov.exchange.interfaces.web;
