/** Alertmanager webhook payloads (version 4): one signal per alert on the entity its labels name. */
package dev.taproot.ingest.alertmanager;
