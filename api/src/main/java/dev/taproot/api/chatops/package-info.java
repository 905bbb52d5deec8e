/**
 * ChatOps: Slack slash commands and buttons (signed requests verified), Mattermost slash commands, a
 * plain JSON webhook and an Alertmanager relay, all answering through one
 * {@link dev.taproot.api.chatops.ChatResponder}. A new chat system is one {@code Routes} class that
 * parses its request into a {@link dev.taproot.api.chatops.ChatCommand} and renders the
 * {@link dev.taproot.api.chatops.ChatAnswer} in its own format.
 */
package dev.taproot.api.chatops;
