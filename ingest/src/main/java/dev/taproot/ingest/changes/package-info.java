/** Changes: generic change events, deploy webhooks (Argo CD, GitHub), and changes Taproot notices between ingests. */
package dev.taproot.ingest.changes;
