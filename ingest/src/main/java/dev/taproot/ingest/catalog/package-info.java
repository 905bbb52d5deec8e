/** Backstage software catalog entities to services, systems, domains, APIs, resources and teams. */
package dev.taproot.ingest.catalog;
