package nl.geboorteketen.server.fhir;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.rest.server.RestfulServer;
import java.util.concurrent.ThreadLocalRandom;

/** The FHIR endpoint under /fhir; everything it serves is registered by {@link FhirServerConfig}. */
public class GeboorteketenRestfulServer extends RestfulServer {

  private static final String ALPHANUMERIC = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

  public GeboorteketenRestfulServer(FhirContext ctx) {
    super(ctx);
  }

  /**
   * The X-Request-ID given to a request that brings none. HAPI draws it from a SecureRandom, 2 % of a
   * `$lip-indicatie` call's CPU (JFR); it only correlates log lines, so it needs no secret randomness.
   */
  @Override
  protected String newRequestId(int length) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    char[] id = new char[length];
    for (int i = 0; i < length; i++) {
      id[i] = ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length()));
    }
    return new String(id);
  }
}
