package nl.geboorteketen.server.security;

import ca.uhn.fhir.rest.server.RestfulServer;

/**
 * A feature that watches every answer once the family filter has decided it (the audit log).
 * Security puts it in that place among its own interceptors, since hooks of the same order run
 * in the order they were registered, without depending on the feature.
 */
public interface EndpointWatcher {

  void install(RestfulServer server);
}
