/**
 * What every area shares and the entities' jar needs too: the domain exception with its stable codes, the one text rule
 * for user input, column lengths, digests, media types, search folding and the platform's clock (Vietnam time). Kept
 * here, below the EJB and web modules, so entities and services apply the same rules.
 */
package vn.egov.common;
