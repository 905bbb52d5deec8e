/**
 * Rule tests: each rule's examples (a small graph, signals, the expected cause or {@code none}) are
 * run by {@link dev.taproot.rules.test.RuleTestRunner}, from the build and from
 * {@code taproot rules test [DIR]}. To add a test, add an example under the rule's {@code examples:}.
 */
package dev.taproot.rules.test;
