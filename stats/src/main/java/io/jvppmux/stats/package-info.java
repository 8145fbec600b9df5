/**
 * The stats client: maps VPP's statistics segment read-only (from the stats socket through jvpp-shim's
 * fd helper, or from a file) and parses it in pure Java, with VPP's optimistic epoch protocol and a bounds
 * check before every access. No JNI here: the parser runs on any mapped file. See docs/PROTOCOL.md, section 8.
 */
package io.jvppmux.stats;
