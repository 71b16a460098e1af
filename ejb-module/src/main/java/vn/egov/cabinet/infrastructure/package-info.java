/**
 * What the e-Cabinet needs from outside its model: PDF minutes and ballot results (Apache PDFBox), and the demo meetings
 * loaded in demo mode.
 */
package vn.egov.cabinet.infrastructure;
