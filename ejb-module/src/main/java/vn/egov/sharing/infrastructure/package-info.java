/** The sharing gateway's client of providers' systems (java.net.http). */
package vn.egov.sharing.infrastructure;
