package nl.geboorteketen.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;

/** The FHIR endpoint under /fhir; everything it serves is registered by {@link FhirServerConfig}. */
public class GeboorteketenRestfulServer extends RestfulServer {

  public GeboorteketenRestfulServer(FhirContext ctx) {
    super(ctx);
  }
}
