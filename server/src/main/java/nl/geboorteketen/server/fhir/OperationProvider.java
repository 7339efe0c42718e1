package nl.geboorteketen.server.fhir;

/**
 * Marks a plain HAPI provider of custom operations; every bean of this type is registered on the
 * FHIR endpoint, so a feature adds its operations without touching the endpoint's wiring.
 */
public interface OperationProvider {}
