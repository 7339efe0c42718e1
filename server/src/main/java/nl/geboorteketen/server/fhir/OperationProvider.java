package nl.geboorteketen.server.fhir;

/**
 * Marks a plain HAPI provider (our operations, or a resource served from our own tables such as the
 * audit log); every bean of this type is registered on the FHIR endpoint, the one way a feature adds
 * to it without touching the endpoint's wiring.
 */
public interface OperationProvider {}
