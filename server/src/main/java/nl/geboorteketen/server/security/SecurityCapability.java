package nl.geboorteketen.server.security;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import ca.uhn.fhir.rest.api.server.RequestDetails;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.UriType;

/** Declares in /metadata how to authenticate: SMART on FHIR, bearer tokens, where the token endpoint is. */
@Interceptor
public class SecurityCapability {

  private final SecurityWeb web;

  public SecurityCapability(SecurityWeb web) {
    this.web = web;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void declare(IBaseConformance conformance, RequestDetails request) {
    String base = request == null ? "" : request.getFhirServerBase();
    String root = base.endsWith("/fhir") ? base.substring(0, base.length() - "/fhir".length()) : base;
    for (CapabilityStatement.CapabilityStatementRestComponent rest : ((CapabilityStatement) conformance).getRest()) {
      CapabilityStatement.CapabilityStatementRestSecurityComponent security = rest.getSecurity();
      security.setCors(true);
      security.getService().clear();
      security.addService().addCoding(new Coding("http://terminology.hl7.org/CodeSystem/restful-security-service",
          "SMART-on-FHIR", "SMART-on-FHIR"));
      security.setDescription("OAuth2 bearer JWT (SMART v2 scopes system/*.cruds, system/*.rs, patient/*.rs; claims gk_org, "
          + "gk_role, gk_bsn). Partners see only families they have a care relationship with; PGO tokens are read-only "
          + "and see their own and their children's records. Every access is recorded as an AuditEvent (NEN 7513). "
          + "Discovery: " + root + "/.well-known/smart-configuration");
      security.getExtension().removeIf(e -> e.getUrl().endsWith("/oauth-uris"));
      Extension uris = security.addExtension().setUrl("http://fhir-registry.smarthealthit.org/StructureDefinition/oauth-uris");
      uris.addExtension("token", new UriType(web.tokenEndpoint(root)));
    }
  }
}
