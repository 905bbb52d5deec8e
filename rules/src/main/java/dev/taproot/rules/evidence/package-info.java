/**
 * Evidence trees (value, description, details) and the plain-text rendering of an analysis.
 */
package dev.taproot.rules.evidence;
