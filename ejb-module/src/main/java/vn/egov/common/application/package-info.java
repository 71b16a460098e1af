/**
 * What every area's services share: who the caller is ({@code Caller}, {@code CallerContext}), the one rule that another
 * agency's object is answered as not found ({@code Visibility}), and the platform status the readiness check reads.
 */
package vn.egov.common.application;
