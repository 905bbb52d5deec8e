/** The incident memory as the application runs it: graph and index kept in step, import, recovery, feedback. */
package dev.taproot.api.memory;
