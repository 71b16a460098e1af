/**
 * What reporting needs from outside its model: CSV and XLSX value sheets (Apache Commons CSV, Apache POI) and the demo
 * regimes and reports loaded in demo mode.
 */
package vn.egov.reporting.infrastructure;
