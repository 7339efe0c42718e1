package nl.geboorteketen.server.fhir;

import ca.uhn.fhir.interceptor.api.Hook;
import ca.uhn.fhir.interceptor.api.Interceptor;
import ca.uhn.fhir.interceptor.api.Pointcut;
import java.util.List;
import java.util.Map;
import org.hl7.fhir.instance.model.api.IBaseConformance;
import org.hl7.fhir.r4.model.CanonicalType;
import org.hl7.fhir.r4.model.CapabilityStatement;

/**
 * Makes /metadata speak for this server: our profiles as supportedProfile per resource type and
 * our package as the implementation guide it implements.
 */
@Interceptor
public class CapabilityStatementCustomizer {

  private final Map<String, List<String>> profilesByType;
  private final String implementationGuide;

  public CapabilityStatementCustomizer(Map<String, List<String>> profilesByType, String implementationGuide) {
    this.profilesByType = profilesByType;
    this.implementationGuide = implementationGuide;
  }

  @Hook(Pointcut.SERVER_CAPABILITY_STATEMENT_GENERATED)
  public void customize(IBaseConformance conformance) {
    CapabilityStatement cs = (CapabilityStatement) conformance;
    cs.setPublisher("Geboorteketen");
    cs.getSoftware().setName("Geboorteketen FHIR server");
    cs.getImplementation().setDescription("FHIR R4 server for the Dutch birth-care chain");
    cs.getImplementationGuide().clear();
    cs.addImplementationGuide(implementationGuide);
    for (CapabilityStatement.CapabilityStatementRestComponent rest : cs.getRest()) {
      for (CapabilityStatement.CapabilityStatementRestResourceComponent resource : rest.getResource()) {
        List<String> ours = profilesByType.getOrDefault(resource.getType(), List.of());
        resource.getSupportedProfile().clear();
        ours.forEach(url -> resource.getSupportedProfile().add(new CanonicalType(url)));
      }
    }
  }
}
