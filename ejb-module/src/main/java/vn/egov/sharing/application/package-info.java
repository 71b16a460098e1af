/**
 * The data sharing platform's services (LGSP/NGSP, issue 15): the registry of member subsystems,
 * services and access rights ({@link vn.egov.sharing.application.SharingRegistry}), the gateway's
 * decision on each call ({@link vn.egov.sharing.application.SharingGateway}), and the hash-chained
 * message log ({@link vn.egov.sharing.application.MessageLog}).
 */
package vn.egov.sharing.application;
