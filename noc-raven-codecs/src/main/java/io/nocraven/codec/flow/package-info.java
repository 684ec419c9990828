/**
 * Machinery shared by the template-based flow decoders (NetFlow v9, IPFIX): the information-element registry (IANA,
 * NetFlow v9, vendor and RFC 5103 reverse elements, user mapping file), value writing per abstract data type and
 * RFC 6313 lists, templates and their bounded cache per exporter + observation domain with lifetimes and
 * export/restore, the hold queue for data that arrives before its template, and data set decoding into records.
 */
package io.nocraven.codec.flow;
