/**
 * The rule language as values: a {@link dev.taproot.rules.model.Rule} links a cause {@link dev.taproot.rules.model.SignalPattern} to an effect one across an {@link dev.taproot.rules.model.EntityRelation} within a {@link dev.taproot.rules.model.TimeRelation}.
 */
package dev.taproot.rules.model;
